use std::fmt;

/// A response (or part of one) that could not be understood.
///
/// ```
/// use awsop_runtime::error::ParseError;
/// let err = ParseError::new("expected a JSON object at `userType`");
/// assert!(err.to_string().contains("userType"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    message: String,
}

impl ParseError {
    /// A parse error with a message that says what was wrong and where.
    pub fn new(message: impl Into<String>) -> Self {
        ParseError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}
