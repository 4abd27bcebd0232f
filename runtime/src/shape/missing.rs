//! [`MissingValue`]: what a required member holds when a response left it out.

use std::collections::HashMap;

use crate::value::{Blob, DateTime, Document};

/// The value a non-`Option` member gets when the response does not carry
/// it: the type's zero (`""`, `0`, `false`, empty list or map, the epoch),
/// `None` for options, and for `#[aws_shape]` enums the `Unknown` variant
/// with an empty value. Services do omit "required" members, and failing
/// the whole call for it helps nobody.
///
/// ```
/// use awsop_runtime::shape::MissingValue;
/// assert_eq!(<Option<i32>>::missing(), None);
/// assert_eq!(String::missing(), "");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of an AWS shape",
    label = "not a supported member type",
    note = "members are String, bool, i8/i16/i32/i64, f32/f64, Blob, DateTime, Document, Vec<T>, HashMap<String, T>, Box<T>, Option<T>, or types declared with #[aws_shape]"
)]
pub trait MissingValue {
    /// The stand-in value.
    fn missing() -> Self;
}

macro_rules! missing_via_default {
    ($($t:ty),*) => {$(
        impl MissingValue for $t {
            fn missing() -> Self {
                <$t>::default()
            }
        }
    )*};
}

missing_via_default!(String, bool, i8, i16, i32, i64, u16, f32, f64, Blob, DateTime, Document);

impl MissingValue for crate::body::ByteStream {
    fn missing() -> Self {
        crate::body::ByteStream::default()
    }
}

impl<T> MissingValue for Option<T> {
    fn missing() -> Self {
        None
    }
}

impl<T> MissingValue for Vec<T> {
    fn missing() -> Self {
        Vec::new()
    }
}

impl<K, V, S: Default> MissingValue for HashMap<K, V, S> {
    fn missing() -> Self {
        HashMap::default()
    }
}

impl<T: MissingValue> MissingValue for Box<T> {
    fn missing() -> Self {
        Box::new(T::missing())
    }
}
