//! Subcommands `check`, `rules`, `rule`, `config`, `init`, `completions`,
//! `man`. Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage,
//! configuration, rule-file or input errors.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use report_lint::baseline::Baseline;
use report_lint::config::{self, Config};
use report_lint::diagnostic::FileReport;
use report_lint::diagnostic::{Check, Diagnostic, Severity};
use report_lint::engine::RuleSet;
use report_lint::render::{self, Format, RenderCtx};
use report_lint::rules::FileError;
use report_lint::run::{self, Input, Options};
use report_lint::source::decode::encoding_for_label;
use report_lint::source::{self, FileId};

mod help;

use help::Lang;

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
    /// Language of the help, the man pages and the output's frame (severity
    /// names, help, verdicts, summary): zh (Chinese, the default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
}

#[derive(Subcommand)]
enum Command {
    /// Check reports (files, directories walked for *.txt *.md *.html *.htm *.docx, or - for stdin).
    Check(Box<CheckArgs>),
    /// List every rule of the built-in packs (and of --rules packs).
    Rules {
        /// Also load this user rule pack.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
        /// A table for people, or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Explain one rule: what it checks, why, a bad and a good example (a
    /// check name lists its rules).
    Rule {
        /// A rule id (`common/repeated-word`) or a check name (`sum-mismatch`).
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
    /// Print the man page (roff): EXIT STATUS, ENVIRONMENT and FILES included.
    Man {
        /// Only this subcommand's page (e.g. check).
        command: Option<String>,
        /// Write every page into this directory (report-lint.1, report-lint-check.1, …).
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Colour the human output: auto (a terminal, or FORCE_COLOR set; never
    /// when NO_COLOR is set), always, never.
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
    /// Run only these rules: ids, prefixes ending in `/`, check names
    /// (comma-separated; replaces the configuration's select and ignore).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Also run these rules, whatever the configuration selects or ignores;
    /// a rule off by default runs when named here by its id.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Do not run these rules (wins over --select and --extend-select).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Show only findings of this severity or above (after the configuration's
    /// severities); the exit status still counts every finding.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<FailOn>,
    /// Show errors only: --min-severity error (the exit status still counts every finding);
    /// the human format also leaves out the reports that passed.
    #[arg(short, long, conflicts_with = "min_severity")]
    quiet: bool,
    /// Draw the human output with ASCII characters only, for consoles that
    /// show box-drawing characters double-width.
    #[arg(long)]
    ascii: bool,
    /// Lowest severity that makes the exit code 1 (default: the configuration's, else error).
    #[arg(long, value_enum, value_name = "SEVERITY")]
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
    /// Threads to check files with (default: all cores; at most 256).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: Option<u16>,
    /// Follow symbolic links while walking directories (loops are detected).
    #[arg(long)]
    follow: bool,
    /// Also walk hidden files and folders and what .gitignore, .ignore and
    /// git's excludes leave out (a path given by name is always checked).
    #[arg(long)]
    no_ignore: bool,
    /// Extensions a directory walk checks, comma-separated (default:
    /// txt,md,html,htm,docx; with the default, .doc/.pdf/… found are reported).
    #[arg(long, value_name = "EXT,...", value_delimiter = ',', value_parser = parse_ext)]
    ext: Option<Vec<String>>,
    /// Largest input read, in megabytes (default 256); a larger file is an input error.
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    max_file_size: Option<u64>,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Apply the certain fixes (conversion junk removed, broken paragraphs
    /// joined, a heading's numbering style) to .txt and .md files, in their
    /// own encoding, then report what is left.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    fix: bool,
    /// Show the certain fixes as a unified diff instead of the findings;
    /// nothing is written. Exit 1 when there is a fix.
    #[arg(long, conflicts_with = "write_baseline")]
    diff: bool,
}

/// `rules --format`.
#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    /// An aligned table with a header.
    Text,
    /// One JSON array of rules.
    Json,
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
    /// One CSV row per report: path, issuer, year, pack, counts, top rules.
    Csv,
    /// GitLab Code Quality JSON, shown inline in merge requests.
    Gitlab,
    /// reviewdog's Diagnostic JSON (rdjson), for Gitee and Gitea reviews.
    Rdjson,
    /// One self-contained web page: summary table, each report's text with its findings marked.
    Html,
}

impl FormatArg {
    /// Whether the format needs the reports' texts (excerpts, or the
    /// baseline's fingerprints of findings).
    fn keeps_text(self) -> bool {
        matches!(
            self,
            FormatArg::Human
                | FormatArg::Sarif
                | FormatArg::Gitlab
                | FormatArg::Rdjson
                | FormatArg::Html
        )
    }
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
            FormatArg::Csv => Format::Csv,
            FormatArg::Gitlab => Format::Gitlab,
            FormatArg::Rdjson => Format::Rdjson,
            FormatArg::Html => Format::Html,
        }
    }
}

/// `--fail-on` and `--min-severity`: the library's severities.
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
    // Windows shells (cmd, PowerShell) pass `*.txt` as written: the program
    // expands it (`wild`; elsewhere the arguments are the shell's, unchanged).
    let args = help::help_subcommand(wild::args_os().collect());
    let lang = help::lang_of(&args);
    let parsed = help::fit(help::localized(Cli::command(), lang), terminal_width())
        .try_get_matches_from(&args)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    let cli = match parsed {
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
        Command::Check(args) => run_check(*args, cli.lang),
        Command::Rules { rules, format } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_human(&errors, 0, &set, cli.lang)?;
                return Ok(ExitStatus::Error);
            }
            let all = rule_list(&set);
            match format {
                RulesFormat::Text => print_rule_table(&all)?,
                RulesFormat::Json => {
                    #[derive(serde::Serialize)]
                    #[serde(rename_all = "kebab-case")]
                    struct Row<'a> {
                        id: &'a str,
                        check: Check,
                        severity: Severity,
                        pack: &'a str,
                        across_reports: bool,
                        what: &'a str,
                        why: &'a str,
                        source: Option<&'a str>,
                    }
                    let rows: Vec<Row> = all
                        .iter()
                        .map(|(pack, corpus, m)| Row {
                            id: &m.id,
                            check: m.check,
                            severity: m.severity,
                            pack,
                            across_reports: *corpus,
                            what: &m.explain.what,
                            why: &m.explain.why,
                            source: m.source.as_deref(),
                        })
                        .collect();
                    let mut out = std::io::stdout().lock();
                    serde_json::to_writer_pretty(&mut out, &rows)?;
                    writeln!(out)?;
                }
            }
            Ok(ExitStatus::Clean)
        }
        Command::Rule { id, rules } => {
            let (set, errors) = load_rules(&rules)?;
            if !errors.is_empty() {
                print_human(&errors, 0, &set, cli.lang)?;
                return Ok(ExitStatus::Error);
            }
            if let Some((pack, meta)) = set.find_meta(&id) {
                let text = report_lint::explain::explain_meta(pack, meta);
                print!("{}", fit_prose(&text, terminal_width()));
                return Ok(ExitStatus::Clean);
            }
            // A check name: the rules that report it.
            let all = rule_list(&set);
            let of_check: Vec<_> = all
                .iter()
                .filter(|(_, _, m)| m.check.as_str() == id)
                .cloned()
                .collect();
            if !of_check.is_empty() {
                println!("检查类型「{id}」有 {} 条规则：\n", of_check.len());
                print_rule_table(&of_check)?;
                println!("\n用 `report-lint rule ID` 查看每条规则的说明。");
                return Ok(ExitStatus::Clean);
            }
            let mut names: Vec<&str> = all.iter().map(|(_, _, m)| m.id.as_str()).collect();
            names.extend(Check::ALL.iter().map(|c| c.as_str()));
            let hint = match report_lint::rules::load::suggest(&id, &names) {
                Some(s) => format!("是否想写「{s}」？"),
                None => String::new(),
            };
            eprintln!(
                "report-lint: 没有 id 为「{id}」的规则，也没有这样的检查类型；{hint}用 `report-lint rules` 列出所有规则"
            );
            Ok(ExitStatus::Error)
        }
        Command::Config { path, config } => {
            let (cfg, errors) = load_config(config.as_deref(), false)?;
            if !errors.is_empty() {
                let (set, _) = load_rules(&[])?;
                print_human(&errors, 0, &set, cli.lang)?;
                return Ok(ExitStatus::Error);
            }
            let cfg = Arc::new(cfg);
            let eff = cfg.effective(&path);
            // The packs the report gets, as a check of it chooses them.
            let (set, _) = load_rules(&cfg.rules)?;
            let checked = run::check_inputs(
                vec![run::Input::File(PathBuf::from(&path))],
                &set,
                &run::Options {
                    config: Some(Arc::clone(&cfg)),
                    ..run::Options::default()
                },
            );
            let packs = checked
                .first()
                .and_then(|r| r.meta.as_ref())
                .map(|m| m.packs.clone())
                .unwrap_or_default();
            // What the report itself says: the issuer and year its title
            // (or statistics period) gives, as the corpus checks read them,
            // and the level its issuer's name implies.
            let inferred = std::fs::read(&path).ok().and_then(|bytes| {
                let format = report_lint::read::Format::of_name(&path).ok()?;
                let doc = report_lint::read::read(bytes, format, None).ok()?.doc;
                let title = doc.title.map(|t| doc.slice(t).to_string());
                let from_title = title
                    .as_deref()
                    .and_then(report_lint::analysis::issuer::title_name);
                let level = report_lint::analysis::Issuer::read(
                    &doc,
                    report_lint::analysis::IssuerConfig {
                        level: eff.level,
                        township_deadline: eff.township_deadline,
                    },
                )
                .level();
                Some(serde_json::json!({
                    "issuer": eff.issuer_name.clone().or(from_title.clone()),
                    "issuer-from": if eff.issuer_name.is_some() { Some("config") } else { from_title.as_ref().map(|_| "title") },
                    "year": doc.year.map(|y| y.year),
                    "year-from": doc.year.map(|y| if y.from_title { "title" } else { "statistics period" }),
                    "level": level,
                    "pack": packs.first(),
                    "packs": packs,
                }))
            });
            let out = serde_json::json!({
                "report": inferred,
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
                &mut help::localized(Cli::command(), cli.lang),
                "report-lint",
                &mut std::io::stdout(),
            );
            Ok(ExitStatus::Clean)
        }
        Command::Man { command, dir } => {
            let mut cmd = help::localized(Cli::command(), cli.lang);
            cmd.build();
            if let Some(dir) = dir {
                std::fs::create_dir_all(&dir).with_context(|| format!("创建 {}", dir.display()))?;
                for file in help::man_pages_to(&cmd, cli.lang, &dir)? {
                    println!("{}", file.display());
                }
                return Ok(ExitStatus::Clean);
            }
            if let Some(name) = &command
                && (name == "help" || cmd.find_subcommand(name).is_none())
            {
                eprintln!("report-lint: 没有子命令「{name}」");
                return Ok(ExitStatus::Error);
            }
            let mut out = std::io::stdout().lock();
            help::man_page(&cmd, command.as_deref(), cli.lang, &mut out)?;
            out.flush()?;
            Ok(ExitStatus::Clean)
        }
    }
}

