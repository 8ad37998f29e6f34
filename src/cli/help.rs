//! The command line's help and man pages in Chinese (the default) or English
//! (`--lang en`). The English text is clap's (the doc comments of `cli.rs`);
//! Chinese replaces every description, option help and heading. Both carry
//! examples and the exit status; the man pages add EXIT STATUS, ENVIRONMENT
//! and FILES.

use std::ffi::OsString;
use std::io::Write;

use clap::{Arg, ArgAction, Command, ValueEnum};
use roff::{Roff, bold, roman};

/// `--lang`: the language of help and man pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl From<Lang> for report_lint::render::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Zh => report_lint::render::Lang::Zh,
            Lang::En => report_lint::render::Lang::En,
        }
    }
}

/// The language the arguments ask for, read before they are parsed (the
/// help is built before parsing): `--lang en` or `--lang=en`.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    let mut lang = Lang::default();
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value {
            lang = Lang::from_str(&v, true).unwrap_or(lang);
        }
    }
    lang
}

/// `report-lint help [COMMAND]` as `report-lint [COMMAND] --help` (the
/// Chinese help has no clap help subcommand, whose text is English).
pub fn help_subcommand(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// Chinese descriptions: of a subcommand (`arg` empty) or of one of its
/// arguments (`sub` empty: the top level and global arguments).
const ZH: &[(&str, &str, &str)] = &[
    (
        "check",
        "",
        "检查报告：文件、目录（遍历其中的 .txt .md .html .htm .docx），或 -（标准输入）",
    ),
    ("check", "paths", "要检查的文件或目录；- 表示读标准输入"),
    (
        "check",
        "format",
        "输出格式：human（默认，供人阅读）、concise（每条一行）、json、jsonl、sarif、github、junit、csv（每份报告一行）、gitlab（Code Quality）、rdjson（reviewdog）、html（一个网页：汇总表和标出发现的全文）",
    ),
    (
        "check",
        "color",
        "human 输出的颜色：auto（默认：输出到终端或设了 FORCE_COLOR 时着色，设了 NO_COLOR 时不着色）、always、never",
    ),
    ("check", "rules", "加载一个用户规则包（TOML）；可重复"),
    (
        "check",
        "pack",
        "不按报告年度选择，强制使用这个内置规则包（gov-2008、gov-2019、gov-2021）",
    ),
    (
        "check",
        "encoding",
        "按这个编码解码输入（utf-8、gbk、gb18030、utf-16le……），不再猜测",
    ),
    (
        "check",
        "stdin_filename",
        "标准输入的报告名（默认 <stdin>）",
    ),
    (
        "check",
        "select",
        "只运行这些规则：规则 id、以 / 结尾的前缀或检查类型名，逗号分隔（取代配置文件的 select 和 ignore）",
    ),
    (
        "check",
        "extend_select",
        "另外运行这些规则，不论配置文件如何选择或忽略",
    ),
    (
        "check",
        "ignore",
        "不运行这些规则（优先于 --select 和 --extend-select）",
    ),
    (
        "check",
        "min_severity",
        "只显示这一级别及以上的发现：error、warning 或 info（在配置文件调整级别之后）；退出码仍按全部发现计算",
    ),
    (
        "check",
        "quiet",
        "只显示错误，即 --min-severity error；人读格式也不再列出通过的报告",
    ),
    (
        "check",
        "ascii",
        "人读格式只用 ASCII 字符画框线（用于把框线字符显示为双宽的控制台）",
    ),
    (
        "check",
        "fail_on",
        "达到哪个级别时退出码为 1：error、warning 或 info（默认：配置文件的 fail-on，否则 error）",
    ),
    (
        "check",
        "exit_zero",
        "有发现时也以 0 退出（输入、配置或规则包错误仍为 2）",
    ),
    (
        "check",
        "statistics",
        "不列出发现，而是统计每条规则的发现数（--format json 时输出 JSON）",
    ),
    (
        "check",
        "config",
        "使用这个配置文件，不再查找 report-lint.toml",
    ),
    ("check", "no_config", "不使用任何 report-lint.toml"),
    ("check", "baseline", "隐藏这个基线文件记录的发现"),
    (
        "check",
        "write_baseline",
        "把本次的发现记入这个基线文件（并以 0 退出）",
    ),
    (
        "check",
        "threads",
        "检查文件的线程数（默认：全部核心；至多 256）",
    ),
    ("check", "follow", "遍历目录时跟随符号链接（能发现循环）"),
    (
        "check",
        "no_ignore",
        "遍历目录时也检查隐藏的文件和目录，以及 .gitignore、.ignore 和 git 排除规则略过的路径（直接写出的路径总会检查）",
    ),
    (
        "check",
        "ext",
        "遍历目录时检查的扩展名，逗号分隔（默认 txt,md,html,htm,docx；用默认值时，遇到的 .doc、.pdf 等会报告）",
    ),
    (
        "check",
        "max_file_size",
        "读取的最大输入，单位 MB（默认 256）；更大的文件报告为输入错误",
    ),
    (
        "check",
        "output_file",
        "把输出写入这个文件而不是标准输出（整体写入或不写）",
    ),
    (
        "check",
        "fix",
        "把确定无误的修正（删除转换残留、合并断开的段落、统一标题编号样式）写入 .txt 和 .md 文件（保持原编码），再报告其余的发现；不改 Word、网页文件，不改数字和年份",
    ),
    (
        "check",
        "diff",
        "只以统一差异格式显示确定无误的修正，不写入文件；有修正时退出码为 1",
    ),
    (
        "rules",
        "",
        "列出内置规则包（及 --rules 给出的规则包）的全部规则",
    ),
    ("rules", "rules", "另外加载这个用户规则包"),
    (
        "rules",
        "format",
        "输出格式：text（对齐的表格，默认）或 json",
    ),
    (
        "rule",
        "",
        "说明一条规则：检查什么、为什么、错误和正确的例子（给出检查类型名则列出它的规则）",
    ),
    (
        "rule",
        "id",
        "规则 id（如 common/repeated-word）或检查类型名（如 sum-mismatch）",
    ),
    ("rule", "rules", "另外加载这个用户规则包"),
    (
        "config",
        "",
        "显示适用于一份报告的配置（JSON）：规则包、选择、级别、发布机关、年度",
    ),
    ("config", "path", "要查看其设置的报告（默认 report.txt）"),
    (
        "config",
        "config",
        "使用这个配置文件，不再查找 report-lint.toml",
    ),
    ("init", "", "在当前目录写一个带注释的 report-lint.toml"),
    ("completions", "", "输出 shell 补全脚本"),
    (
        "completions",
        "shell",
        "shell：bash、zsh、fish、powershell 或 elvish",
    ),
    ("man", "", "输出手册页（roff）"),
    ("man", "command", "只输出这个子命令的手册页（如 check）"),
    (
        "man",
        "dir",
        "把全部手册页写入这个目录（report-lint.1、report-lint-check.1……）",
    ),
    ("", "lang", "界面语言（帮助和输出框架）：zh（默认）或 en"),
];

fn zh(sub: &str, arg: &str) -> Option<&'static str> {
    ZH.iter()
        .find(|(s, a, _)| *s == sub && *a == arg)
        .map(|(_, _, t)| *t)
}

