//! The `report-lint` command line: parses arguments, loads the rule packs once,
//! checks the inputs, renders, and turns the outcome into the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("report-lint: 错误：{e:#}");
            ExitCode::from(2)
        }
    }
}