/// Loads built-in and user packs; a broken user pack becomes a result with
/// its errors (the others still load).
/// The largest rule pack or configuration file read.
const MAX_PACK_SIZE: u64 = 4 << 20;

fn load_rules(paths: &[PathBuf]) -> Result<(RuleSet, Vec<FileReport>)> {
    let mut user = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        // A rule pack is a TOML file of modest size: anything else is not
        // read (its content is never echoed into an error).
        if !p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            failed.push(operational(
                &name,
                Check::RuleError,
                "规则文件应为 .toml 文件，未读取",
            ));
            continue;
        }
        match source::limited::read(p, MAX_PACK_SIZE) {
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
    let read = source::limited::read(&path, MAX_PACK_SIZE)
        .map_err(|e| e.to_string())
        .and_then(|b| String::from_utf8(b).map_err(|_| "不是 UTF-8 编码".to_string()));
    let text = match read {
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
        // The run goes on with a configuration that applies nothing (it
        // still names what the file names, for `Config::validate`).
        Err((fallback, errors)) => {
            let diags = errors.iter().map(|e| e.to_diagnostic()).collect();
            Ok((fallback, vec![FileReport::operational(&name, &text, diags)]))
        }
    }
}

fn run_check(args: CheckArgs, lang: Lang) -> Result<ExitStatus> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .ok();
    }
    let encoding = match &args.encoding {
        Some(label) => {
            Some(encoding_for_label(label).map_err(|e| anyhow::anyhow!("--encoding：{e}"))?)
        }
        None => None,
    };
    let max_file_size = args
        .max_file_size
        .map_or(source::limited::DEFAULT_MAX_FILE_SIZE, |mb| mb << 20);
    let (mut cfg, mut results) = load_config(args.config.as_deref(), args.no_config)?;
    cfg.set_overrides(config::Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    });
    let mut rule_paths = cfg.rules.clone();
    rule_paths.extend(args.rules.iter().cloned());
    let (set, rule_results) = load_rules(&rule_paths)?;
    results.extend(rule_results);
    let config_errors = cfg.validate(&set);
    if !config_errors.is_empty() {
        let name = cfg.path.as_ref().map_or_else(
            || config::FILE_NAME.to_string(),
            |p| p.display().to_string(),
        );
        let diags: Vec<Diagnostic> = config_errors.iter().map(FileError::to_diagnostic).collect();
        // With the file's other errors, in the file's order: every error at once.
        match results
            .iter_mut()
            .find(|r| r.meta.is_none() && r.source.path == name)
        {
            Some(r) => {
                r.diagnostics.extend(diags);
                r.diagnostics.sort_by_key(|d| d.span.start);
            }
            None => results.push(FileReport::operational(&name, &cfg.text, diags)),
        }
    }
    // Names on the command line that select nothing: a usage error, every
    // one of them at once, with the closest name.
    let unknown = cfg.unknown_overrides(&set);
    if !unknown.is_empty() {
        let lines: Vec<String> = unknown
            .iter()
            .map(|(flag, name, close)| {
                let hint = close
                    .as_ref()
                    .map_or_else(String::new, |c| format!("；是否想写「{c}」？"));
                format!("{flag}：没有名为「{name}」的规则或检查类型{hint}")
            })
            .collect();
        anyhow::bail!(
            "{}\n（用 `report-lint rules` 列出所有规则）",
            lines.join("\n")
        );
    }
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
            let bytes = source::limited::read_bounded(std::io::stdin().lock(), max_file_size);
            match bytes {
                Ok(bytes) => inputs.push(Input::Stdin {
                    name: args.stdin_filename.clone(),
                    bytes,
                }),
                Err(e) => inputs.push(Input::Broken {
                    path: args.stdin_filename.clone(),
                    message: e.to_string(),
                }),
            }
        } else {
            let excluded = |path: &str| cfg.excluded(path);
            let walk = run::Walk {
                follow: args.follow,
                excluded: Some(&excluded),
                extensions: args.ext.as_deref(),
                no_ignore: args.no_ignore,
            };
            inputs.extend(run::discover_with(std::slice::from_ref(p), &walk));
        }
    }
    // Where output goes is settled before any report is read: an output that
    // cannot be written, or that would overwrite a report, is found now.
    let output = match &args.output_file {
        Some(path) => Some(AtomicFile::create(path, &inputs, "输出文件")?),
        None => None,
    };
    let baseline_out = match &args.write_baseline {
        Some(path) => Some(AtomicFile::create(path, &inputs, "基线文件")?),
        None => None,
    };
    let baseline = args.baseline.as_deref().map(read_baseline);
    let mut reports = inputs.len();
    let opts = Options {
        encoding,
        pack: args.pack.clone(),
        config: Some(cfg.clone()),
        // Excerpts, baseline fingerprints (SARIF's and GitLab's too),
        // rdjson's byte columns and fixes need the text; the rest only
        // positions.
        compact: (!args.format.keeps_text() || args.statistics)
            && args.baseline.is_none()
            && args.write_baseline.is_none()
            && !args.fix
            && !args.diff,
        max_file_size,
        first_id: results.len() as u32,
    };
    let again = args.fix.then(|| inputs.clone());
    let mut checked = run::check_inputs(inputs, &set, &opts);
    if args.diff {
        return show_fixes(&checked);
    }
    if let Some(again) = again
        && apply_fixes(&checked, &again)? > 0
    {
        // Positions moved: what is left is reported from the fixed files.
        checked = run::check_inputs(again, &set, &opts);
    }
    // Files of a walk that are not reports are notes, not reports.
    let passed_over = checked
        .iter()
        .filter(|r| r.diagnostics.iter().any(|d| d.rule == run::NOT_A_REPORT))
        .count();
    reports -= passed_over;
    results.extend(checked);
    // One report is compared with none: the corpus rules did not run, and a
    // suppression of one of them cannot be said to hide nothing.
    let not_run: Vec<&str> = if reports < 2 {
        set.corpus_rules()
            .iter()
            .map(|r| r.meta.id.as_str())
            .collect()
    } else {
        Vec::new()
    };
    results.extend(unused_suppressions(&cfg, &not_run));
    // Every file's id is its index: labels of corpus findings name files by id.
    for (i, r) in results.iter_mut().enumerate() {
        r.source.id = FileId(i as u32);
    }
    if reports == 0 {
        let walk = run::Walk {
            extensions: args.ext.as_deref(),
            ..run::Walk::default()
        };
        results.push(operational(
            "<输入>",
            Check::InputError,
            &if passed_over > 0 {
                format!(
                    "没有检查任何文件：给出的路径下的 {passed_over} 个文件都不像年度报告，已跳过（确是年报的，在命令行直接写出路径）"
                )
            } else {
                format!(
                    "没有检查任何文件：给出的路径下没有报告文件（找的是 {}；用 --ext 可改）",
                    run::discover::looked_for(&walk)
                )
            },
        ));
    }

    let threshold = args
        .fail_on
        .map(Severity::from)
        .or(cfg.fail_on)
        .unwrap_or(Severity::Error);
    if let Some(out) = baseline_out {
        let broken = failed(&results);
        if !broken {
            let b = Baseline::record(&results);
            let text = serde_json::to_string_pretty(&b)? + "\n";
            let path = out.path.clone();
            out.write(text.as_bytes())?;

            eprintln!(
                "report-lint: 已把 {} 条发现记入基线 {}",
                b.findings.iter().map(|e| e.count).sum::<usize>(),
                path.display()
            );
            return Ok(ExitStatus::Clean);
        }
        // A baseline of a run that could not check everything would hide
        // nothing next time; say what went wrong instead.
        eprintln!(
            "report-lint: 有文件无法检查，未写入基线 {}；错误如下",
            out.path.display()
        );
        let errors: Vec<FileReport> = results
            .into_iter()
            .filter(|r| r.diagnostics.iter().any(|d| d.check.is_failure()))
            .collect();
        let mut stderr = std::io::stderr().lock();
        render::render(
            Format::Concise,
            &errors,
            &render_ctx(&args, &set, reports, false, threshold, lang),
            &mut stderr,
        )?;
        return Ok(ExitStatus::Error);
    }
    match baseline {
        Some(Ok(b)) => {
            b.hide(&mut results);
        }
        Some(Err(message)) => {
            let path = args.baseline.as_ref().map(|p| p.display().to_string());
            results.push(operational(
                path.as_deref().unwrap_or_default(),
                Check::ConfigError,
                &message,
            ));
        }
        None => {}
    }
    // The exit status counts every finding, shown or not (OUTPUT.md: 1 when
    // there are findings at or above the threshold); --min-severity and -q
    // only choose what is shown.
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= threshold);
    let min_severity = if args.quiet {
        Some(Severity::Error)
    } else {
        args.min_severity.map(Severity::from)
    };
    if let Some(min) = min_severity {
        for r in &mut results {
            r.diagnostics.retain(|d| d.severity >= min);
        }
    }

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => args.output_file.is_none() && auto_color(),
    };
    let ctx = render_ctx(&args, &set, reports, color, threshold, lang);
    let written = match output {
        Some(mut file) => {
            // Streamed into the temporary file (a corpus's JSON is tens of
            // megabytes), renamed over the target once whole.
            let name = file.path.display().to_string();
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file.temp.as_file_mut());
            emit(&args, &results, reports, &ctx, &mut out)
                .and_then(|()| out.flush())
                .with_context(|| format!("写入 {name}"))?;
            drop(out);
            file.commit()
        }
        None => {
            // Large buffers: a corpus's JSON is tens of megabytes.
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            emit(&args, &results, reports, &ctx, &mut out)
                .and_then(|()| out.flush())
                .map_err(anyhow::Error::from)
        }
    };
    if let Err(e) = written {
        // `report-lint check … | head`: the reader left; what it wanted was
        // written. End quietly, as ripgrep does.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        {
            std::mem::forget(results);
            return Ok(ExitStatus::Clean);
        }
        return Err(e.context("写出结果"));
    }

    let broken = failed(&results);
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

