//! Issue 16: prose as real reports write it — each pattern on text written
//! for the test, a finding where the text is wrong and none where it is right.

mod common;

use common::{check_text, found_rules};

/// A short report written for these tests: consistent, every section there.
const REPORT: &str = "某县人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息2460条，其中县级1722条，乡镇738条。
二、主动公开政府信息情况
全县通过政府网站主动公开政策文件86件。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请35件，均已按时答复。
四、政府信息公开行政复议、行政诉讼情况
全年未发生政府信息公开行政复议、行政诉讼。
五、存在的主要问题及改进情况
一是政策解读形式单一；二是基层公开不够规范。
六、其他需要报告的事项
本年度未收取信息处理费。
";

fn input_errors(text: &str) -> Vec<String> {
    check_text(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == "input-error")
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn mojibake_is_an_input_error_naming_the_cause() {
    assert!(input_errors(REPORT).is_empty());
    // UTF-8 read as GBK and saved again.
    let (garbled, _, _) = encoding_rs::GBK.decode(REPORT.as_bytes());
    let e = input_errors(&garbled);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("文本为乱码") && e[0].contains("UTF-8"),
        "{e:?}"
    );
    // Characters replaced by ? when saved in the wrong encoding.
    let questions: String = REPORT
        .chars()
        .map(|c| if c > '\u{3000}' { '?' } else { c })
        .collect();
    let e = input_errors(&questions);
    assert!(e.iter().any(|m| m.contains("替换")), "{e:?}");
    // And not a list of missing sections.
    let r = check_text(&garbled);
    assert!(
        found_rules(&r)
            .iter()
            .all(|(rule, _)| !rule.contains("section-"))
    );
}
