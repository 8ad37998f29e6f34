//! The `report-lint` command line: parses arguments, loads the rule packs once,
//! checks the inputs, renders, and turns the outcome into the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(status) => ExitCode::from(u8::from(status)),
        // `report-lint rules | head`: the reader left; what it wanted was written.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<serde_json::Error>()
                        .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("report-lint: 错误：{e:#}");
            ExitCode::from(u8::from(cli::ExitStatus::Error))
        }
    }
}
