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

    pub(crate) fn from_error(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        // The message already says what the source would; chaining it too
        // would print the same sentence twice.
        ConfigError::new(err.to_string(), None)
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
