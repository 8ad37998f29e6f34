//! Garbled text (乱码) is not a report with every section missing: text that
//! was UTF-8, read as GBK and saved again (「鏌愬幙浜烘皯鏀垮簻」 for
//! 「某县人民政府」), or whose characters were replaced by `?` or U+FFFD,
//! is refused with what most likely happened.

use encoding_rs::GBK;

/// Words every report uses; their absence in a long text, and their presence
/// once the likely damage is undone, tells garbled text from a report.
const COMMON: [&str; 6] = ["政府", "信息", "公开", "报告", "工作", "申请"];

fn common_words(s: &str) -> usize {
    COMMON.iter().map(|w| s.matches(w).count()).sum()
}

/// What went wrong, when the text is garbled.
pub fn diagnose(text: &str) -> Option<&'static str> {
    // A sample is enough, and keeps a 50 MB file cheap.
    let sample: String = text.chars().take(4000).collect();
    let chars = sample.chars().count();
    if chars < 40 {
        return None;
    }
    let han = sample.chars().filter(|&c| super::text::is_han(c)).count();
    if han * 3 < chars || common_words(&sample) * 200 >= han {
        return replaced_text(&sample, chars, han);
    }
    // UTF-8 bytes decoded as GBK: encoding back to GBK gives the UTF-8 bytes
    // (but for the odd character the round trip lost).
    let (bytes, _, _) = GBK.encode(&sample);
    let undone = String::from_utf8_lossy(&bytes);
    if common_words(&undone) >= 3 + common_words(&sample) * 2 {
        return Some(
            "疑为 UTF-8 文本被当作 GBK 打开后又保存（「某县」变成「鏌愬幙」），请从原文件重新导出为 UTF-8",
        );
    }
    replaced_text(&sample, chars, han)
}

/// Replacement characters (or `?` among Chinese text) in place of words.
fn replaced_text(sample: &str, chars: usize, han: usize) -> Option<&'static str> {
    let replaced = sample.chars().filter(|&c| c == '\u{FFFD}').count();
    let questions = sample.matches("??").count();
    if replaced * 10 > chars || (questions * 2 * 10 > chars && han * 4 < chars) {
        return Some(
            "文字被替换成了「?」或「\u{FFFD}」（另存时选错了编码），原文已丢失，请从原文件重新导出为 UTF-8",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "某县人民政府2023年政府信息公开工作年度报告。本报告根据《中华人民共和国政府信息公开条例》编制，全年主动公开政府信息1234条，收到政府信息公开申请56件，均已按时答复。";

    #[test]
    fn utf8_read_as_gbk() {
        let (garbled, _, _) = GBK.decode(REPORT.as_bytes());
        assert!(garbled.contains("鏌愬幙"), "{garbled}");
        assert!(diagnose(&garbled).is_some_and(|m| m.contains("UTF-8")));
        assert_eq!(diagnose(REPORT), None);
    }

    #[test]
    fn replaced_characters() {
        let q: String = REPORT
            .chars()
            .map(|c| {
                if super::super::text::is_han(c) {
                    '?'
                } else {
                    c
                }
            })
            .collect();
        assert!(diagnose(&q).is_some_and(|m| m.contains("替换")));
        let r: String = REPORT
            .chars()
            .map(|c| {
                if super::super::text::is_han(c) {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        assert!(diagnose(&r).is_some());
    }

    #[test]
    fn real_text_is_left_alone() {
        // A report with few common words is still not garbled.
        let t = "平潭综合实验区管委会2023年度工作总结：全年完成各项任务，组织开展培训十二次，接待来访群众三百余人次，办理建议提案四十五件，群众满意度持续提升。".repeat(3);
        assert_eq!(diagnose(&t), None);
    }
}
