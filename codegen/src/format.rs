//! Passing generated code through rustfmt, when it is installed.

use std::io::Write;
use std::process::{Command, Stdio};

/// `code` as rustfmt formats it (edition 2021, default style), or `None`
/// when rustfmt is not installed or refuses the code.
pub(crate) fn rustfmt(code: &str) -> Option<String> {
    let program = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(program)
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = code.to_string();
    // Written from a thread: rustfmt may fill its stdout pipe before it
    // has read all of stdin.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}
