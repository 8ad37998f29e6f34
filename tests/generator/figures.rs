//! The figures of a report, random but consistent: every relation of the
//! templates holds (表三 identity, results, applicants; 表四's three groups;
//! the statistics table's parent = Σ children, 「其中」 ≤ parent, channels ≥
//! total). `broken` evaluates the same relations, so a test learns which
//! ones a change breaks.

use rand::Rng;
use rand::rngs::StdRng;

use super::labels;
use super::stat;
use super::{CellRef, Format, Variant};

/// Applicant columns of 表三, in order; `total` last.
pub const T3_COLS: [&str; 7] = [
    "natural", "business", "research", "charity", "legal", "other", "total",
];
/// 表四's fifteen columns.
pub const T4_COLS: [&str; 15] = [
    "review-upheld",
    "review-corrected",
    "review-other",
    "review-pending",
    "review-total",
    "direct-upheld",
    "direct-corrected",
    "direct-other",
    "direct-pending",
    "direct-total",
    "after-upheld",
    "after-corrected",
    "after-other",
    "after-pending",
    "after-total",
];

#[derive(Clone, Debug)]
pub struct Figures {
    /// 表二: row id → (column id, value); money in tenths (`fees.amount`) or yuan.
    pub t2: Vec<(String, Vec<(String, i64)>)>,
    /// 表三: row id → the seven columns.
    pub t3: Vec<(String, [i64; 7])>,
    /// 表四's one row.
    pub t4: [i64; 15],
    /// The statistics table (2008 format only).
    pub stat: Vec<stat::SRow>,
    /// Zeros are written as blank cells.
    pub blank_zeros: bool,
    /// 2019 采购总金额 written with 「元」.
    pub amount_unit: bool,
}

fn part(rng: &mut StdRng, sparse: bool, zero_p: f64) -> i64 {
    if sparse && rng.random_bool(zero_p) {
        0
    } else {
        rng.random_range(1..=9)
    }
}

impl Figures {
    pub fn random(format: Format, variant: Variant, rng: &mut StdRng) -> Figures {
        let sparse = matches!(variant, Variant::BlankZeros | Variant::Zeros);
        let mut f = Figures {
            t2: Vec::new(),
            t3: Vec::new(),
            t4: [0; 15],
            stat: Vec::new(),
            blank_zeros: variant == Variant::BlankZeros,
            amount_unit: variant == Variant::AmountWithUnit,
        };
        if format == Format::S2008 {
            f.stat = stat::random(rng, sparse);
            return f;
        }
        // 表二
        for (id, cols) in labels::t2_rows(format) {
            let vals = cols
                .iter()
                .map(|c| {
                    let v = match *c {
                        "amount" if format == Format::F2021 => rng.random_range(1..=99_999),
                        "amount" => rng.random_range(1_000..=9_000_000),
                        "change" => rng.random_range(-5..=9),
                        "decisions" => rng.random_range(1..=50_000),
                        "valid" | "total" | "prev" => rng.random_range(10..=900),
                        _ => part(rng, sparse, 0.5),
                    };
                    (c.to_string(), if sparse && *c == "change" { 0 } else { v })
                })
                .collect();
            f.t2.push((id.to_string(), vals));
        }
        // 表三: result rows per column, then the total, carry-over and new rows.
        let results = labels::t3_result_ids(format, variant);
        let mut rows: Vec<(String, [i64; 7])> = Vec::new();
        for id in &results {
            let mut v = [0i64; 7];
            for (c, x) in v.iter_mut().enumerate().take(6) {
                *x = part(rng, sparse, if c == 0 { 0.5 } else { 0.85 });
            }
            rows.push((id.to_string(), v));
        }
        let mut total = [0i64; 7];
        for (_, v) in &rows {
            for c in 0..6 {
                total[c] += v[c];
            }
        }
        let mut forward = [0i64; 7];
        let mut carried = [0i64; 7];
        let mut new = [0i64; 7];
        for c in 0..6 {
            forward[c] = part(rng, sparse, 0.7).min(5);
            let cap = (total[c] + forward[c] - 1).clamp(0, 5);
            carried[c] = if cap == 0 || (sparse && rng.random_bool(0.6)) {
                0
            } else {
                rng.random_range(1..=cap)
            };
            new[c] = total[c] + forward[c] - carried[c];
        }
        let mut t3 = vec![("new".to_string(), new), ("carried".to_string(), carried)];
        t3.extend(rows);
        t3.push(("total".to_string(), total));
        t3.push(("forward".to_string(), forward));
        for (_, v) in &mut t3 {
            v[6] = v[..6].iter().sum();
        }
        f.t3 = t3;
        // 表四
        for g in 0..3 {
            let mut s = 0;
            for k in 0..4 {
                let x = part(rng, sparse, 0.6);
                f.t4[g * 5 + k] = x;
                s += x;
            }
            f.t4[g * 5 + 4] = s;
        }
        f
    }