/// Whether a file could not be (fully) checked: exit status 2.
/// `--diff`: each file's fixes as a unified diff on standard output.
fn show_fixes(results: &[FileReport]) -> Result<ExitStatus> {
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for r in results {
        if let Some((text, _)) = report_lint::fix::fixed_text(r) {
            out.write_all(
                report_lint::fix::diff(&r.source.path, &r.source.text, &text).as_bytes(),
            )?;
            any = true;
        }
    }
    out.flush()?;
    Ok(if failed(results) {
        ExitStatus::Error
    } else if any {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// `--fix`: writes each .txt/.md file's fixes in its own encoding, through a
/// temporary file renamed over it; how many findings were fixed.
fn apply_fixes(results: &[FileReport], inputs: &[run::Input]) -> Result<usize> {
    // Files only: standard input has nowhere to be written back.
    let files_given: Vec<String> = inputs
        .iter()
        .filter_map(|i| match i {
            run::Input::File(p) | run::Input::Walked(p) => Some(p.display().to_string()),
            _ => None,
        })
        .collect();
    let mut fixed = 0;
    let mut files = 0;
    for r in results {
        if !files_given.contains(&r.source.path) {
            continue;
        }
        let Some((text, n)) = report_lint::fix::fixed_text(r) else {
            continue;
        };
        let path = Path::new(&r.source.path);
        let Some(bytes) = report_lint::fix::encoded(r, &text) else {
            eprintln!(
                "report-lint: {} 的修正无法用原编码 {} 写回，未修改",
                r.source.path,
                r.source.encoding.unwrap_or("?")
            );
            continue;
        };
        // Written whole or not at all, and removed on Ctrl-C, as outputs are.
        AtomicFile::open(path, "修正的报告")?.write(&bytes)?;
        fixed += n;
        files += 1;
    }
    if fixed > 0 {
        eprintln!("report-lint: 已修正 {fixed} 处（{files} 个文件）");
    }
    Ok(fixed)
}

fn failed(results: &[FileReport]) -> bool {
    results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.check.is_failure() && d.severity == Severity::Error)
}

fn render_ctx<'a>(
    args: &CheckArgs,
    set: &'a RuleSet,
    reports: usize,
    color: bool,
    fail_on: Severity,
    lang: Lang,
) -> RenderCtx<'a> {
    RenderCtx {
        color,
        style: render::Style {
            width: terminal_width(),
            color,
            ascii: args.ascii,
            lang: lang.into(),
        },
        quiet: args.quiet,
        reports,
        rules: set,
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|v| !v.is_empty() && args.format == FormatArg::Github)
            .map(PathBuf::from),
        fail_on,
    }
}

