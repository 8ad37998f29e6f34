//! Writes N realistic reports for benchmarks, by varying the example reports:
//! issuer names, report years, figures (a share with injected defects), some
//! GBK files with CRLF line ends, a few large ones. Deterministic for a seed.
//!
//!     cargo run --release --example gen-corpus -- 10000 bench/corpus 42
//!
//! The corpus is never committed (bench/corpus is ignored).

use std::path::PathBuf;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SEEDS: &[(&str, &str)] = &[
    ("涟水县", include_str!("lianshui-2017.txt")),
    ("陵川县", include_str!("lingchuan-2017.txt")),
    ("商河县", include_str!("shanghe-2017.txt")),
    ("观水镇", include_str!("guanshui-2017.txt")),
    ("同江市", include_str!("tongjiang-2017.txt")),
];
const NATIONAL: &[&str] = &[
    include_str!("../tests/fixtures/national/shanghai-2019.txt"),
    include_str!("../tests/fixtures/national/pingtan-2022.txt"),
    include_str!("../tests/fixtures/national/clean-2021-pipes.txt"),
    include_str!("../tests/fixtures/national/clean-2021-cells.txt"),
];
const PLACES: &[&str] = &[
    "青山县",
    "临河县",
    "东湖区",
    "南岭镇",
    "北塘市",
    "西平县",
    "石桥镇",
    "安宁市",
    "长乐县",
    "白水县",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let dir = PathBuf::from(args.get(2).map_or("bench/corpus", String::as_str));
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    std::fs::create_dir_all(&dir).expect("create corpus dir");
    let mut rng = StdRng::seed_from_u64(seed);
    let mut bytes = 0usize;
    for i in 0..n {
        let mut text = if rng.random_ratio(1, 5) {
            NATIONAL[rng.random_range(0..NATIONAL.len())].to_string()
        } else {
            let (name, t) = SEEDS[rng.random_range(0..SEEDS.len())];
            let place = PLACES[rng.random_range(0..PLACES.len())];
            let year = rng.random_range(2009..=2018);
            t.replace(name, place)
                .replace("2017", &year.to_string())
                .replace("2018", &(year + 1).to_string())
        };
        // One report in five gets a figure changed: a defect to find.
        if rng.random_ratio(1, 5) {
            let digits: Vec<usize> = text
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if let Some(&at) = digits.get(rng.random_range(0..digits.len().max(1))) {
                let d = char::from(b'0' + rng.random_range(0..10u8));
                text.replace_range(at..at + 1, &d.to_string());
            }
        }
        // A few large ones.
        if rng.random_ratio(1, 500) {
            text = text.repeat(40);
        }
        let data = if rng.random_ratio(1, 10) {
            let crlf = text.replace('\n', "\r\n");
            encoding_rs::GB18030.encode(&crlf).0.into_owned()
        } else {
            text.into_bytes()
        };
        bytes += data.len();
        std::fs::write(dir.join(format!("r{i:05}.txt")), data).expect("write report");
    }
    eprintln!(
        "{n} reports, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
