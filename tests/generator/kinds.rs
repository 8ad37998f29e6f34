//! What a generated report varies: the format, and one label or prose variant.

/// Which national format (or the pre-2019 free format with a statistics table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    F2021,
    F2019,
    S2008,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::F2021, Format::F2019, Format::S2008];

    pub fn name(self) -> &'static str {
        match self {
            Format::F2021 => "2021",
            Format::F2019 => "2019",
            Format::S2008 => "2008",
        }
    }

    /// The rule-id prefix of the pack the tool picks for this format.
    pub fn pack(self) -> &'static str {
        match self {
            Format::F2021 => "gov2021",
            Format::F2019 => "gov2019",
            Format::S2008 => "gov2008",
        }
    }
}

/// How labels and headers are written (one thing varied at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    /// The base form every other variant changes one thing of: the official
    /// labels, （一）, 1., with 「危及三安全一稳定」 written without quotes (as many
    /// reports do), so that each variant isolates one cause.
    Base,
    /// The official curly quotes: 危及“三安全一稳定”.
    CurlyQuotes,
    /// 危及"三安全一稳定" with ASCII quotes.
    AsciiQuotes,
    /// 危及「三安全一稳定」.
    CornerQuotes,
    /// (一) instead of （一）.
    HalfBrackets,
    /// 1． (full-width dot) instead of 1.
    FullDot,
    /// 1、 instead of 1.
    CommaDot,
    /// 2021 report whose 表三 keeps the 2019 single （六）其他处理 row.
    Rows2019,
    /// 表三 header without 申请人情况 / 法人或其他组织 rows.
    FlatApplicantHeader,
    /// 表四 header in one row instead of three.
    T4HeaderOneRow,
    /// 「三、本年度办理结果」 repeated before every result row.
    RepeatResults,
    /// Many zeros, written as blank cells.
    BlankZeros,
    /// Many zeros, written as 0.
    Zeros,
    /// A label that lost characters in PDF conversion: 其他法律行政止公开.
    Garbled,
    /// 2019 表二 采购总金额 written with its unit: 251000元.
    AmountWithUnit,
    /// Prose quoting 表四 with 「其中结果维持…」 lists, one per total, split at 「；」.
    ProseT4Lists,
    /// Prose saying 收到 = 新收 + 上年结转 (「收到…N件（含上年结转M件）」).
    ProseReceivedWithCarried,
    /// Prose in the 受理 N 件，答复 M 件（含上年度结转申请…，另有…件顺延到下年度答复） form.
    ProseAnswered,
    /// Prose quoting percentages (「予以公开N件，占X%」).
    ProsePercent,
}

impl Variant {
    pub const ALL: [Variant; 19] = [
        Variant::Base,
        Variant::CurlyQuotes,
        Variant::AsciiQuotes,
        Variant::CornerQuotes,
        Variant::HalfBrackets,
        Variant::FullDot,
        Variant::CommaDot,
        Variant::Rows2019,
        Variant::FlatApplicantHeader,
        Variant::T4HeaderOneRow,
        Variant::RepeatResults,
        Variant::BlankZeros,
        Variant::Zeros,
        Variant::Garbled,
        Variant::AmountWithUnit,
        Variant::ProseT4Lists,
        Variant::ProseReceivedWithCarried,
        Variant::ProseAnswered,
        Variant::ProsePercent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Variant::Base => "base",
            Variant::CurlyQuotes => "curly-quotes",
            Variant::AsciiQuotes => "ascii-quotes",
            Variant::CornerQuotes => "corner-quotes",
            Variant::HalfBrackets => "half-brackets",
            Variant::FullDot => "full-dot",
            Variant::CommaDot => "comma-dot",
            Variant::Rows2019 => "rows-2019",
            Variant::FlatApplicantHeader => "flat-applicant-header",
            Variant::T4HeaderOneRow => "t4-header-one-row",
            Variant::RepeatResults => "repeat-results",
            Variant::BlankZeros => "blank-zeros",
            Variant::Zeros => "zeros",
            Variant::Garbled => "garbled-label",
            Variant::AmountWithUnit => "amount-with-unit",
            Variant::ProseT4Lists => "prose-t4-lists",
            Variant::ProseReceivedWithCarried => "prose-received-with-carried",
            Variant::ProseAnswered => "prose-answered",
            Variant::ProsePercent => "prose-percent",
        }
    }

    /// Whether the variant means anything for the format.
    pub fn applies_to(self, f: Format) -> bool {
        use Variant::*;
        match self {
            Base | HalfBrackets | FullDot | CommaDot | BlankZeros | Zeros | ProsePercent => true,
            Rows2019 => f == Format::F2021,
            AmountWithUnit => f == Format::F2019,
            CurlyQuotes
            | AsciiQuotes
            | CornerQuotes
            | FlatApplicantHeader
            | T4HeaderOneRow
            | RepeatResults
            | Garbled
            | ProseT4Lists
            | ProseReceivedWithCarried
            | ProseAnswered => f != Format::S2008,
        }
    }
}