fn emit(
    args: &CheckArgs,
    results: &[FileReport],
    reports: usize,
    ctx: &RenderCtx<'_>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if args.statistics {
        render::render_statistics(args.format.into(), results, reports, ctx.style.lang, out)
    } else {
        render::render(args.format.into(), results, ctx, out)
    }
}

/// A baseline read and validated, or why it cannot be used.
fn read_baseline(path: &Path) -> std::result::Result<Baseline, String> {
    let bytes =
        source::limited::read(path, 256 << 20).map_err(|e| format!("无法读取基线文件：{e}"))?;
    Baseline::parse(&bytes)
        .map_err(|e| format!("基线文件无效，未使用：{e}（可用 --write-baseline 重新生成）"))
}

/// An output written whole or not at all: to a temporary file beside the
/// target, renamed over it at the end. Ctrl-C or a second run writing the
/// same file never leaves it empty, partial or interleaved.
struct AtomicFile {
    path: PathBuf,
    temp: tempfile::NamedTempFile,
}

/// Temporary files being written, removed if the run is interrupted (the
/// process ends at once on Ctrl-C: no destructor would run).
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// On Ctrl-C or termination: remove what is half-written, exit 130.
fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        for p in pending().iter() {
            let _ = std::fs::remove_file(p);
        }
        std::process::exit(130);
    });
}

