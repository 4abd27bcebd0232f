use super::HttpValue;
use crate::encoding::percent;
use crate::error::BuildError;
use crate::value::TimestampFormat;

/// A member bound to a `{label}` of the URI: a scalar ([`HttpValue`]),
/// required to be present and non-empty.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a URI label",
    label = "labels must be a string, number, boolean, timestamp or enum",
    note = "declare the member as String, i32, i64, f64, bool, DateTime, an `#[aws_shape]` enum, or an Option of one"
)]
pub trait LabelBinding {
    /// Appends the percent-encoded label to `out`, refusing an empty one.
    fn write_label(
        &self,
        out: &mut String,
        member: &'static str,
        greedy: bool,
        ts: TimestampFormat,
    ) -> Result<(), BuildError>;
}

impl<T: HttpValue> LabelBinding for T {
    fn write_label(
        &self,
        out: &mut String,
        member: &'static str,
        greedy: bool,
        ts: TimestampFormat,
    ) -> Result<(), BuildError> {
        let mut text = String::new();
        self.write_http(&mut text, ts);
        if text.is_empty() {
            return Err(BuildError::empty_label(member));
        }
        if is_dot_segment(&text, greedy) {
            return Err(BuildError::invalid_member(
                member,
                "is a URI label and must not be `.` or `..`: URL parsers and SigV4 path \
                 normalization would resolve it to a different resource",
            ));
        }
        percent::encode_into(out, &text, greedy);
        Ok(())
    }
}

/// Whether the label is (or, greedy, contains a `/`-separated segment that is)
/// `.` or `..`. Percent-encoding does not help: WHATWG URL parsing also treats
/// `%2e` and `%2e%2e` as dot-segments, so such a label would silently address
/// another path.
fn is_dot_segment(text: &str, greedy: bool) -> bool {
    let dots = |segment: &str| segment == "." || segment == "..";
    if greedy {
        text.split('/').any(dots)
    } else {
        dots(text)
    }
}

impl<T: HttpValue> LabelBinding for Option<T> {
    fn write_label(
        &self,
        out: &mut String,
        member: &'static str,
        greedy: bool,
        ts: TimestampFormat,
    ) -> Result<(), BuildError> {
        match self {
            Some(v) => v.write_label(out, member, greedy, ts),
            None => Err(BuildError::invalid_member(
                member,
                "is a URI label and must be set",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(value: &str, greedy: bool) -> Result<String, BuildError> {
        let mut out = String::new();
        value
            .to_owned()
            .write_label(&mut out, "name", greedy, TimestampFormat::DateTime)
            .map(|()| out)
    }

    #[test]
    fn dot_segments_are_refused() {
        for value in [".", ".."] {
            assert!(label(value, false).is_err(), "{value}");
            assert!(label(value, true).is_err(), "{value}");
        }
        for value in ["a/../b", "./a", "a/."] {
            assert!(label(value, true).is_err(), "{value}");
            // Not greedy: the `/` is encoded, so no segment is a dot-segment.
            assert!(label(value, false).is_ok(), "{value}");
        }
        assert_eq!(label("...", false).unwrap(), "...");
        assert_eq!(label(".a", false).unwrap(), ".a");
        assert_eq!(label("a b/c~d", false).unwrap(), "a%20b%2Fc~d");
    }
}
