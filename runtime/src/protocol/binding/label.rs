use super::{percent_encode_into, HttpValue};
use crate::error::BuildError;
use crate::protocol::TimestampFormat;

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
        percent_encode_into(out, &text, greedy);
        Ok(())
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