impl AtomicFile {
    /// Checks now that `path` can be written and is not one of the inputs.
    fn create(path: &Path, inputs: &[Input], what: &str) -> Result<AtomicFile> {
        if let Ok(target) = path.canonicalize() {
            let is_input = inputs.iter().any(|i| match i {
                Input::File(p) | Input::Walked(p) => p.canonicalize().is_ok_and(|p| p == target),
                _ => false,
            });
            if is_input {
                anyhow::bail!("{what} {} 是要检查的报告之一，不能覆盖它", path.display());
            }
        }
        AtomicFile::open(path, what)
    }

    /// A temporary file beside `path` that will replace it (a report that
    /// `--fix` corrects, or an output `create` has vetted).
    fn open(path: &Path, what: &str) -> Result<AtomicFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".report-lint-");
        // A new output gets the permissions any new file gets (0666 less the
        // umask), not a temporary file's 0600: a page or report written for
        // colleagues or a web server must be readable by them.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(dir)
            .with_context(|| format!("无法写入{what} {}", path.display()))?;
        // An existing output keeps its own.
        if let Ok(meta) = std::fs::metadata(path) {
            temp.as_file().set_permissions(meta.permissions()).ok();
        }
        clean_up_on_interrupt();
        pending().push(temp.path().to_path_buf());
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temp,
        })
    }

    fn write(mut self, bytes: &[u8]) -> Result<()> {
        let name = self.path.display().to_string();
        self.temp
            .write_all(bytes)
            .with_context(|| format!("写入 {name}"))?;
        self.commit()
    }

    /// Makes what was written the target: synced, then renamed over it.
    fn commit(self) -> Result<()> {
        let name = self.path.display().to_string();
        self.temp
            .as_file()
            .sync_all()
            .with_context(|| format!("写入 {name}"))?;
        let temp_path = self.temp.path().to_path_buf();
        let persisted = self
            .temp
            .persist(&self.path)
            .map_err(|e| e.error)
            .with_context(|| format!("写入 {name}"));
        pending().retain(|p| p != &temp_path);
        persisted?;
        Ok(())
    }
}

