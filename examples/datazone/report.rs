//! Exit codes and error messages, as the aws CLI has them.

use std::io::Write;

use awsop::datazone::DataZoneError;
use awsop::ErrorKind;

use super::args::UsageError;

/// The command ran and printed its answer.
pub(crate) const SUCCESS: i32 = 0;
/// The command line is wrong: unknown command or option, missing required
/// option, unusable value, input the client refuses to send.
pub(crate) const USAGE: i32 = 252;
/// The configuration is unusable: region, endpoint, profile files, credentials.
pub(crate) const CONFIGURATION: i32 = 253;
/// The service answered with an error.
pub(crate) const SERVICE: i32 = 254;
/// Anything else: the network, a timeout, an unreadable answer.
pub(crate) const OTHER: i32 = 255;

/// A bad command line: what was wrong, and where help is.
pub(crate) fn usage(stderr: &mut dyn Write, err: &UsageError) -> i32 {
    let _ = writeln!(
        stderr,
        "usage: cargo run --example datazone -- <command> [--option value ...]\n\
         To see help text, run: cargo run --example datazone -- --help\n\n\
         datazone: error: {err}"
    );
    USAGE
}

/// An unusable configuration.
pub(crate) fn configuration(stderr: &mut dyn Write, err: &dyn std::error::Error) -> i32 {
    let _ = writeln!(stderr, "\n{}", one_line(err));
    CONFIGURATION
}

/// Anything else, in one line.
pub(crate) fn other(stderr: &mut dyn Write, err: &dyn std::error::Error) -> i32 {
    let _ = writeln!(stderr, "\n{}", one_line(err));
    OTHER
}

/// A failed call, by where it failed.
pub(crate) fn call(
    stderr: &mut dyn Write,
    operation: &str,
    err: &awsop::Error<DataZoneError>,
) -> i32 {
    match err.kind() {
        ErrorKind::Service => {
            // The aws CLI's wording, byte for byte: scripts match on it.
            let _ = writeln!(
                stderr,
                "\nAn error occurred ({}) when calling the {operation} operation: {}",
                err.code().unwrap_or("Unknown"),
                err.message().unwrap_or("Unknown"),
            );
            SERVICE
        }
        ErrorKind::Construction => {
            let _ = writeln!(stderr, "\nParameter validation failed:\n{}", one_line(err));
            USAGE
        }
        ErrorKind::Configuration | ErrorKind::Credentials => configuration(stderr, err),
        _ => other(stderr, err),
    }
}

/// The error and each cause that adds something, joined by `: `.
fn one_line(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    line.replace('\n', " ")
}