    pub fn get(&self, c: &CellRef) -> Option<i64> {
        match c.table.as_str() {
            "t2" => self
                .t2
                .iter()
                .find(|(r, _)| *r == c.row)?
                .1
                .iter()
                .find(|(k, _)| *k == c.col)
                .map(|x| x.1),
            "t3" => {
                let row = self.t3.iter().find(|(r, _)| *r == c.row)?;
                let i = T3_COLS.iter().position(|x| *x == c.col)?;
                Some(row.1[i])
            }
            "t4" => T4_COLS.iter().position(|x| *x == c.col).map(|i| self.t4[i]),
            "stat" => self
                .stat
                .iter()
                .find(|r| r.id == c.row)
                .and_then(|r| r.value),
            _ => None,
        }
    }

    pub fn set(&mut self, c: &CellRef, v: i64) {
        match c.table.as_str() {
            "t2" => {
                for (r, cols) in &mut self.t2 {
                    if *r == c.row {
                        for (k, x) in cols.iter_mut() {
                            if *k == c.col {
                                *x = v;
                            }
                        }
                    }
                }
            }
            "t3" => {
                let i = T3_COLS.iter().position(|x| *x == c.col).expect("column");
                for (r, row) in &mut self.t3 {
                    if *r == c.row {
                        row[i] = v;
                    }
                }
            }
            "t4" => {
                let i = T4_COLS.iter().position(|x| *x == c.col).expect("column");
                self.t4[i] = v;
            }
            "stat" => {
                for r in &mut self.stat {
                    if r.id == c.row {
                        r.value = Some(v);
                    }
                }
            }
            _ => panic!("no table {}", c.table),
        }
    }

    /// The text a cell is written with.
    pub fn show(&self, c: &CellRef, v: i64) -> String {
        if v == 0 && self.blank_zeros {
            return String::new();
        }
        match (c.table.as_str(), c.col.as_str()) {
            ("t2", "amount") if c.row == "fees" => format!("{}.{}", v / 10, v % 10),
            ("t2", "amount") if self.amount_unit => format!("{v}元"),
            ("stat", _) => self
                .stat
                .iter()
                .find(|r| r.id == c.row)
                .map_or(v.to_string(), |r| r.show(v)),
            _ => v.to_string(),
        }
    }

    /// Cells a mutation may change.
    pub fn mutable_cells(&self, format: Format) -> Vec<CellRef> {
        let mut out = Vec::new();
        if format == Format::S2008 {
            for r in &self.stat {
                if r.value.is_some() && !r.fixed {
                    out.push(CellRef::new("stat", &r.id, "value"));
                }
            }
            return out;
        }
        for (r, cols) in &self.t2 {
            for (c, _) in cols {
                out.push(CellRef::new("t2", r, c));
            }
        }
        for (r, _) in &self.t3 {
            for c in T3_COLS {
                out.push(CellRef::new("t3", r, c));
            }
        }
        for c in T4_COLS {
            out.push(CellRef::new("t4", "all", c));
        }
        out
    }

    /// The relations that do not hold, one entry per place (rule id without
    /// the pack prefix).
    pub fn broken(&self, format: Format) -> Vec<String> {
        if format == Format::S2008 {
            return stat::broken(&self.stat);
        }
        let mut out = Vec::new();
        let row = |id: &str| self.t3.iter().find(|(r, _)| r == id).map(|x| x.1);
        let results: Vec<[i64; 7]> = self
            .t3
            .iter()
            .filter(|(r, _)| !["new", "carried", "total", "forward"].contains(&r.as_str()))
            .map(|x| x.1)
            .collect();
        let (new, carried, total, forward) = (
            row("new").expect("new"),
            row("carried").expect("carried"),
            row("total").expect("total"),
            row("forward").expect("forward"),
        );
        for c in 0..7 {
            if new[c] + carried[c] != total[c] + forward[c] {
                out.push("t3-identity".to_string());
            }
            if total[c] != results.iter().map(|r| r[c]).sum::<i64>() {
                out.push("t3-results".to_string());
            }
        }
        for (_, r) in &self.t3 {
            if r[6] != r[..6].iter().sum::<i64>() {
                out.push("t3-applicants".to_string());
            }
        }
        for (g, name) in ["t4-review", "t4-direct", "t4-after"].iter().enumerate() {
            let s: i64 = self.t4[g * 5..g * 5 + 4].iter().sum();
            if s != self.t4[g * 5 + 4] {
                out.push(name.to_string());
            }
        }
        out
    }

    pub fn t3(&self, row: &str, col: usize) -> i64 {
        self.t3
            .iter()
            .find(|(r, _)| r == row)
            .map_or(0, |(_, v)| v[col])
    }

    pub fn t4_total(&self, group: usize) -> i64 {
        self.t4[group * 5 + 4]
    }

    pub fn t2(&self, row: &str, col: &str) -> i64 {
        self.get(&CellRef::new("t2", row, col)).unwrap_or(0)
    }
}
