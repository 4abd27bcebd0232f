//! [`ConfigError`]: the client's configuration is unusable.

use std::fmt;

/// The client's configuration is unusable: a refused region, an invalid
/// endpoint URL or retry setting, an unreadable profile file.
///
/// ```
/// let err = awsop_runtime::Client::builder().region("us-east-1.evil.example").build().unwrap_err();
/// assert!(err.to_string().contains("region"));
/// ```
#[derive(Debug)]
pub struct ConfigError {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl ConfigError {
    pub(crate) fn new(
        message: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        ConfigError {
            message: message.into(),
            source,
        }
    }

    /// The message is the cause's, so printing the error alone tells the
    /// whole story; the cause stays reachable through `source()` for code
    /// that inspects it.
    pub(crate) fn from_error(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        ConfigError::new(err.to_string(), Some(Box::new(err)))
    }

    /// `message`, caused by `err`.
    pub(crate) fn caused_by(
        message: impl Into<String>,
        err: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        ConfigError::new(message, Some(Box::new(err)))
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}
