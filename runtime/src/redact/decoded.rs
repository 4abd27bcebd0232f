//! The second pass of redaction: strings as decoded from an error
//! response, while it is parsed.
//!
//! Parsing is synchronous and happens on one thread, so the secrets of the
//! response being parsed are kept in a thread-local for the duration of
//! [`while_parsing`]; the places strings come out of a body
//! (`ReadValue for String`, map keys, error metadata) pass them through
//! [`decoded`]. Outside a parse of an error response the check is one
//! thread-local read.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use super::REDACTED;

thread_local! {
    static PARSING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    // Whether `PARSING` holds any secret: a plain flag, read without the
    // borrow and the destructor-registration check the `Vec` needs, for
    // the strings of every response that is not an error.
    static ANY_SECRET: Cell<bool> = const { Cell::new(false) };
}

fn set(secrets: Vec<String>) -> Vec<String> {
    ANY_SECRET.with(|any| any.set(!secrets.is_empty()));
    PARSING.with(|p| std::mem::replace(&mut *p.borrow_mut(), secrets))
}

/// Restores the outer secrets when a parse ends, however it ends.
struct Restore(Vec<String>);

impl Drop for Restore {
    fn drop(&mut self) {
        set(std::mem::take(&mut self.0));
    }
}

/// Runs `parse` with `secrets` cut out of every string it decodes.
pub(crate) fn while_parsing<R>(mut secrets: Vec<String>, parse: impl FnOnce() -> R) -> R {
    // An empty "secret" would be found in every string.
    secrets.retain(|s| !s.is_empty());
    let _restore = Restore(set(secrets));
    parse()
}

/// `text` with the secrets of the error response being parsed cut out
/// (unchanged, and not copied, outside such a parse).
///
/// ```
/// use awsop_runtime::redact::decoded;
/// assert_eq!(decoded("nothing to hide"), "nothing to hide");
/// ```
pub fn decoded(text: &str) -> Cow<'_, str> {
    if !ANY_SECRET.with(Cell::get) {
        return Cow::Borrowed(text);
    }
    PARSING.with(|p| {
        let secrets = p.borrow();
        if !secrets.iter().any(|s| text.contains(s.as_str())) {
            return Cow::Borrowed(text);
        }
        let mut out = text.to_owned();
        for secret in secrets.iter() {
            out = out.replace(secret.as_str(), REDACTED);
        }
        Cow::Owned(out)
    })
}

/// [`decoded`] for an owned string: no copy when nothing is cut.
pub(crate) fn decoded_owned(text: String) -> String {
    match decoded(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cut) => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_while_parsing_and_then_restored() {
        let secrets = vec!["s3cret".to_owned()];
        assert_eq!(decoded("a s3cret"), "a s3cret");
        while_parsing(secrets.clone(), || {
            assert_eq!(
                decoded("a s3cret b s3cret"),
                "a ** redacted ** b ** redacted **"
            );
            while_parsing(vec!["other".to_owned()], || {
                assert_eq!(decoded("s3cret other"), "s3cret ** redacted **");
            });
            // No secret inside (only empty ones), the outer ones after.
            while_parsing(vec![String::new()], || {
                assert_eq!(decoded("s3cret"), "s3cret");
            });
            assert_eq!(decoded("s3cret"), REDACTED);
            assert_eq!(decoded_owned("s3cret".into()), REDACTED);
        });
        assert_eq!(decoded("a s3cret"), "a s3cret");
        let unwound =
            std::panic::catch_unwind(|| while_parsing(secrets.clone(), || panic!("boom")));
        assert!(unwound.is_err());
        assert_eq!(decoded("a s3cret"), "a s3cret");
    }
}
