//! Criterion benches of the per-report pipeline: decoding, building the
//! document, checking with the full built-in rule set.

use criterion::{Criterion, criterion_group, criterion_main};
use report_lint::engine::RuleSet;
use report_lint::run::{Options, check_bytes};
use report_lint::source::decode::decode;

fn benches(c: &mut Criterion) {
    let (rules, errors) = RuleSet::load(&[]);
    assert!(errors.is_empty());
    let seed = include_bytes!("../examples/shanghe-2017.txt");
    let national = include_bytes!("../tests/fixtures/national/pingtan-2022.txt");
    let text = decode(seed, None).unwrap().text;
    c.bench_function("decode shanghe (18 KB)", |b| {
        b.iter(|| decode(seed, None).unwrap())
    });
    c.bench_function("document shanghe", |b| {
        b.iter(|| report_lint::read::plain::read(text.clone()))
    });
    c.bench_function("check shanghe (gov-2008)", |b| {
        b.iter(|| check_bytes("s.txt".into(), seed, &rules, &Options::default()))
    });
    c.bench_function("check pingtan (gov-2021, flattened tables)", |b| {
        b.iter(|| check_bytes("p.txt".into(), national, &rules, &Options::default()))
    });
    c.bench_function("load and compile the built-in packs", |b| {
        b.iter(|| RuleSet::load(&[]))
    });
}

criterion_group!(g, benches);
criterion_main!(g);
