//! The number reader: every quantity of a text with its exact value, the
//! precision it is written with, its unit and whether it is approximate.
//! Dates, years, document numbers, phone numbers, addresses and list
//! ordinals are not quantities.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::cjk::parse_cjk;
use crate::source::span::Span;

/// One quantity as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The number with its multiplier, approximation marks and unit.
    pub span: Span,
    /// Just the digits (or numerals).
    pub number: Span,
    /// The value in the written unit (`36.5` for `36.5%`, `12000` for `1.2万条`,
    /// `2` for `2万元` whose unit is 万元).
    pub value: Decimal,
    /// Half a unit of the last written digit: `99.8%` is [99.75, 99.85).
    /// Zero for whole counts written in full.
    pub tolerance: Decimal,
    /// `条`, `件`, `%`, `万元`, … (`None` when no known unit follows).
    pub unit: Option<&'static str>,
    /// 近万条, 1万余条, 约, 左右: never an exact total.
    pub approx: bool,
    /// How an approximate figure bounds its true value (`Exact` when not).
    pub approx_as: Approx,
}

/// What an approximation word says about the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Approx {
    #[default]
    Exact,
    /// 2300余, 20多, 10有余: at least the figure, below the next unit of its
    /// last written digit (2300余 < 2400).
    More,
    /// 以上, 超过, 逾, 多达, 上万: at least the figure, no upper bound.
    Over,
    /// 近, 将近, 接近: at most the figure, within one unit of its last digit.
    Near,
    /// 约, 大约, 左右: within one unit of its last digit either way.
    About,
    /// 数万, 几万, or two marks at once: no bound is read.
    Vague,
}

impl Approx {
    fn join(self, other: Approx) -> Approx {
        match (self, other) {
            (Approx::Exact, o) | (o, Approx::Exact) => o,
            (a, b) if a == b => a,
            _ => Approx::Vague,
        }
    }
}

impl Quantity {
    pub fn is_percent(&self) -> bool {
        self.unit == Some("%")
    }

    /// The value as written for messages: `8532`, `99.8`.
    pub fn shown(&self) -> String {
        self.value.normalize().to_string()
    }

    /// The value with its approximation word for messages: `2300余`, `近2000`.
    pub fn shown_as_written(&self) -> String {
        let v = self.shown();
        match self.approx_as {
            Approx::Exact | Approx::Vague => v,
            Approx::More => format!("{v}余"),
            Approx::Over => format!("{v}以上"),
            Approx::Near => format!("近{v}"),
            Approx::About => format!("约{v}"),
        }
    }

    /// The least and the greatest value the figure may stand for (`None`:
    /// no upper bound). An exact figure is its value within its tolerance.
    pub fn bounds(&self) -> (Decimal, Option<Decimal>) {
        let (v, t) = (self.value, self.tolerance);
        // One unit of the last nonzero written digit: 2300 → 100, 1.2万 → 1000.
        let step = || {
            let mut step = Decimal::ONE;
            let ten = Decimal::TEN;
            let mut rest = v.trunc();
            while !rest.is_zero() && (rest % ten).is_zero() && step < v {
                rest /= ten;
                step *= ten;
            }
            step.max(t * Decimal::TWO)
        };
        let zero = Decimal::ZERO;
        match self.approx_as {
            Approx::Exact => (v - t, Some(v + t)),
            Approx::More => (v - t, Some(v + step())),
            Approx::Over => (v - t, None),
            Approx::Near => ((v - step()).max(zero), Some(v + t)),
            Approx::About => ((v - step()).max(zero), Some(v + step())),
            Approx::Vague => (zero, None),
        }
    }
}