/// A command's examples: (command line, what it does in Chinese, in English).
fn examples(sub: &str) -> &'static [(&'static str, &'static str, &'static str)] {
    match sub {
        "" => &[
            (
                "report-lint check 报告.txt",
                "检查一份报告",
                "check one report",
            ),
            (
                "report-lint check reports/",
                "检查目录中的全部报告",
                "every report of a folder",
            ),
            ("report-lint rules", "列出全部规则", "list every rule"),
            (
                "report-lint rule sum-mismatch",
                "一种检查类型的规则",
                "the rules of a check",
            ),
            (
                "report-lint init",
                "写一个带注释的配置文件",
                "write a commented configuration",
            ),
            (
                "report-lint check --help",
                "check 的全部选项",
                "every option of check",
            ),
        ],
        "check" => &[
            (
                "report-lint check 报告.docx 报告.html",
                "Word 文件和网页",
                "Word files and web pages",
            ),
            (
                "report-lint check --format json reports/",
                "机器可读的结果",
                "machine-readable",
            ),
            (
                "report-lint check --format csv reports/ > 汇总.csv",
                "每份报告一行的汇总表",
                "a row per report",
            ),
            ("report-lint check -q reports/", "只看错误", "errors only"),
            (
                "report-lint check --select common/ --ignore common/repeated-word reports/",
                "选择规则",
                "choose rules",
            ),
            (
                "report-lint check --write-baseline b.json reports/",
                "记下现有的发现",
                "record today's findings",
            ),
            (
                "report-lint check --baseline b.json reports/",
                "只显示新的发现",
                "show only new ones",
            ),
            (
                "cat 报告.txt | report-lint check --stdin-filename 报告.txt -",
                "从标准输入读",
                "from standard input",
            ),
        ],
        _ => &[],
    }
}

