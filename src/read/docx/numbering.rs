//! Word's automatic paragraph numbering: the paragraph styles' numbering
//! (`styles.xml`), the list definitions (`numbering.xml`) and the counters
//! that render 「一、」「（二）」「3.」 in front of a numbered paragraph the way
//! Word shows it. The runs of such a paragraph do not hold the marker, so the
//! heading checks would see an unnumbered heading without this.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml::{Names, Ns, attr, int_attr, on};
use crate::numbers::cjk::to_cjk;

/// Word's list levels are 0..=8.
const LEVELS: usize = 9;
/// Start values and counters stay within Word's own range (it allows 32767);
/// a bigger `w:start` is clamped instead of overflowing.
const MAX_COUNT: i64 = i32::MAX as i64;
/// `basedOn` chains longer than this are cut (they may loop).
const MAX_STYLE_CHAIN: usize = 32;

/// A paragraph style's own numbering and its parent.
#[derive(Debug, Default, Clone)]
struct Style {
    based_on: Option<String>,
    num_id: Option<i64>,
    ilvl: Option<i64>,
    /// The outline level (0 = Heading 1): `w:outlineLvl`, or the style's name
    /// 「heading N」/「标题 N」.
    outline: Option<u8>,
}

/// The paragraph styles of `styles.xml`, as far as numbering goes.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    default: Option<String>,
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Result<Styles, quick_xml::Error> {
        let mut styles = Styles::default();
        let mut reader = Reader::from_str(xml);
        let mut names = Names::default();
        let mut root = true;
        let mut skip = 0usize;
        // The paragraph style being read (its id and what it says so far).
        let mut current: Option<(String, Style)> = None;
        let mut in_ppr = false;
        loop {
            let (e, empty) = match reader.read_event()? {
                Event::Eof => break,
                Event::Start(e) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    (e, false)
                }
                Event::Empty(e) => {
                    if skip > 0 {
                        continue;
                    }
                    (e, true)
                }
                Event::End(e) => {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let name = e.name();
                    match names.split(name.as_ref()) {
                        (Ns::W, "style") => {
                            if let Some((id, style)) = current.take() {
                                styles.styles.insert(id, style);
                            }
                        }
                        (Ns::W, "pPr") => in_ppr = false,
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            if std::mem::take(&mut root) {
                names = Names::from_root(&e);
            }
            let qname = e.name();
            let (ns, local) = names.split(qname.as_ref());
            if ns != Ns::W {
                continue;
            }
            match local {
                "style" => {
                    if attr(&e, "type").as_deref().unwrap_or("paragraph") != "paragraph" {
                        if !empty {
                            skip = 1;
                        }
                        continue;
                    }
                    let id = attr(&e, "styleId").unwrap_or_default();
                    if attr(&e, "default")
                        .is_some_and(|d| matches!(d.as_str(), "1" | "true" | "on"))
                    {
                        styles.default = Some(id.clone());
                    }
                    if !empty {
                        current = Some((id, Style::default()));
                    }
                }
                // Old or other properties: their numbering is not in force.
                "rPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr" | "pPrChange" | "rPrChange"
                | "docDefaults" | "latentStyles"
                    if !empty =>
                {
                    skip = 1;
                }
                "pPr" => in_ppr = !empty,
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "name" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = s
                            .outline
                            .or(heading_name_level(&attr(&e, "val").unwrap_or_default()));
                    }
                }
                "outlineLvl" if in_ppr => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = int_attr(&e, "val")
                            .and_then(|v| u8::try_from(v).ok())
                            .filter(|&v| v < 9);
                    }
                }
                "numId" | "ilvl" if in_ppr => {
                    if let Some((_, s)) = current.as_mut() {
                        let v = int_attr(&e, "val");
                        if local == "numId" {
                            s.num_id = v;
                        } else {
                            s.ilvl = v;
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The outline level a paragraph of style `id` gets from its style chain
    /// (Word's built-in 「标题 1」… or a style with `w:outlineLvl`).
    pub(super) fn outline_level(&self, id: Option<&str>) -> Option<u8> {
        let mut id = id.or(self.default.as_deref());
        for _ in 0..MAX_STYLE_CHAIN {
            let style = id.and_then(|i| self.styles.get(i))?;
            if style.outline.is_some() {
                return style.outline;
            }
            id = style.based_on.as_deref();
        }
        None
    }

    /// The numbering a paragraph of style `id` (or the default style) gets
    /// from its style chain: the nearest `numId` and the nearest `ilvl`.
    pub(super) fn numbering(&self, id: Option<&str>) -> (Option<i64>, Option<i64>) {
        let mut id = id.or(self.default.as_deref());
        let (mut num_id, mut ilvl) = (None, None);
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(style) = id.and_then(|i| self.styles.get(i)) else {
                break;
            };
            num_id = num_id.or(style.num_id);
            ilvl = ilvl.or(style.ilvl);
            if num_id.is_some() && ilvl.is_some() {
                break;
            }
            id = style.based_on.as_deref();
        }
        (num_id, ilvl)
    }
}

/// 「heading 2」 (Word's built-in name, whatever the UI language) or
/// 「标题 2」 → 1.
fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let n = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?
        .trim();
    let n: u8 = n.parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

/// How the number of a level is written (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    EnclosedCircle,
    EnclosedFullstop,
    EnclosedParen,
    ChineseCounting,
    ChineseLegal,
    IdeographDigital,
    IdeographTraditional,
    IdeographZodiac,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// No number (`none`, `bullet`): the level text is shown as written.
    None,
}

impl Format {
    fn parse(s: &str) -> Format {
        match s {
            "decimalZero" => Format::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Format::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::EnclosedCircle,
            "decimalEnclosedFullstop" => Format::EnclosedFullstop,
            "decimalEnclosedParen" => Format::EnclosedParen,
            "chineseCounting"
            | "chineseCountingThousand"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "japaneseCounting"
            | "koreanCounting" => Format::ChineseCounting,
            "chineseLegalSimplified" => Format::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" | "koreanDigital" => Format::IdeographDigital,
            "ideographTraditional" => Format::IdeographTraditional,
            "ideographZodiac" => Format::IdeographZodiac,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "none" | "bullet" => Format::None,
            // decimal, decimalHalfWidth, ordinal, custom, …: digits.
            _ => Format::Decimal,
        }
    }

    /// `n` written in this format.
    fn render(self, n: i64) -> String {
        const CIRCLE: char = '\u{2460}'; // ①
        const FULLSTOP: char = '\u{2488}'; // ⒈
        const PAREN: char = '\u{2474}'; // ⑴
        let enclosed = |base: char| match n {
            1..=20 => {
                char::from_u32(base as u32 + n as u32 - 1).map_or(n.to_string(), String::from)
            }
            _ => n.to_string(),
        };
        if n <= 0 {
            return match self {
                Format::None => String::new(),
                Format::ChineseCounting | Format::IdeographDigital if n == 0 => "〇".into(),
                _ => n.to_string(),
            };
        }
        match self {
            Format::Decimal => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect(),
            Format::EnclosedCircle => enclosed(CIRCLE),
            Format::EnclosedFullstop => enclosed(FULLSTOP),
            Format::EnclosedParen => enclosed(PAREN),
            Format::ChineseCounting => to_cjk(n as u64),
            Format::ChineseLegal => legal(n as u64),
            Format::IdeographDigital => n
                .to_string()
                .chars()
                .map(|c| {
                    "〇一二三四五六七八九"
                        .chars()
                        .nth(c as usize - '0' as usize)
                        .unwrap_or(c)
                })
                .collect(),
            Format::IdeographTraditional => cycle("甲乙丙丁戊己庚辛壬癸", n),
            Format::IdeographZodiac => cycle("子丑寅卯辰巳午未申酉戌亥", n),
            Format::LowerLetter => letters(n, b'a'),
            Format::UpperLetter => letters(n, b'A'),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::None => String::new(),
        }
    }
}

/// 壹贰叁… for `chineseLegalSimplified` (10 → 壹拾, as Word writes it).
fn legal(n: u64) -> String {
    let counted = to_cjk(n);
    let counted = if counted.starts_with('十') {
        format!("一{counted}")
    } else {
        counted
    };
    counted
        .chars()
        .map(|c| match c {
            '零' => '零',
            '一' => '壹',
            '二' => '贰',
            '三' => '叁',
            '四' => '肆',
            '五' => '伍',
            '六' => '陆',
            '七' => '柒',
            '八' => '捌',
            '九' => '玖',
            '十' => '拾',
            '百' => '佰',
            '千' => '仟',
            other => other,
        })
        .collect()
}

/// The `n`th of a cycle of signs (甲乙丙…: 11 is 甲 again).
fn cycle(signs: &str, n: i64) -> String {
    let count = signs.chars().count() as i64;
    signs
        .chars()
        .nth(((n - 1) % count) as usize)
        .map(String::from)
        .unwrap_or_default()
}

/// a … z, aa … zz, aaa …: Word repeats the letter. Past a few hundred the
/// number is written in digits (a bounded marker).
fn letters(n: i64, base: u8) -> String {
    let times = (n - 1) / 26 + 1;
    if times > 10 {
        return n.to_string();
    }
    let c = (base + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, times as usize).collect()
}

/// I … MMMCMXCIX; past 3999 in digits.
fn roman(n: i64) -> String {
    if n > 3999 {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// What follows the number (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Suffix {
    /// A tab, shown as one blank: the marker stays apart from the text without
    /// making the line look like a table row.
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: Format,
    text: Option<String>,
    suffix: Suffix,
    /// `w:lvlRestart`: 0 never restarts; `r` restarts after a level < `r`
    /// (0-based); absent: after any higher level.
    restart: Option<i64>,
    /// `w:isLgl`: every number of the marker in digits.
    legal: bool,
    style: Option<String>,
}

impl Level {
    /// Reads one property element of a `w:lvl`.
    fn property(&mut self, local: &str, e: &BytesStart) {
        match local {
            "start" => self.start = int_attr(e, "val").unwrap_or(0).clamp(0, MAX_COUNT),
            "numFmt" => self.format = Format::parse(attr(e, "val").as_deref().unwrap_or("")),
            "lvlText" => self.text = attr(e, "val"),
            "suff" => {
                self.suffix = match attr(e, "val").as_deref() {
                    Some("space") => Suffix::Space,
                    Some("nothing") => Suffix::Nothing,
                    _ => Suffix::Tab,
                }
            }
            "lvlRestart" => self.restart = int_attr(e, "val"),
            "isLgl" => self.legal = on(e),
            "pStyle" => self.style = attr(e, "val"),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Default)]
struct AbstractNum {
    levels: [Level; LEVELS],
    /// `w:numStyleLink`: the levels are those of the list this style numbers with.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: i64,
    /// `w:lvlOverride/w:startOverride` per level.
    start: [Option<i64>; LEVELS],
    /// `w:lvlOverride/w:lvl`: a whole level replaced.
    levels: [Option<Level>; LEVELS],
}

impl Num {
    fn overrides(&self) -> bool {
        self.start.iter().any(Option::is_some) || self.levels.iter().any(Option::is_some)
    }
}

/// The list definitions of `numbering.xml`.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<i64, AbstractNum>,
    nums: HashMap<i64, Num>,
}

/// Clamps a level index to Word's 0..=8.
fn level_index(ilvl: i64) -> usize {
    ilvl.clamp(0, LEVELS as i64 - 1) as usize
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Result<Numbering, quick_xml::Error> {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut names = Names::default();
        let mut root = true;
        let mut skip = 0usize;
        let mut abstract_num: Option<(i64, AbstractNum)> = None;
        let mut num: Option<(i64, Num)> = None;
        // The level being read: its index and, in a `w:num`, whether it is
        // a `w:lvlOverride` (the level then replaces the abstract one).
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let (e, empty) = match reader.read_event()? {
                Event::Eof => break,
                Event::Start(e) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    (e, false)
                }
                Event::Empty(e) => {
                    if skip > 0 {
                        continue;
                    }
                    (e, true)
                }
                Event::End(e) => {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let name = e.name();
                    let (ns, local) = names.split(name.as_ref());
                    if ns == Ns::W {
                        end_numbering_element(
                            local,
                            &mut numbering,
                            &mut abstract_num,
                            &mut num,
                            &mut level,
                            &mut override_level,
                        );
                    }
                    continue;
                }
                _ => continue,
            };
            if std::mem::take(&mut root) {
                names = Names::from_root(&e);
            }
            let qname = e.name();
            let (ns, local) = names.split(qname.as_ref());
            if ns != Ns::W {
                continue;
            }
            match local {
                "abstractNum" => {
                    let id = int_attr(&e, "abstractNumId").unwrap_or(-1);
                    abstract_num = Some((id, AbstractNum::default()));
                }
                "num" => {
                    let id = int_attr(&e, "numId").unwrap_or(-1);
                    num = Some((id, Num::default()));
                }
                "abstractNumId" => {
                    if let Some((_, n)) = num.as_mut() {
                        n.abstract_id = int_attr(&e, "val").unwrap_or(-1);
                    }
                }
                "lvlOverride" => {
                    override_level = Some(level_index(int_attr(&e, "ilvl").unwrap_or(0)))
                }
                "startOverride" => {
                    if let (Some((_, n)), Some(l)) = (num.as_mut(), override_level) {
                        n.start[l] = Some(int_attr(&e, "val").unwrap_or(0).clamp(0, MAX_COUNT));
                    }
                }
                "lvl" => {
                    let l = int_attr(&e, "ilvl").map_or(override_level.unwrap_or(0), level_index);
                    level = Some((l, Level::default()));
                }
                "numStyleLink" => {
                    if let Some((_, a)) = abstract_num.as_mut() {
                        a.style_link = attr(&e, "val");
                    }
                }
                // A level's paragraph and run properties hold no numbering.
                "pPr" | "rPr" => {
                    if !empty {
                        skip = 1;
                    }
                    continue;
                }
                _ => {
                    if let Some((_, l)) = level.as_mut() {
                        l.property(local, &e);
                    }
                }
            }
            if empty {
                end_numbering_element(
                    local,
                    &mut numbering,
                    &mut abstract_num,
                    &mut num,
                    &mut level,
                    &mut override_level,
                );
            }
        }
        Ok(numbering)
    }

    /// The levels and start values a `numId` numbers with, and the key of its
    /// counters.
    fn resolve(&self, num_id: i64, styles: &Styles) -> Option<(Vec<Level>, Key)> {
        let num = self.nums.get(&num_id)?;
        let mut abstract_num = self.abstracts.get(&num.abstract_id)?;
        let mut abstract_id = num.abstract_id;
        // `numStyleLink`: one hop to the list that defines the levels.
        if let Some(link) = &abstract_num.style_link
            && let (Some(linked), _) = styles.numbering(Some(link))
            && let Some(n) = self.nums.get(&linked)
            && let Some(a) = self.abstracts.get(&n.abstract_id)
        {
            abstract_num = a;
            abstract_id = n.abstract_id;
        }
        let levels = (0..LEVELS)
            .map(|l| {
                let mut level = num.levels[l]
                    .clone()
                    .unwrap_or_else(|| abstract_num.levels[l].clone());
                if let Some(start) = num.start[l] {
                    level.start = start;
                }
                level
            })
            .collect();
        // Lists of one definition share their counters (Word continues the
        // list), unless a `w:num` overrides a level ("restart numbering").
        let key = if num.overrides() {
            Key::Num(num_id)
        } else {
            Key::Abstract(abstract_id)
        };
        Some((levels, key))
    }

    /// The level of `num_id` whose `w:pStyle` is `style` (a style linked to a
    /// list level numbers at that level).
    fn level_of_style(&self, num_id: i64, style: &str) -> Option<i64> {
        let num = self.nums.get(&num_id)?;
        let a = self.abstracts.get(&num.abstract_id)?;
        a.levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
            .map(|l| l as i64)
    }
}