/// Units, longest first so that 人次 wins over 人.
const UNITS: &[&str] = &[
    "个百分点",
    "万人次",
    "人次",
    "万元",
    "亿元",
    "平方米",
    "条",
    "件",
    "次",
    "人",
    "个",
    "篇",
    "组",
    "元",
    "家",
    "项",
    "份",
    "名",
    "场",
    "批",
    "类",
    "户",
    "处",
    "所",
    "部",
    "台",
    "套",
    "天",
    "期",
    "封",
];
const NOT_QUANTITY_AFTER: &[char] = &[
    '年', '月', '日', '号', '时', '室', '楼', '层', '届', '版', '路', '栋', '幢', '米',
];
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("近", Approx::Near),
    ("约", Approx::About),
    ("大约", Approx::About),
    ("接近", Approx::Near),
    ("超过", Approx::Over),
    ("逾", Approx::Over),
    ("将近", Approx::Near),
    ("多达", Approx::Over),
];
const APPROX_AFTER: &[(&str, Approx)] = &[
    ("余", Approx::More),
    ("多", Approx::More),
    ("左右", Approx::About),
    ("以上", Approx::Over),
    ("有余", Approx::More),
];

fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '○'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

fn fold_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Byte offset of char `j`, or the end of the text.
fn off_of(chars: &[(usize, char)], j: usize) -> usize {
    match chars.get(j) {
        Some(&(o, _)) => o,
        None => chars.last().map_or(0, |&(o, c)| o + c.len_utf8()),
    }
}

fn is_digit(c: char) -> bool {
    fold_digit(c).is_some()
}

/// Reads every quantity of `text`, whose first byte is at `base` of the document.
pub fn read_quantities(text: &str, base: usize) -> Vec<Quantity> {
    let mut out = Vec::new();
    read_quantities_into(text, base, usize::MAX, &mut out);
    out
}

/// Appends the quantities of `text` to `out` while `out` holds fewer than
/// `limit`; returns the byte offset (in the document) where reading stopped
/// short, if it did.
pub fn read_quantities_into(
    text: &str,
    base: usize,
    limit: usize,
    out: &mut Vec<Quantity>,
) -> Option<usize> {
    // No number spans a 。！？ or a cut between two chars that cannot be part of one.
    let numeric =
        |c: char| is_digit(c) || is_cjk_numeral(c) || matches!(c, ',' | '，' | '.' | '．');
    let mut chars = Vec::new();
    for (from, piece) in crate::source::text::pieces(text, 4096, numeric) {
        if out.len() >= limit {
            return Some(base + from);
        }
        chars.clear();
        // At most one char per byte: no growth while pushing.
        chars.reserve(piece.len());
        chars.extend(piece.char_indices());
        read_chunk(piece, &chars, base + from, out);
    }
    None
}

fn read_chunk(text: &str, chars: &[(usize, char)], base: usize, out: &mut Vec<Quantity>) {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let parsed = if is_digit(c) {
            arabic(text, chars, i)
        } else if c == '百' && text[off(i)..].starts_with("百分之") {
            percent_words(chars, i)
        } else if is_cjk_numeral(c) && !at(i.wrapping_sub(1)).is_some_and(is_cjk_numeral) {
            cjk(text, chars, i)
        } else {
            None
        };
        let Some((mut q, end)) = parsed else {
            // A digit run rejected as a whole (a phone number) is skipped whole.
            i += 1;
            while is_digit(c) && i < chars.len() && is_digit(chars[i].1) {
                i += 1;
            }
            continue;
        };
        let before = &text[..off(i)];
        if let Some((_, a)) = APPROX_BEFORE.iter().find(|(w, _)| before.ends_with(w)) {
            q.approx = true;
            q.approx_as = q.approx_as.join(*a);
        }
        // Never stall: every accepted quantity consumes at least one char.
        let end = end.max(i + 1);
        q.span = Span::new(base + off(i), base + off(end));
        q.number = q.number.offset(base);
        out.push(q);
        i = end;
    }
}