/// Examples and the exit status, after a command's help.
fn after_help(sub: &str, lang: Lang) -> Option<String> {
    let lines = examples(sub);
    if lines.is_empty() {
        return None;
    }
    let heading = match lang {
        Lang::Zh => "例子：",
        Lang::En => "Examples:",
    };
    use unicode_width::UnicodeWidthStr;
    let cmd_width = lines.iter().map(|(c, _, _)| c.width()).max().unwrap_or(0);
    let mut text = format!("{heading}\n");
    for (c, z, e) in lines {
        let what = if lang == Lang::Zh { z } else { e };
        let pad = cmd_width - c.width() + 2;
        text.push_str(&format!("  {c}{}# {what}\n", " ".repeat(pad)));
    }
    if sub == "check" {
        text.push('\n');
        text.push_str(match lang {
            Lang::Zh => {
                "退出码：0 没有达到 --fail-on 级别的发现；1 有这样的发现；2 用法错误、无法读取的输入、规则包或配置错误（其余文件照常检查）。"
            }
            Lang::En => {
                "Exit status: 0 no finding at or above --fail-on; 1 such findings; 2 a usage error, an unreadable input, a broken rule pack or configuration (the other files are still checked)."
            }
        });
        text.push('\n');
    }
    Some(text)
}

/// The command as the language says: clap's (English) text, or Chinese
/// descriptions, headings and flags; examples in both.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    let cmd = with_examples(cmd, "", lang);
    let cmd = cmd.mut_subcommands(|s| {
        let name = s.get_name().to_string();
        with_examples(s, &name, lang)
    });
    if lang == Lang::En {
        return cmd;
    }
    let cmd = cmd
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    let cmd = chinese(cmd, "")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .override_usage("report-lint [选项] <命令>");
    cmd.mut_subcommands(|s| {
        let name = s.get_name().to_string();
        chinese(s, &name)
    })
}

/// The help fitted to `width` columns, for `--help` on a terminal (clap
/// wraps at spaces only, and Chinese has none): each option's text wrapped
/// Chinese-style beside the options, or under them when the terminal is too
/// narrow for both; the examples' descriptions likewise. Man pages are not
/// fitted (roff wraps them).
pub fn fit(cmd: Command, width: usize) -> Command {
    // clap wraps what has spaces (the English text, possible values).
    let cmd = fit_one(cmd, width).term_width(width).max_term_width(width);
    cmd.mut_subcommands(|s| fit_one(s, width))
}

