//! [`Redacted`]: what `Debug` shows in place of a sensitive member.

use std::fmt;

/// Prints `*** Sensitive Data Redacted ***`. `#[aws(sensitive)]` members
/// show this in the `Debug` output the macros generate.
///
/// ```
/// use awsop_runtime::shape::Redacted;
/// assert_eq!(format!("{:?}", Redacted), "*** Sensitive Data Redacted ***");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("*** Sensitive Data Redacted ***")
    }
}
