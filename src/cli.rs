//! Subcommands `check`, `rules`, `rule`, `config`, `init`, `completions`,
//! `man`. Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage,
//! configuration, rule-file or input errors.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use report_lint::baseline::Baseline;
use report_lint::config::{self, Config};
use report_lint::diagnostic::FileReport;
use report_lint::diagnostic::{Check, Diagnostic, Severity};
use report_lint::engine::RuleSet;
use report_lint::render::{self, Format, RenderCtx};
use report_lint::rules::FileError;
use report_lint::run::{self, Input, Options};
use report_lint::source::decode::encoding_for_label;

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
    Check(Box<CheckArgs>),
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
    /// Print the configuration that applies to a report (JSON).
    Config {
        /// The report whose settings to show.
        #[arg(default_value = "report.txt")]
        path: String,
        /// Use this configuration file instead of searching for report-lint.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Write a commented report-lint.toml in the current directory.
    Init,
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
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
    /// Lowest severity that makes the exit code 1 (default: the configuration's, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit 0 even when there are findings (errors in input or configuration still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print how many findings each rule has instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Use this configuration file instead of searching for report-lint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any report-lint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Threads to check files with (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--format`: the library's formats, named for the command line (clap
/// stays out of the library).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Annotated source excerpts, for people.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON document (docs/output.md).
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (and a step summary table).
    Github,
    /// JUnit XML, for GitLab and Jenkins test reports.
    Junit,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Concise => Format::Concise,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
        }
    }
}

/// `--fail-on`, the library's severities.
#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Severity {
        match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// The process's exit status (docs/output.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// No finding at or above the threshold.
    Clean = 0,
    /// Findings at or above the threshold.
    Findings = 1,
    /// A usage error, an unreadable input, a broken rule pack or configuration.
    Error = 2,
}

impl From<ExitStatus> for u8 {
    fn from(s: ExitStatus) -> u8 {
        s as u8
    }
}

pub fn run() -> Result<ExitStatus> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Clean
            };
            e.print()?;
            return Ok(code);
        }
    };
    match cli.command {
        Command::Check(args) => run_check(*args),
        Command::Rules { rules } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_human(&errors, 0, &set)?;
                return Ok(ExitStatus::Error);
            }
            print_rule_list(&set)?;
            Ok(ExitStatus::Clean)
        }
        Command::Rule { id, rules } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_human(&errors, 0, &set)?;
                return Ok(ExitStatus::Error);
            }
            match set.find_rule(&id) {
                Some((pack, rule)) => {
                    print!("{}", report_lint::explain::explain(pack, rule));
                    Ok(ExitStatus::Clean)
                }
                None => {
                    eprintln!(
                        "report-lint: 没有 id 为「{id}」的规则；用 `report-lint rules` 列出所有规则"
                    );
                    Ok(ExitStatus::Error)
                }
            }
        }
        Command::Config { path, config } => {
            let (cfg, errors) = load_config(config.as_deref(), false)?;
            if !errors.is_empty() {
                let (set, _) = load_rules(&[])?;
                print_human(&errors, 0, &set)?;
                return Ok(ExitStatus::Error);
            }
            let eff = cfg.effective(&path);
            let out = serde_json::json!({
                "config": cfg.path.as_ref().map(|p| p.display().to_string()),
                "path": path,
                "excluded": cfg.excluded(&path),
                "fail-on": cfg.fail_on.map(|s| s.as_str()),
                "rules": cfg.rules.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
                "effective": eff,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(ExitStatus::Clean)
        }
        Command::Init => {
            let path = Path::new(config::FILE_NAME);
            if path.exists() {
                eprintln!("report-lint: {} 已存在，未覆盖", config::FILE_NAME);
                return Ok(ExitStatus::Error);
            }
            std::fs::write(path, config::TEMPLATE)
                .with_context(|| format!("写入 {}", config::FILE_NAME))?;
            println!("已写入 {}", config::FILE_NAME);
            Ok(ExitStatus::Clean)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "report-lint",
                &mut std::io::stdout(),
            );
            Ok(ExitStatus::Clean)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitStatus::Clean)
        }
    }
}

/// Loads built-in and user packs; a broken user pack becomes a result with
/// its errors (the others still load).
fn load_rules(paths: &[PathBuf]) -> Result<(RuleSet, Vec<FileReport>)> {
    let mut user = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => user.push((name, text)),
                Err(_) => failed.push(operational(
                    &name,
                    Check::RuleError,
                    "规则文件不是 UTF-8 编码",
                )),
            },
            Err(e) => failed.push(operational(
                &name,
                Check::RuleError,
                &format!("无法读取规则文件：{e}"),
            )),
        }
    }
    let (set, errors) = RuleSet::load(&user);
    let mut results = failed;
    for (path, text) in &user {
        let mine: Vec<_> = errors.iter().filter(|e| &e.path == path).cloned().collect();
        if !mine.is_empty() {
            results.push(FileReport::operational(
                path,
                text,
                mine.iter().map(FileError::to_diagnostic).collect(),
            ));
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

fn operational(path: &str, check: Check, message: &str) -> FileReport {
    FileReport::operational(
        path,
        "",
        vec![Diagnostic::bare(check, check.as_str(), message)],
    )
}

/// The configuration: `--config`, else report-lint.toml found upwards, else defaults.
fn load_config(explicit: Option<&Path>, none: bool) -> Result<(Config, Vec<FileReport>)> {
    if none {
        return Ok((Config::default(), Vec::new()));
    }
    let cwd = std::env::current_dir()?;
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        // Shown as the user would type it: relative to the working directory.
        None => {
            config::discover(&cwd).map(|p| p.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or(p))
        }
    };
    let Some(path) = path else {
        return Ok((Config::default(), Vec::new()));
    };
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            return Ok((
                Config::default(),
                vec![operational(
                    &name,
                    Check::ConfigError,
                    &format!("无法读取配置文件：{e}"),
                )],
            ));
        }
    };
    match Config::parse(&path, &text) {
        Ok(c) => Ok((c, Vec::new())),
        Err(errors) => {
            let diags = errors.iter().map(|e| e.to_diagnostic()).collect();
            Ok((
                Config::default(),
                vec![FileReport::operational(&name, &text, diags)],
            ))
        }
    }
}