/// The examples and notes after the options, fitted: an example whose
/// description does not fit beside it gets it on the next line.
fn fit_after(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    for line in text.lines() {
        if line.width() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        match line.split_once("  # ") {
            Some((example, what)) => {
                out.push_str(example.trim_end());
                out.push('\n');
                for l in report_lint::render::wrap(what, width, "      # ", "        ") {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            None => {
                for l in report_lint::render::wrap(line, width, "", "") {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn fit_one(cmd: Command, width: usize) -> Command {
    use unicode_width::UnicodeWidthStr;
    // clap's layout: two spaces, the widest option (`-j, --threads <N>`),
    // two spaces, the text.
    let spec = |a: &Arg| -> usize {
        let values: usize = a
            .get_value_names()
            .map(|v| v.iter().map(|n| n.width() + 3).sum())
            .unwrap_or(0);
        if a.is_positional() {
            return values;
        }
        4 + a.get_long().map_or(0, |l| l.len() + 2) + values
    };
    let widest = cmd.get_arguments().map(spec).max().unwrap_or(0);
    let beside = width.saturating_sub(widest + 4);
    let (next_line, room) = if beside >= 36 {
        (false, beside)
    } else {
        (true, width.saturating_sub(10))
    };
    let mut cmd = cmd.next_line_help(next_line);
    // The list of commands: a description too long beside the names is
    // wrapped under itself.
    let names = cmd
        .get_subcommands()
        .map(|s| s.get_name().len())
        .max()
        .unwrap_or(0);
    let about_room = width.saturating_sub(names + 8).max(20);
    cmd = cmd.mut_subcommands(|s| match s.get_about().map(|a| a.to_string()) {
        Some(a) if a.width() > about_room => {
            // Whole at the head of its own --help (clap's long description).
            let lines = report_lint::render::wrap(&a, about_room, "", "");
            s.about(lines.join("\n")).long_about(a)
        }
        _ => s,
    });
    if let Some(after) = cmd.get_after_help().map(|t| t.to_string()) {
        cmd = cmd.after_help(fit_after(&after, width));
    }
    cmd.mut_args(|a| match a.get_help().map(|h| h.to_string()) {
        Some(h) if h.width() > room => {
            let lines = report_lint::render::wrap(&h, room, "", "");
            a.help(lines.join("\n"))
        }
        _ => a,
    })
}

fn with_examples(cmd: Command, sub: &str, lang: Lang) -> Command {
    match after_help(sub, lang) {
        Some(text) => cmd.after_help(text),
        None => cmd,
    }
}

/// One command's text in Chinese.
fn chinese(cmd: Command, sub: &str) -> Command {
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    if let Some(about) = zh(sub, "") {
        cmd = cmd.about(about);
    }
    // The usage line in Chinese words: options, then the positionals.
    if !sub.is_empty() {
        let positionals: Vec<String> = cmd
            .get_positionals()
            .map(|a| {
                let name = a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| a.get_id().to_string().to_uppercase(), |v| v.to_string());
                let many = if matches!(a.get_action(), ArgAction::Append) {
                    "..."
                } else {
                    ""
                };
                if a.is_required_set() {
                    format!(" <{name}>{many}")
                } else {
                    format!(" [{name}]{many}")
                }
            })
            .collect();
        cmd = cmd.override_usage(format!("report-lint {sub} [选项]{}", positionals.concat()));
    }
    cmd.mut_args(|a| {
        let id = a.get_id().as_str().to_string();
        let text = zh(sub, &id).or_else(|| zh("", &id));
        let heading = if a.is_positional() {
            "参数"
        } else {
            "选项"
        };
        let mut a = a.help_heading(heading);
        // The global --lang, then help, after a command's own options.
        match id.as_str() {
            "lang" => a = a.display_order(9998),
            "help" => a = a.display_order(9999),
            _ => {}
        }
        if a.get_action().takes_values() {
            // The values and defaults are said in the help text itself
            // (clap would label them in English).
            a = a.hide_possible_values(true).hide_default_value(true);
        }
        match text {
            Some(t) => a.help(t).long_help(None::<&str>),
            None => a,
        }
    })
}

/// Writes the man page of `cmd` (the top-level command, or one subcommand
/// built from it): clap's sections, then EXAMPLES, EXIT STATUS,
/// ENVIRONMENT and FILES.
pub fn man_page(
    cmd: &Command,
    sub: Option<&str>,
    lang: Lang,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let page = match sub {
        Some(name) => cmd
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| std::io::Error::other(format!("没有子命令「{name}」")))?,
        None => cmd.clone(),
    };
    let man = clap_mangen::Man::new(
        page.clone()
            .after_help(None::<&str>)
            .after_long_help(None::<&str>),
    )
    .source(format!("report-lint {}", env!("CARGO_PKG_VERSION")))
    .manual("report-lint");
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(w)?;
    }
    if page.has_subcommands() {
        man.render_subcommands_section(w)?;
    }
    let mut roff = Roff::new();
    // The headings man pages have everywhere (as clap_mangen's NAME, SYNOPSIS).
    let section = |roff: &mut Roff, heading: &str| {
        roff.control("SH", [heading]);
    };
    let item = |roff: &mut Roff, term: &str, text: &str| {
        roff.control("TP", []);
        roff.text([bold(term)]);
        roff.text([roman(text)]);
    };
    let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    let examples = examples(sub.unwrap_or(""));
    if !examples.is_empty() {
        section(&mut roff, "EXAMPLES");
        for (c, z, e) in examples {
            item(&mut roff, c, t(z, e));
        }
    }
    section(&mut roff, "EXIT STATUS");
    if sub.is_none() || sub == Some("check") {
        item(
            &mut roff,
            "0",
            t(
                "没有达到 --fail-on 级别（默认 error）的发现。",
                "No finding at or above --fail-on (default: error).",
            ),
        );
        item(
            &mut roff,
            "1",
            t("有达到该级别的发现。", "Findings at or above it."),
        );
        item(
            &mut roff,
            "2",
            t(
                "用法错误、无法读取的输入、规则包或配置错误、某个文件检查时程序内部出错，或没有检查任何文件（其余文件照常检查和报告）。",
                "A usage error, an unreadable input, a broken rule pack or configuration, an internal error in one file, or a run that checked no file (the other files are still checked and reported).",
            ),
        );
    } else {
        item(&mut roff, "0", t("成功。", "Success."));
        item(
            &mut roff,
            "2",
            t(
                "用法错误，或规则包、配置无效。",
                "A usage error, or a broken rule pack or configuration.",
            ),
        );
    }
    section(&mut roff, "ENVIRONMENT");
    item(
        &mut roff,
        "NO_COLOR",
        t(
            "设为非空时，--color auto 不着色。",
            "When set and not empty, --color auto does not colour.",
        ),
    );
    item(
        &mut roff,
        "FORCE_COLOR",
        t(
            "设为非空（且不是 0 或 false）时，--color auto 即使输出不是终端也着色（CI 日志）；NO_COLOR 优先。",
            "When set, not empty, 0 or false, --color auto colours even when the output is not a terminal (a CI log); NO_COLOR wins.",
        ),
    );
    item(
        &mut roff,
        "COLUMNS",
        t(
            "human 输出的宽度（列数；一个汉字占两列）。未设时取终端宽度，不是终端时为 100；最小 40。",
            "The width of the human output in columns (a Chinese character takes two). When unset, the terminal's width, or 100 when the output is not a terminal; at least 40.",
        ),
    );
    item(
        &mut roff,
        "GITHUB_STEP_SUMMARY",
        t(
            "--format github 时，把全部发现的 Markdown 表格追加到这个文件。",
            "With --format github, a Markdown table of every finding is appended to this file.",
        ),
    );
    section(&mut roff, "FILES");
    item(
        &mut roff,
        "report-lint.toml",
        t(
            "配置文件：从当前目录向上查找，到仓库根目录（含 .git 的目录）为止；--config 指定，--no-config 忽略。见 docs/configuration.md。",
            "The configuration: looked for from the working directory upwards, up to the repository root (a directory with .git); --config names one, --no-config ignores it. See docs/configuration.md.",
        ),
    );
    item(
        &mut roff,
        ".gitignore, .ignore",
        t(
            "遍历目录时略过它们（以及 git 的排除规则）排除的路径和隐藏路径；--no-ignore 时不略过。",
            "Paths they (and git's excludes) leave out, and hidden paths, are passed over in directory walks, unless --no-ignore.",
        ),
    );
    roff.to_writer(w)
}

/// Every man page, written into `dir`: report-lint.1 and one per subcommand.
pub fn man_pages_to(
    cmd: &Command,
    lang: Lang,
    dir: &std::path::Path,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut written = Vec::new();
    let mut names: Vec<Option<String>> = vec![None];
    names.extend(
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
            .map(|s| Some(s.get_name().to_string())),
    );
    for name in names {
        let file = dir.join(match &name {
            Some(n) => format!("report-lint-{n}.1"),
            None => "report-lint.1".to_string(),
        });
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file)?);
        man_page(cmd, name.as_deref(), lang, &mut out)?;
        out.flush()?;
        written.push(file);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Every subcommand and every argument has its Chinese text: a new
    /// option without one fails here.
    #[test]
    fn every_description_is_chinese() {
        let cmd = localized(
            <super::super::Cli as clap::CommandFactory>::command(),
            Lang::Zh,
        );
        let check = |c: &Command, sub: &str| {
            assert!(
                c.get_about().is_some_and(|a| has_cjk(&a.to_string())),
                "{sub}: about"
            );
            for a in c.get_arguments() {
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(has_cjk(&help), "{sub} {}: {help}", a.get_id());
            }
        };
        check(&cmd, "report-lint");
        for s in cmd.get_subcommands() {
            check(s, s.get_name());
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(&args(&["report-lint", "--help"])), Lang::Zh);
        assert_eq!(
            lang_of(&args(&["report-lint", "--lang", "en", "check"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["report-lint", "check", "--lang=en", "-h"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["report-lint", "check", "--", "--lang=en"])),
            Lang::Zh
        );
        assert_eq!(
            help_subcommand(args(&["report-lint", "help", "check"])),
            args(&["report-lint", "check", "--help"])
        );
    }
}