fn end_numbering_element(
    local: &str,
    numbering: &mut Numbering,
    abstract_num: &mut Option<(i64, AbstractNum)>,
    num: &mut Option<(i64, Num)>,
    level: &mut Option<(usize, Level)>,
    override_level: &mut Option<usize>,
) {
    match local {
        "lvl" => {
            if let Some((l, lvl)) = level.take() {
                if let Some((_, n)) = num.as_mut() {
                    n.levels[l] = Some(lvl);
                } else if let Some((_, a)) = abstract_num.as_mut() {
                    a.levels[l] = lvl;
                }
            }
        }
        "lvlOverride" => *override_level = None,
        "abstractNum" => {
            if let Some((id, a)) = abstract_num.take() {
                numbering.abstracts.insert(id, a);
            }
        }
        "num" => {
            if let Some((id, n)) = num.take() {
                numbering.nums.insert(id, n);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Abstract(i64),
    Num(i64),
}

/// The counters of the lists while the body is read in order.
#[derive(Debug)]
pub(super) struct Lists<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: HashMap<Key, [Option<i64>; LEVELS]>,
}

impl<'a> Lists<'a> {
    pub(super) fn new(styles: &'a Styles, numbering: &'a Numbering) -> Lists<'a> {
        Lists {
            styles,
            numbering,
            counters: HashMap::new(),
        }
    }

    /// The outline level of a paragraph of this style (see `Styles`).
    pub(super) fn outline_level(&self, style: Option<&str>) -> Option<u8> {
        self.styles.outline_level(style)
    }

    /// The marker (number and suffix) of the next paragraph with style
    /// `style` and its own `w:numPr` (`num_id`, `ilvl`); empty when it is not
    /// numbered. Counts the paragraph.
    pub(super) fn marker(
        &mut self,
        style: Option<&str>,
        num_id: Option<i64>,
        ilvl: Option<i64>,
    ) -> String {
        let (style_num, style_ilvl) = self.styles.numbering(style);
        let Some(num_id) = num_id.or(style_num) else {
            return String::new();
        };
        // numId 0 switches a style's numbering off.
        if num_id == 0 {
            return String::new();
        }
        let ilvl = ilvl
            .or(style_ilvl)
            .or_else(|| style.and_then(|s| self.numbering.level_of_style(num_id, s)))
            .unwrap_or(0);
        let l = level_index(ilvl);
        let Some((levels, key)) = self.numbering.resolve(num_id, self.styles) else {
            return String::new();
        };
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        let value = match counters[l] {
            None => levels[l].start,
            Some(v) => v.saturating_add(1).min(MAX_COUNT),
        };
        counters[l] = Some(value);
        for (deeper, level) in levels.iter().enumerate().skip(l + 1) {
            let keep = match level.restart {
                Some(0) => true,
                Some(r) => (l as i64) >= r,
                None => false,
            };
            if !keep {
                counters[deeper] = None;
            }
        }
        let level = &levels[l];
        let Some(text) = &level.text else {
            return String::new();
        };
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=LEVELS as u32).contains(&d)
            {
                chars.next();
                let k = d as usize - 1;
                let n = counters[k].unwrap_or(levels[k].start);
                let format = if level.legal && levels[k].format != Format::None {
                    Format::Decimal
                } else {
                    levels[k].format
                };
                out.push_str(&format.render(n));
            } else {
                out.push(c);
            }
        }
        // No marker, no blank in front of the text.
        if !out.is_empty() && level.suffix != Suffix::Nothing {
            out.push(' ');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let r = |f: &str, n| Format::parse(f).render(n);
        assert_eq!(r("chineseCounting", 1), "一");
        assert_eq!(r("chineseCounting", 10), "十");
        assert_eq!(r("chineseCounting", 11), "十一");
        assert_eq!(r("chineseCounting", 20), "二十");
        assert_eq!(r("chineseCounting", 21), "二十一");
        assert_eq!(r("chineseCountingThousand", 105), "一百零五");
        assert_eq!(r("chineseLegalSimplified", 3), "叁");
        assert_eq!(r("chineseLegalSimplified", 12), "壹拾贰");
        assert_eq!(r("ideographTraditional", 2), "乙");
        assert_eq!(r("ideographTraditional", 11), "甲");
        assert_eq!(r("decimal", 7), "7");
        assert_eq!(r("decimalFullWidth", 12), "１２");
        assert_eq!(r("decimalEnclosedCircle", 3), "③");
        assert_eq!(r("decimalEnclosedCircle", 21), "21");
        assert_eq!(r("lowerLetter", 2), "b");
        assert_eq!(r("upperLetter", 28), "BB");
        assert_eq!(r("lowerRoman", 4), "iv");
        assert_eq!(r("upperRoman", 1994), "MCMXCIV");
        assert_eq!(r("upperRoman", 1_000_000), "1000000");
        assert_eq!(r("lowerLetter", i32::MAX as i64), "2147483647");
        assert_eq!(r("bullet", 1), "");
        assert_eq!(r("none", 1), "");
        assert_eq!(r("somethingNew", 5), "5");
    }
}
