use std::fmt;

/// Input refused before anything was sent: says which member and why.
///
/// ```
/// use awsop_runtime::error::BuildError;
/// let err = BuildError::empty_label("domainIdentifier");
/// assert_eq!(err.member(), Some("domainIdentifier"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    member: Option<&'static str>,
    message: String,
}

impl BuildError {
    /// A refusal about `member`.
    pub fn invalid_member(member: &'static str, message: impl Into<String>) -> Self {
        BuildError {
            member: Some(member),
            message: message.into(),
        }
    }

    /// A refusal not tied to one member.
    pub fn other(message: impl Into<String>) -> Self {
        BuildError {
            member: None,
            message: message.into(),
        }
    }

    /// A required URI label that is empty.
    pub fn empty_label(member: &'static str) -> Self {
        Self::invalid_member(member, "is a URI label and must not be empty")
    }

    /// A header value with a control character (CR, LF, NUL, ...).
    pub fn invalid_header_value(member: &'static str) -> Self {
        Self::invalid_member(
            member,
            "is sent as an HTTP header and must not contain control characters (CR, LF, NUL)",
        )
    }

    /// The member the refusal is about, by wire name.
    pub fn member(&self) -> Option<&'static str> {
        self.member
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.member {
            Some(member) => write!(f, "member `{member}` {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for BuildError {}
