//! The `report-lint` command line: parses arguments, loads the rule packs once,
//! checks the inputs, renders, and turns the outcome into the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(status) => ExitCode::from(u8::from(status)),
        Err(e) => {
            eprintln!("report-lint: 错误：{e:#}");
            ExitCode::from(u8::from(cli::ExitStatus::Error))
        }
    }
}
