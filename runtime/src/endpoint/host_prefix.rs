//! Endpoint host prefixes (Smithy's `@endpoint(hostPrefix: ...)`, an
//! operation's `host_prefix = "..."`): some operations go to a host in front
//! of the service's, named in part by the input (`{RequestRoute}.` for S3's
//! `WriteGetObjectResponse`, `stream-` for CloudWatch Logs' live tail,
//! `{graphIdentifier}.` for Neptune Analytics' data plane).
//!
//! ```
//! use awsop_runtime::endpoint::host_prefix::push_label;
//! let mut prefix = String::from("foo.");
//! push_label(&mut prefix, "label", &"bar".to_string()).unwrap();
//! prefix.push('.');
//! assert_eq!(prefix, "foo.bar.");
//! // A value that is not one DNS label is refused before anything is sent.
//! assert!(push_label(&mut prefix, "label", &"a.b".to_string()).is_err());
//! ```

use crate::error::BuildError;

/// A member that fills a `{label}` of a host prefix (`#[aws(host_label)]`).
pub trait HostLabel {
    /// The value, if set.
    fn host_label(&self) -> Option<&str>;
}

impl HostLabel for String {
    fn host_label(&self) -> Option<&str> {
        Some(self)
    }
}

impl HostLabel for Option<String> {
    fn host_label(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// Appends `value`, which must be one DNS label (1 to 63 letters, digits
/// and `-`, not starting with `-`), so the host stays the one intended.
pub fn push_label(
    out: &mut String,
    member: &'static str,
    value: &impl HostLabel,
) -> Result<(), BuildError> {
    let Some(value) = value.host_label() else {
        return Err(BuildError::invalid_member(
            member,
            "names the host the request goes to and must be set",
        ));
    };
    let valid = !value.is_empty()
        && value.len() <= 63
        && !value.starts_with('-')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !valid {
        return Err(BuildError::invalid_member(
            member,
            "names the host the request goes to and must be one DNS label: 1 to 63 letters, digits and `-`, not starting with `-`",
        ));
    }
    out.push_str(value);
    Ok(())
}

/// `url` (absolute) with `prefix` in front of its host:
/// `https://example.com/x` → `https://foo.example.com/x`.
///
/// ```
/// use awsop_runtime::endpoint::host_prefix::apply;
/// assert_eq!(apply("https://example.com/x", "foo."), "https://foo.example.com/x");
/// ```
pub fn apply(url: &str, prefix: &str) -> String {
    match url.find("://") {
        Some(at) => {
            let (scheme, rest) = url.split_at(at + 3);
            format!("{scheme}{prefix}{rest}")
        }
        None => format!("{prefix}{url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_goes_in_front_of_the_host() {
        assert_eq!(
            apply("https://example.com/custom?x=1", "foo.bar."),
            "https://foo.bar.example.com/custom?x=1"
        );
        assert_eq!(
            apply("http://127.0.0.1:8080/", "stream-"),
            "http://stream-127.0.0.1:8080/"
        );
    }

    #[test]
    fn labels_are_one_dns_label_and_set() {
        let mut out = String::new();
        for bad in ["", "-a", "a.b", "a/b", "a b", &"x".repeat(64)] {
            let err = push_label(&mut out, "label", &bad.to_string()).unwrap_err();
            assert_eq!(err.member(), Some("label"), "{bad}");
        }
        let unset: Option<String> = None;
        assert!(push_label(&mut out, "label", &unset)
            .unwrap_err()
            .to_string()
            .contains("must be set"));
        assert!(out.is_empty(), "nothing appended on a refusal");
        push_label(&mut out, "label", &Some("my-graph-1".to_string())).unwrap();
        assert_eq!(out, "my-graph-1");
    }
}
