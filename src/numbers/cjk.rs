//! The one home of Chinese numerals: values (一百零五, 两千三百, 三万五千,
//! 〇/零), ordinals as headings and dates use them (一 … 九十九), and writing an
//! ordinal back (1 → 一, 12 → 十二).

/// Value of a run of Chinese numeral characters, or `None` if it is not a
/// well-formed numeral.
pub fn parse_cjk(s: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 亿 groups
    let mut section: u64 = 0; // completed 万 group within the current 亿 group
    let mut group: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut any = false;
    for c in s.chars() {
        any = true;
        let d = match c {
            '零' | '〇' | '○' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            // Two digits in a row are only well-formed after 零 (一百零五);
            // 二〇一七 is a year written digit by digit, not a quantity.
            if digit.is_some_and(|prev| prev != 0) {
                return None;
            }
            digit = Some(d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                // 十二 means 一十二; 百 and 千 need their digit.
                let d = match digit.take() {
                    Some(d) => d,
                    None if c == '十' => 1,
                    None => return None,
                };
                group = group.checked_add(d.checked_mul(unit)?)?;
            }
            '万' => {
                let g = group + digit.take().unwrap_or(0);
                if g == 0 && section == 0 && total == 0 {
                    return None;
                }
                section = (section + g).checked_mul(10_000)?;
                group = 0;
            }
            '亿' => {
                let g = section + group + digit.take().unwrap_or(0);
                if g == 0 && total == 0 {
                    return None;
                }
                total = (total + g).checked_mul(100_000_000)?;
                section = 0;
                group = 0;
            }
            _ => return None,
        }
    }
    if !any {
        return None;
    }
    total
        .checked_add(section)?
        .checked_add(group)?
        .checked_add(digit.unwrap_or(0))
}

/// Writes `n` in Chinese numerals (used by tests and messages).
pub fn to_cjk(n: u64) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn below_10000(n: u64, out: &mut String, pad: bool) {
        let units = [(1000, '千'), (100, '百'), (10, '十')];
        let mut zero = false;
        let mut started = pad;
        for (u, c) in units {
            let d = n / u % 10;
            if d == 0 {
                zero = started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            if !(u == 10 && d == 1 && !started) {
                out.push(D[d as usize]);
            }
            out.push(c);
            started = true;
        }
        let d = n % 10;
        if d > 0 {
            if zero || (pad && n < 1000 && !started) {
                out.push('零');
            }
            out.push(D[d as usize]);
        }
    }
    if n == 0 {
        return "零".into();
    }
    let mut out = String::new();
    let parts = [
        (n / 100_000_000, '亿'),
        (n / 10_000 % 10_000, '万'),
        (n % 10_000, ' '),
    ];
    let mut started = false;
    let mut pending_zero = false;
    for (v, u) in parts {
        if v == 0 {
            pending_zero = started;
            continue;
        }
        if started && (pending_zero || v < 1000) {
            out.push('零');
        }
        let mut s = String::new();
        below_10000(v, &mut s, false);
        if started && s.starts_with('十') {
            s.insert(0, '一');
        }
        out.push_str(&s);
        if u != ' ' {
            out.push(u);
        }
        started = true;
        pending_zero = false;
    }
    out
}

/// The one table of Chinese digits, with the zero look-alikes dates are
/// written with (二〇一七, 二○一二, 二Ｏ一九, 二0一九).
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A year written digit by digit in Chinese (二〇一七 → 2017).
pub fn year_digits(s: &str) -> Option<i32> {
    let mut year = 0i32;
    let mut n = 0;
    for c in s.chars() {
        year = year * 10 + digit(c)? as i32;
        n += 1;
    }
    (n == 4).then_some(year)
}

/// Value of a Chinese numeral used as an ordinal (一 … 九十九, 〇/零, 两).
pub fn ordinal(s: &str) -> Option<u32> {
    // Ordinals are written with 两 but not with the zero look-alikes of dates.
    let digit = |c: char| match c {
        '两' => Some(2),
        '○' | 'Ｏ' | '0' => None,
        c => digit(c),
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [d, '十'] => Some(digit(*d)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

/// Writes an ordinal the way headings do (1 → 一, 12 → 十二).
pub fn numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[(n - 10) as usize] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                D[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_digit_by_digit() {
        assert_eq!(year_digits("二〇一七"), Some(2017));
        assert_eq!(year_digits("二○一二"), Some(2012));
        assert_eq!(year_digits("二Ｏ一九"), Some(2019));
        assert_eq!(year_digits("二零二一"), Some(2021));
        assert_eq!(year_digits("二〇一"), None);
        assert_eq!(year_digits("二〇一x"), None);
        // Zero look-alikes are not ordinals.
        assert_eq!(ordinal("○"), None);
        assert_eq!(ordinal("〇"), Some(0));
    }

    #[test]
    fn ordinals_round_trip() {
        for n in 0..100 {
            assert_eq!(ordinal(&numeral(n)), Some(n), "{n}");
        }
        assert_eq!(ordinal("两"), Some(2));
        assert_eq!(ordinal("是"), None);
    }

    #[test]
    fn table() {
        for (s, n) in [
            ("两", 2),
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("一百零五", 105),
            ("两千三百", 2300),
            ("一千零一", 1001),
            ("三万五千", 35000),
            ("一万零五十", 10050),
            ("十二万", 120_000),
            ("一亿二千万", 120_000_000),
            ("〇", 0),
        ] {
            assert_eq!(parse_cjk(s), Some(n), "{s}");
        }
        for s in ["", "万", "百", "是", "一是", "二〇一七"] {
            assert_eq!(parse_cjk(s), None, "{s}");
        }
    }

    #[test]
    fn round_trip() {
        for n in (0..3000).chain([10_000, 10_050, 120_000, 100_000_001, 2_030_405_060]) {
            assert_eq!(parse_cjk(&to_cjk(n)), Some(n), "{n} → {}", to_cjk(n));
        }
    }
}