/// Reads the unit (and approximation marks) from char `j`; returns the unit
/// and the char index after it.
fn unit_at(
    text: &str,
    chars: &[(usize, char)],
    mut j: usize,
    approx: &mut Approx,
) -> (Option<&'static str>, usize) {
    let rest = |j: usize| -> &str { &text[off_of(chars, j).min(text.len())..] };
    for (w, a) in APPROX_AFTER {
        if rest(j).starts_with(w) && !rest(j + w.chars().count()).starts_with('元') {
            *approx = approx.join(*a);
            j += w.chars().count();
            break;
        }
    }
    while chars.get(j).is_some_and(|&(_, c)| c == ' ') {
        j += 1;
    }
    let r = rest(j);
    if r.starts_with('%') || r.starts_with('％') {
        return (Some("%"), j + 1);
    }
    match UNITS.iter().find(|u| r.starts_with(*u)) {
        Some(u) => {
            let mut end = j + u.chars().count();
            let after = rest(end);
            for (w, a) in APPROX_AFTER {
                if after.starts_with(w) {
                    *approx = approx.join(*a);
                    end += w.chars().count();
                    break;
                }
            }
            (Some(u), end)
        }
        None => (None, j),
    }
}

fn arabic(text: &str, chars: &[(usize, char)], start: usize) -> Option<(Quantity, usize)> {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    // Part of a URL, an e-mail address, a code, a document number or an ordinal.
    if let Some(p) = start.checked_sub(1).and_then(at)
        && (p.is_ascii_alphanumeric() || "._-－/@:#〔﹝[【第".contains(p))
    {
        return None;
    }
    let mut digits = String::new();
    let mut j = start;
    while let Some(d) = at(j).and_then(fold_digit) {
        digits.push(char::from_digit(d, 10)?);
        j += 1;
    }
    // Thousands separators: `10,811`, `10，811` — exactly three digits after each.
    while matches!(at(j), Some(',' | '，'))
        && (1..=3).all(|k| at(j + k).is_some_and(is_digit))
        && !at(j + 4).is_some_and(is_digit)
    {
        for k in 1..=3 {
            digits.push(char::from_digit(fold_digit(at(j + k)?)?, 10)?);
        }
        j += 4;
    }
    let mut scale = 0u32;
    if matches!(at(j), Some('.' | '．')) && at(j + 1).is_some_and(is_digit) {
        digits.push('.');
        j += 1;
        while let Some(d) = at(j).and_then(fold_digit) {
            digits.push(char::from_digit(d, 10)?);
            scale += 1;
            j += 1;
        }
    }
    let number = Span::new(chars[start].0, off_of(chars, j));
    // A list ordinal (`1.`, `2、`), a bracketed number (`（1）`, `〔2017〕`),
    // a date part, a document or room number: not quantities.
    let next = at(j);
    if matches!(
        next,
        Some('.' | '、' | '．' | '）' | ')' | '〕' | '﹞' | ']' | '】' | '-' | '－' | ':' | '：')
    ) || next.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut k = j;
    while at(k) == Some(' ') {
        k += 1;
    }
    if at(k).is_some_and(|c| NOT_QUANTITY_AFTER.contains(&c)) {
        return None;
    }
    let mut value = Decimal::from_str(&digits).ok()?;
    if !super::plausible(value, scale) {
        return None;
    }
    let mut mult = Decimal::ONE;
    let mut approx = Approx::Exact;
    let mut unit_money_in_wan = None;
    match at(j) {
        Some('万') => mult = Decimal::from(10_000),
        Some('亿') => mult = Decimal::from(100_000_000),
        _ => {}
    }
    if mult != Decimal::ONE {
        // `2万元` keeps its unit 万元; `1.2万条` is 12000 条.
        let after = at(j + 1);
        if after == Some('元') {
            unit_money_in_wan = Some(if at(j) == Some('万') {
                "万元"
            } else {
                "亿元"
            });
        } else {
            j += 1;
        }
    }
    let (unit, end) = match unit_money_in_wan {
        Some(u) => (Some(u), j + 2),
        None => unit_at(text, chars, j, &mut approx),
    };
    // Long bare digit runs are phone numbers, postcodes, ids.
    if unit.is_none() && digits.len() >= 6 && scale == 0 {
        return None;
    }
    if unit_money_in_wan.is_none() {
        value = value.checked_mul(mult)?;
    }
    let exact_count = scale == 0 && mult == Decimal::ONE && unit != Some("%");
    let tolerance = if exact_count {
        Decimal::ZERO
    } else {
        let step = Decimal::new(5, scale + 1);
        if unit_money_in_wan.is_none() {
            step * mult
        } else {
            step
        }
    };
    Some((
        Quantity {
            span: Span::default(),
            number,
            value,
            tolerance,
            unit,
            approx: approx != Approx::Exact,
            approx_as: approx,
        },
        end,
    ))
}

