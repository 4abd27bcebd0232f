//! Text shown to people: terminals, logs and error messages.
//!
//! Much of what the runtime prints comes from outside the program: section
//! names from config files, paths from environment variables, error codes
//! and messages from servers. Written raw, an `ESC` starts a terminal
//! escape sequence (retitle the window, rewrite earlier lines, hide text),
//! and a `\r` or `\n` forges a log line. [`escape`] makes such text inert
//! before it is formatted for a person.

use std::borrow::Cow;
use std::fmt;

/// `text` with every control character written as a visible escape:
/// `\n`, `\r`, `\t`, `\0` and `\u{..}` for the others. Controls are the C0
/// range, `DEL`, the C1 range (U+0080–U+009F: U+009B is a one-character
/// `ESC [` on some terminals), the Unicode line and paragraph separators,
/// and the bidirectional overrides and isolates (which can make a terminal
/// show text in another order than it is). Everything else, backslashes
/// included, is kept as is, so ordinary text is not copied at all.
///
/// It is for display, not a reversible encoding: a literal `\n` in the
/// input and an escaped newline look the same.
///
/// ```
/// use awsop_runtime::text::escape;
/// assert_eq!(escape("plain text"), "plain text");
/// assert_eq!(escape("a\u{1b}[2Jb\r\nc"), "a\\u{1b}[2Jb\\r\\nc");
/// assert_eq!(escape("C:\\Users\\me"), "C:\\Users\\me");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let _ = write_escaped(&mut out, text);
    Cow::Owned(out)
}

/// A `Display` of a string through [`escape`], without allocating: for
/// `format!`, `write!` and `tracing` fields.
///
/// ```
/// use awsop_runtime::text::Escaped;
/// let section = "dev\u{1b}]0;owned\u{7}";
/// assert_eq!(
///     format!("section `{}` ignored", Escaped(section)),
///     "section `dev\\u{1b}]0;owned\\u{7}` ignored"
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn write_escaped(out: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
        out.write_str(&rest[..at])?;
        match c {
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\0' => out.write_str("\\0")?,
            c => write!(out, "\\u{{{:x}}}", c as u32)?,
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_is_escaped() {
        for c in (0u32..0x20).chain(0x7f..0xa0) {
            let c = char::from_u32(c).unwrap();
            let shown = escape(&c.to_string()).into_owned();
            assert!(shown.starts_with('\\'), "{c:?} -> {shown:?}");
            assert!(!shown.chars().any(char::is_control), "{c:?} -> {shown:?}");
        }
        assert_eq!(escape("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(escape("a\u{2028}b"), "a\\u{2028}b");
    }

    #[test]
    fn other_text_is_kept_and_not_copied() {
        for text in ["", "plain", "é😀 ünïcode", "back\\slash", "quote \" '"] {
            assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
        }
        assert_eq!(Escaped("x\u{9b}y").to_string(), "x\\u{9b}y");
    }
}
