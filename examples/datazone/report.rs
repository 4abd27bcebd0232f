//! Exit codes and error messages, as the aws CLI has them.

use std::io::Write;

use awsop::datazone::DataZoneError;
use awsop::runtime::text::Escaped;
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
         datazone: error: {}",
        // Arguments may hold anything a shell can pass, ESC included.
        Escaped(&err.to_string())
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
            // Code and message come from the server: control characters
            // in them are shown escaped, never sent to the terminal.
            let _ = writeln!(
                stderr,
                "\nAn error occurred ({}) when calling the {operation} operation: {}",
                Escaped(err.code().unwrap_or("Unknown")),
                Escaped(err.message().unwrap_or("Unknown")),
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

/// The error and each cause that adds something, joined by `: `, on one
/// line, with control characters escaped (errors quote config files,
/// paths and server answers).
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
    Escaped(&line.replace('\n', " ")).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Hostile;

    impl std::fmt::Display for Hostile {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("bad\u{1b}]0;owned\u{7} section\r\nforged line")
        }
    }

    impl std::error::Error for Hostile {}

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut out = Vec::new();
        assert_eq!(other(&mut out, &Hostile), OTHER);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "\nbad\\u{1b}]0;owned\\u{7} section\\r forged line\n");
        let mut out = Vec::new();
        usage(&mut out, &UsageError("--x '\u{1b}[2J'".into()));
        assert!(!String::from_utf8(out).unwrap().contains('\u{1b}'));
    }
}