/// An extension as `--ext` takes it: no dot, lower case.
fn parse_ext(s: &str) -> Result<String, String> {
    let e = s
        .trim()
        .trim_start_matches("*.")
        .trim_start_matches('.')
        .to_ascii_lowercase();
    if e.is_empty() || e.contains(['/', '\\', '*']) {
        return Err(format!("「{s}」不是扩展名（例：--ext txt,html）"));
    }
    Ok(e)
}

/// Suppressions of the configuration that hid nothing, reported on the config file.
fn unused_suppressions(cfg: &Config, not_run: &[&str]) -> Vec<FileReport> {
    let diags = cfg.unused_suppressions(not_run);
    if diags.is_empty() {
        return Vec::new();
    }
    let name = cfg.path.as_ref().map_or_else(
        || config::FILE_NAME.to_string(),
        |p| p.display().to_string(),
    );
    vec![FileReport::operational(&name, &cfg.text, diags)]
}

/// The human output's width: `COLUMNS` when set to a number, else the
/// terminal's, else 100; never below 40 (narrower cannot hold a finding).
fn terminal_width() -> usize {
    width_from(
        std::env::var("COLUMNS").ok(),
        terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
    )
}

fn width_from(columns: Option<String>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal)
        .unwrap_or(100)
        .max(40)
}

