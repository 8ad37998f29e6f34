//! Subcommands `check`, `rules` and `rule`. Exit codes: 0 clean, 1 findings at
//! or above the threshold, 2 usage, rule-file or input errors.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use report_lint::check::{self, FileResult, Input, Options};
use report_lint::decode::encoding_for_label;
use report_lint::diagnostic::{Check, Severity};
use report_lint::render::{self, Format};
use report_lint::rules::RuleSet;

#[derive(Parser)]
#[command(
    name = "report-lint",
    version,
    about = "检查政府信息公开工作年度报告：缺失的部分、对不上的数字、转换残留…",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports (files, directories walked for *.txt, or - for stdin).
    Check(CheckArgs),
    /// List every rule of the built-in packs (and of --rules packs).
    Rules {
        /// Also load this user rule pack.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Explain one rule: what it checks, why, a bad and a good example.
    Rule {
        id: String,
        /// Also load this user rule pack.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Colour the human output: auto (a terminal and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Add a user rule pack (TOML); may be repeated.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Use this built-in pack instead of choosing one by report year.
    #[arg(long, value_name = "ID")]
    pack: Option<String>,
    /// Decode inputs with this encoding (utf-8, gbk, gb18030, utf-16le, …) instead of guessing.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Name to report standard input under.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

pub fn run() -> Result<u8> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            e.print()?;
            return Ok(code);
        }
    };
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { rules } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_results(&errors, 0, Format::Human, auto_color())?;
                return Ok(2);
            }
            print_rule_list(&set)?;
            Ok(0)
        }
        Command::Rule { id, rules } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_results(&errors, 0, Format::Human, auto_color())?;
                return Ok(2);
            }
            match set.find_rule(&id) {
                Some((pack, rule)) => {
                    print!("{}", report_lint::explain::explain(pack, rule));
                    Ok(0)
                }
                None => {
                    eprintln!(
                        "report-lint: 没有 id 为「{id}」的规则；用 `report-lint rules` 列出所有规则"
                    );
                    Ok(2)
                }
            }
        }
    }
}

/// Loads built-in and user packs; a broken user pack becomes a result with
/// its errors (the others still load).
fn load_rules(paths: &[PathBuf]) -> Result<(RuleSet, Vec<FileResult>)> {
    let mut user = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => user.push((name, text)),
                Err(_) => failed.push(rule_file_failure(&name, "规则文件不是 UTF-8 编码")),
            },
            Err(e) => failed.push(rule_file_failure(&name, &format!("无法读取规则文件：{e}"))),
        }
    }
    let (set, errors) = RuleSet::load(&user);
    let mut results = failed;
    for (path, text) in &user {
        let mine: Vec<_> = errors.iter().filter(|e| &e.path == path).cloned().collect();
        if !mine.is_empty() {
            results.push(FileResult::from_rule_errors(path, text, &mine));
        }
    }
    let builtin: Vec<_> = errors
        .iter()
        .filter(|e| e.path.starts_with("builtin:"))
        .cloned()
        .collect();
    if !builtin.is_empty() {
        anyhow::bail!(
            "内置规则包无效：{}",
            builtin
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("；")
        );
    }
    Ok((set, results))
}

fn rule_file_failure(path: &str, message: &str) -> FileResult {
    let mut r = FileResult::from_rule_errors(path, "", &[]);
    r.diagnostics
        .push(report_lint::diagnostic::Diagnostic::bare(
            Check::RuleError,
            "rule-error",
            message,
        ));
    r
}

fn run_check(args: CheckArgs) -> Result<u8> {
    let encoding = match &args.encoding {
        Some(label) => {
            Some(encoding_for_label(label).map_err(|e| anyhow::anyhow!("--encoding：{e}"))?)
        }
        None => None,
    };
    let (set, rule_results) = load_rules(&args.rules)?;
    if let Some(p) = &args.pack
        && set.pack(p).is_none()
    {
        let ids: Vec<&str> = set.packs.iter().map(|p| p.meta.id.as_str()).collect();
        anyhow::bail!(
            "--pack：没有 id 为「{p}」的规则包（可用：{}）",
            ids.join("、")
        );
    }
    let mut inputs = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("读取标准输入")?;
            inputs.push(Input::Stdin {
                name: args.stdin_filename.clone(),
                bytes,
            });
        } else {
            inputs.extend(check::discover(std::slice::from_ref(p)));
        }
    }
    let reports = inputs.len();
    let opts = Options {
        encoding,
        pack: args.pack.clone(),
    };
    let mut results = rule_results;
    results.extend(check::check_inputs(inputs, &set, &opts));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => auto_color(),
    };
    print_results(&results, reports, args.format, color)?;

    let broken = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| matches!(d.check, Check::InputError | Check::RuleError));
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= threshold);
    Ok(if broken {
        2
    } else if failing {
        1
    } else {
        0
    })
}

fn auto_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn print_results(
    results: &[FileResult],
    reports: usize,
    format: Format,
    color: bool,
) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::render(format, results, reports, color, &mut out)?;
    out.flush()?;
    Ok(())
}

fn print_rule_list(set: &RuleSet) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for pack in &set.packs {
        for r in &pack.rules {
            writeln!(
                out,
                "{:<28} {:<26} {:<8} {:<9} {}",
                r.meta.id,
                r.meta.check,
                r.meta.severity,
                pack.meta.id,
                r.meta.explain.what.lines().next().unwrap_or("")
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
