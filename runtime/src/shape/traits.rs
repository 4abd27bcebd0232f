//! [`Shape`]: what every `#[aws_shape]` structure and union can say about
//! itself.

use super::StructSchema;

/// The names an exception's message member may have on the wire. Services
/// spell it differently (`message` in restJson1, `Message` in awsJson and
/// XML, `errorMessage` in some), and error metadata reads the same keys.
pub const ERROR_MESSAGE_KEYS: [&str; 3] = ["message", "Message", "errorMessage"];

/// Whether a member called `name` on the wire is an exception's message.
///
/// ```
/// use awsop_runtime::shape::is_error_message_key;
/// assert!(is_error_message_key("Message"));
/// assert!(!is_error_message_key("messages"));
/// ```
#[inline]
pub const fn is_error_message_key(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut k = 0;
    while k < ERROR_MESSAGE_KEYS.len() {
        let key = ERROR_MESSAGE_KEYS[k].as_bytes();
        if key.len() == bytes.len() {
            let mut i = 0;
            while i < key.len() && key[i] == bytes[i] {
                i += 1;
            }
            if i == key.len() {
                return true;
            }
        }
        k += 1;
    }
    false
}

/// A structure or union: its schema (name and body members), and for
/// exceptions the message. `#[aws_shape]` implements it; formats read names
/// from the schema, error enums show and fill the message (from the error's
/// metadata, when the body spelled the message key differently than the
/// model).
pub trait Shape {
    /// The shape's schema.
    const SCHEMA: &'static StructSchema;

    /// The message member, for exception structures that have one.
    fn error_message(&self) -> Option<&str> {
        None
    }

    /// Sets the message member, if there is one and it is empty.
    fn fill_error_message(&mut self, _message: &str) {}
}