fn auto_color() -> bool {
    color_from_env(
        std::env::var_os("NO_COLOR"),
        std::env::var_os("FORCE_COLOR"),
        std::io::stdout().is_terminal(),
    )
}

/// `--color auto`: `NO_COLOR` (set, not empty) turns colour off; else
/// `FORCE_COLOR` (set, not empty, not `0` or `false`) turns it on even
/// when standard output is not a terminal (a CI log); else a terminal gets
/// colour.
fn color_from_env(
    no_color: Option<std::ffi::OsString>,
    force_color: Option<std::ffi::OsString>,
    terminal: bool,
) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    let forced = force_color.is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    forced || terminal
}

fn print_human(results: &[FileReport], reports: usize, set: &RuleSet, lang: Lang) -> Result<()> {
    let color = auto_color();
    let ctx = RenderCtx {
        color,
        style: render::Style {
            width: terminal_width(),
            color,
            ascii: false,
            lang: lang.into(),
        },
        quiet: false,
        reports,
        rules: set,
        step_summary: None,
        fail_on: Severity::Error,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::render(Format::Human, results, &ctx, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Every rule of the loaded packs, per-file rules then those across
/// reports, pack by pack: (pack id, across reports, metadata).
fn rule_list(set: &RuleSet) -> Vec<(&str, bool, &report_lint::rules::RuleMeta)> {
    set.packs
        .iter()
        .flat_map(|p| {
            let id = p.meta.id.as_str();
            p.rules
                .iter()
                .map(move |r| (id, false, &r.meta))
                .chain(p.corpus.iter().map(move |r| (id, true, &r.meta)))
        })
        .collect()
}

/// A rule's explanation fitted to the terminal: its prose wrapped under its
/// indent; a line of an example report (`  | `) continues without the bar,
/// so that each barred line is still one line of the report.
fn fit_prose(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    for line in text.lines() {
        if line.width() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let (first, rest, indent) = match line.strip_prefix("  | ") {
            Some(rest) => ("  | ", rest, "    "),
            None => {
                let indent = &line[..line.len() - line.trim_start().len()];
                (indent, line.trim_start(), indent)
            }
        };
        for l in render::wrap(rest, width, first, indent) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// The rules as a table with a header, columns aligned by display width
/// (the header is Chinese: two columns a character), written to stdout.
fn print_rule_table(rules: &[(&str, bool, &report_lint::rules::RuleMeta)]) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    out.write_all(rule_table(rules, terminal_width()).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The table at `width` columns. The description is cut to what is left
/// (`rule ID` says it whole); when less than [`MIN_DESCRIPTION`] columns
/// are left, each description goes under its row, indented, and columns
/// are dropped while the row still does not fit (a rule's id starts with
/// its pack's name; `rule ID` names the check kind).
fn rule_table(rules: &[(&str, bool, &report_lint::rules::RuleMeta)], width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    const MIN_DESCRIPTION: usize = 24;
    const UNDER: &str = "    ";
    let header = ["规则", "检查类型", "级别", "规则包"];
    let rows: Vec<([&str; 4], &str)> = rules
        .iter()
        .map(|(pack, _, m)| {
            (
                [&m.id, m.check.as_str(), m.severity.as_str(), pack],
                m.explain.what.lines().next().unwrap_or(""),
            )
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for (row, _) in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let before: usize = widths.iter().map(|w| w + 2).sum();
    let beside = width.saturating_sub(before) >= MIN_DESCRIPTION;
    // Narrower: the pack goes first, then the check kind (`rule ID` has both).
    let fits =
        |columns: &[usize]| columns.iter().map(|&c| widths[c] + 2).sum::<usize>() - 2 <= width;
    let columns: &[usize] = [&[0, 1, 2, 3][..], &[0, 1, 2], &[0, 2], &[0]]
        .into_iter()
        .find(|c| beside || fits(c))
        .unwrap_or(&[0]);
    let room = if beside {
        width - before
    } else {
        width.saturating_sub(UNDER.len()).max(MIN_DESCRIPTION)
    };
    let mut text = String::new();
    let mut line = |cells: [&str; 4], description: &str| {
        let mut l = String::new();
        for &i in columns {
            l.push_str(cells[i]);
            l.push_str(&" ".repeat(widths[i] - cells[i].width() + 2));
        }
        if beside {
            l.push_str(&render::fit(description, room, "…"));
        }
        text.push_str(l.trim_end());
        text.push('\n');
        if !beside && !description.is_empty() {
            text.push_str(UNDER);
            text.push_str(&render::fit(description, room, "…"));
            text.push('\n');
        }
    };
    line(header, if beside { "说明" } else { "" });
    for (row, description) in &rows {
        line(*row, description);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::width_from;

    #[test]
    fn the_width_is_columns_then_the_terminal_then_100() {
        assert_eq!(width_from(Some("120".into()), Some(90)), 120);
        assert_eq!(width_from(Some(" 80 ".into()), None), 80);
        // Not a number, or zero: the terminal's, else 100.
        assert_eq!(width_from(Some("wide".into()), Some(90)), 90);
        assert_eq!(width_from(Some("0".into()), None), 100);
        assert_eq!(width_from(None, None), 100);
        // Too narrow to hold a finding.
        assert_eq!(width_from(Some("20".into()), None), 40);
    }
}