fn run_check(args: CheckArgs) -> Result<ExitStatus> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .ok();
    }
    let encoding = match &args.encoding {
        Some(label) => {
            Some(encoding_for_label(label).map_err(|e| anyhow::anyhow!("--encoding：{e}"))?)
        }
        None => None,
    };
    let (cfg, mut results) = load_config(args.config.as_deref(), args.no_config)?;
    let mut rule_paths = cfg.rules.clone();
    rule_paths.extend(args.rules.iter().cloned());
    let (set, rule_results) = load_rules(&rule_paths)?;
    results.extend(rule_results);
    run::warm::warm_in_background(&set);
    if let Some(p) = &args.pack
        && set.pack(p).is_none()
    {
        let ids: Vec<&str> = set.packs.iter().map(|p| p.meta.id.as_str()).collect();
        anyhow::bail!(
            "--pack：没有 id 为「{p}」的规则包（可用：{}）",
            ids.join("、")
        );
    }
    let cfg = Arc::new(cfg);
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
            inputs.extend(run::discover_with(std::slice::from_ref(p), &|path| {
                cfg.excluded(path)
            }));
        }
    }
    let reports = inputs.len();
    let opts = Options {
        encoding,
        pack: args.pack.clone(),
        config: Some(cfg.clone()),
        // Excerpts and baseline fingerprints need the text; the rest only positions.
        compact: (args.format != FormatArg::Human || args.statistics)
            && args.baseline.is_none()
            && args.write_baseline.is_none(),
        first_id: results.len() as u32,
    };
    results.extend(run::check_inputs(inputs, &set, &opts));
    results.extend(unused_suppressions(&cfg));
    // Every file's id is its index: labels of corpus findings name files by id.
    for (i, r) in results.iter_mut().enumerate() {
        r.source.id = report_lint::source::FileId(i as u32);
    }

    if let Some(path) = &args.write_baseline {
        let b = Baseline::record(&results);
        std::fs::write(path, serde_json::to_string_pretty(&b)? + "\n")
            .with_context(|| format!("写入基线文件 {}", path.display()))?;
        eprintln!(
            "report-lint: 已把 {} 条发现记入基线 {}",
            b.findings.iter().map(|e| e.count).sum::<usize>(),
            path.display()
        );
        return Ok(ExitStatus::Clean);
    }
    if let Some(path) = &args.baseline {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("读取基线文件 {}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text)
            .with_context(|| format!("基线文件 {} 无效", path.display()))?;
        b.hide(&mut results);
    }

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => args.output_file.is_none() && auto_color(),
    };
    let ctx = RenderCtx {
        color,
        reports,
        rules: &set,
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from),
    };
    let mut out: Box<dyn Write> = match &args.output_file {
        Some(path) => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(path)
                .with_context(|| format!("无法写入输出文件 {}", path.display()))?,
        )),
        // Large buffers: a corpus's JSON is tens of megabytes.
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::io::stdout().lock(),
        )),
    };
    if args.statistics {
        render::render_statistics(&results, reports, &mut out)?;
    } else {
        render::render(args.format.into(), &results, &ctx, &mut out)?;
    }
    out.flush()?;

    let broken = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.check.is_failure());
    let threshold = args
        .fail_on
        .map(Severity::from)
        .or(cfg.fail_on)
        .unwrap_or(Severity::Error);
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= threshold);
    // The process ends next: freeing tens of thousands of findings one by one
    // would only add serial time to a large run.
    std::mem::forget(results);
    Ok(if broken {
        ExitStatus::Error
    } else if failing && !args.exit_zero {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// Suppressions of the configuration that hid nothing, reported on the config file.
fn unused_suppressions(cfg: &Config) -> Vec<FileReport> {
    let diags = cfg.unused_suppressions();
    if diags.is_empty() {
        return Vec::new();
    }
    let name = cfg.path.as_ref().map_or_else(
        || config::FILE_NAME.to_string(),
        |p| p.display().to_string(),
    );
    vec![FileReport::operational(&name, &cfg.text, diags)]
}

fn auto_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn print_human(results: &[FileReport], reports: usize, set: &RuleSet) -> Result<()> {
    let ctx = RenderCtx {
        color: auto_color(),
        reports,
        rules: set,
        step_summary: None,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::render(Format::Human, results, &ctx, &mut out)?;
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
