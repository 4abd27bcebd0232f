//! [`Structure`]: what every `#[aws_shape]` structure can say about itself.

/// Implemented by `#[aws_shape]` for every structure. Error enums use it
/// to show an exception's message.
pub trait Structure {
    /// The shape's name (`AccessDeniedException`).
    const NAME: &'static str;

    /// The `message` member, for exception structures that have one.
    fn error_message(&self) -> Option<&str> {
        None
    }
}