fn cjk(text: &str, chars: &[(usize, char)], start: usize) -> Option<(Quantity, usize)> {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    if start > 0 && at(start - 1) == Some('第') {
        return None;
    }
    let mut j = start;
    while at(j).is_some_and(is_cjk_numeral) {
        j += 1;
        if j - start > 24 {
            return None;
        }
    }
    let mut approx = Approx::Exact;
    // Chinese numerals count only with a unit (一是, 进一步, 三公 are words):
    // look for it before parsing the numeral.
    let (unit, end) = unit_at(text, chars, j, &mut approx);
    let unit = unit.filter(|u| *u != "%")?;
    let word = &text[chars[start].0..off_of(chars, j)];
    // 近万条, 上万人: a bare 万 after an approximation word.
    let value = match parse_cjk(word) {
        Some(v) => Decimal::from(v),
        None if (word == "万" || word == "亿")
            && start > 0
            && "近上数几逾".contains(at(start - 1)?) =>
        {
            approx = approx.join(match at(start - 1)? {
                '近' => Approx::Near,
                '上' | '逾' => Approx::Over,
                _ => Approx::Vague,
            });
            Decimal::from(if word == "万" { 10_000 } else { 100_000_000 })
        }
        None => return None,
    };
    let number = Span::new(chars[start].0, off_of(chars, j));
    Some((
        Quantity {
            span: Span::default(),
            number,
            value,
            tolerance: Decimal::ZERO,
            unit: Some(unit),
            approx: approx != Approx::Exact,
            approx_as: approx,
        },
        end,
    ))
}

/// 百分之三十, 百分之12.5
fn percent_words(chars: &[(usize, char)], start: usize) -> Option<(Quantity, usize)> {
    let from = start + 3;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    if at(from).is_some_and(is_digit) {
        let (mut q, end) = arabic_bare(chars, from)?;
        q.unit = Some("%");
        q.number = Span::new(chars[start].0, q.number.end);
        return Some((q, end));
    }
    let mut j = from;
    let mut word = String::new();
    while let Some(c) = at(j).filter(|c| is_cjk_numeral(*c)) {
        word.push(c);
        j += 1;
    }
    let value = Decimal::from(parse_cjk(&word)?);
    Some((
        Quantity {
            span: Span::default(),
            number: Span::new(chars[start].0, off_of(chars, j)),
            value,
            tolerance: Decimal::new(5, 1),
            unit: Some("%"),
            approx: false,
            approx_as: Approx::Exact,
        },
        j,
    ))
}

/// Digits with an optional decimal part and nothing after (for 百分之12.5).
fn arabic_bare(chars: &[(usize, char)], start: usize) -> Option<(Quantity, usize)> {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut s = String::new();
    let mut j = start;
    let mut scale = 0;
    let mut dot = false;
    while let Some(c) = at(j) {
        if let Some(d) = fold_digit(c) {
            s.push(char::from_digit(d, 10)?);
            if dot {
                scale += 1;
            }
        } else if matches!(c, '.' | '．') && !dot && at(j + 1).is_some_and(is_digit) {
            s.push('.');
            dot = true;
        } else {
            break;
        }
        j += 1;
    }
    let end_off = off_of(chars, j);
    let value = Decimal::from_str(&s).ok()?;
    if !super::plausible(value, scale) {
        return None;
    }
    Some((
        Quantity {
            span: Span::default(),
            number: Span::new(chars[start].0, end_off),
            value,
            tolerance: Decimal::new(5, scale + 1),
            unit: None,
            approx: false,
            approx_as: Approx::Exact,
        },
        j,
    ))
}
