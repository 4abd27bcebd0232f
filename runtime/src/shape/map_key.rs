//! [`MapKey`]: what may key a `HashMap` member.

use std::hash::Hash;

/// A map key: `String`, or a string enum declared with `#[aws_shape]`
/// that derives `Eq` and `Hash`.
///
/// ```
/// use awsop_runtime::shape::MapKey;
/// assert_eq!(String::from_key("k").as_key(), "k");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot key an AWS map",
    label = "map keys must be `String` or a string enum declared with `#[aws_shape]`"
)]
pub trait MapKey: Eq + Hash + Sized {
    /// The key as sent.
    fn as_key(&self) -> &str;
    /// The key as received.
    fn from_key(key: &str) -> Self;
}

impl MapKey for String {
    fn as_key(&self) -> &str {
        self
    }

    fn from_key(key: &str) -> Self {
        key.to_owned()
    }
}
