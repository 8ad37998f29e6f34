//! `--format junit`: a JUnit XML report (GitLab, Jenkins): one test suite per
//! report, one test case per finding — failing at or above `--fail-on`, a
//! passing case carrying its text (`system-out`) below it, as the exit status
//! counts them — and one passing case for a report without findings.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::diagnostic::{FileReport, Severity};

pub fn render_junit(
    results: &[FileReport],
    fail_on: Severity,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut report = Report::new("report-lint");
    for r in results {
        let mut suite = TestSuite::new(r.source.path.clone());
        if r.diagnostics.is_empty() {
            suite.add_test_case(TestCase::new("report-lint", TestCaseStatus::success()));
        }
        for d in &r.diagnostics {
            let p = r.position(d.span.start);
            let text = format!(
                "{}:{}:{}: {}[{}] {}{}",
                r.source.path,
                p.line,
                p.column,
                d.severity,
                d.rule,
                d.message,
                d.help
                    .as_ref()
                    .map_or_else(String::new, |h| format!("\n{h}"))
            );
            let failing = d.severity >= fail_on;
            let status = if failing {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(d.message.clone());
                status.set_type(d.severity.as_str());
                status.set_description(text.clone());
                status
            } else {
                TestCaseStatus::success()
            };
            let mut case = TestCase::new(format!("{} ({}:{})", d.rule, p.line, p.column), status);
            case.set_classname(r.source.path.clone());
            if !failing {
                case.set_system_out(text);
            }
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    let xml = report.to_string().map_err(io::Error::other)?;
    w.write_all(xml.as_bytes())?;
    writeln!(w)
}
