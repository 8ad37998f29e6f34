//! 表二 主动公开政府信息情况 of the 2019 and 2021 formats: its blocks
//! (第二十条第（一）项 …), header cells, rows and columns.

use super::Format;

/// 表二: (block title, header cells, rows: (id, label, column ids)).
pub type T2Block = (
    &'static str,
    Vec<&'static str>,
    Vec<(&'static str, &'static str, Vec<&'static str>)>,
);

pub fn t2_blocks(format: Format) -> Vec<T2Block> {
    if format == Format::F2021 {
        let d = vec!["decisions"];
        return vec![
            (
                "一",
                vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                vec![
                    ("rules", "规章", vec!["issued", "repealed", "valid"]),
                    (
                        "normative",
                        "行政规范性文件",
                        vec!["issued", "repealed", "valid"],
                    ),
                ],
            ),
            (
                "五",
                vec!["信息内容", "本年处理决定数量"],
                vec![("license", "行政许可", d.clone())],
            ),
            (
                "六",
                vec!["信息内容", "本年处理决定数量"],
                vec![
                    ("penalty", "行政处罚", d.clone()),
                    ("enforce", "行政强制", d),
                ],
            ),
            (
                "八",
                vec!["信息内容", "本年收费金额（单位：万元）"],
                vec![("fees", "行政事业性收费", vec!["amount"])],
            ),
        ];
    }
    let items = vec!["prev", "change", "decisions"];
    let head = vec!["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"];
    vec![
        (
            "一",
            vec![
                "信息内容",
                "本年新制作数量",
                "本年新公开数量",
                "对外公开总数量",
            ],
            vec![
                ("rules", "规章", vec!["made", "published", "total"]),
                (
                    "normative",
                    "规范性文件",
                    vec!["made", "published", "total"],
                ),
            ],
        ),
        (
            "五",
            head.clone(),
            vec![
                ("license", "行政许可", items.clone()),
                ("services", "其他对外管理服务事项", items.clone()),
            ],
        ),
        (
            "六",
            head,
            vec![
                ("penalty", "行政处罚", items.clone()),
                ("enforce", "行政强制", items),
            ],
        ),
        (
            "八",
            vec!["信息内容", "上一年项目数量", "本年增/减"],
            vec![("fees", "行政事业性收费", vec!["prev", "change"])],
        ),
        (
            "九",
            vec!["信息内容", "采购项目数量", "采购总金额"],
            vec![("procurement", "政府集中采购", vec!["items", "amount"])],
        ),
    ]
}

/// 表二's rows with their columns.
pub fn t2_rows(format: Format) -> Vec<(&'static str, Vec<&'static str>)> {
    t2_blocks(format)
        .into_iter()
        .flat_map(|(_, _, rows)| rows.into_iter().map(|(id, _, cols)| (id, cols)))
        .collect()
}
