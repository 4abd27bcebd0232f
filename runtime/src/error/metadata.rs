use std::fmt;

/// What every service error carries: code, message, HTTP status, request id.
///
/// ```
/// use awsop_runtime::ErrorMetadata;
/// let meta = ErrorMetadata::new(Some("ValidationException".into()), Some("bad".into()), 400, Some("r-1".into()));
/// assert_eq!(meta.to_string(), "ValidationException (HTTP 400, request id r-1): bad");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMetadata {
    code: Option<String>,
    message: Option<String>,
    status: u16,
    request_id: Option<String>,
    extended_request_id: Option<String>,
    bucket_region: Option<String>,
    body_excerpt: Option<String>,
}

/// How much of a body that was not understood an error shows.
const EXCERPT_BYTES: usize = 200;

impl ErrorMetadata {
    /// Metadata from its parts.
    pub fn new(
        code: Option<String>,
        message: Option<String>,
        status: u16,
        request_id: Option<String>,
    ) -> Self {
        // Every field of an error response passes the redaction of the
        // secrets echoed in it (when one is being parsed).
        let cut = |field: Option<String>| field.map(crate::redact::decoded_owned);
        ErrorMetadata {
            code: cut(code),
            message: cut(message),
            status,
            request_id: cut(request_id),
            extended_request_id: None,
            bucket_region: None,
            body_excerpt: None,
        }
    }

    /// The same metadata, noting that the body (an HTML page from a proxy,
    /// say) was not in the protocol's format: its first 200 bytes are kept,
    /// control characters escaped, for people to see what came back.
    ///
    /// ```
    /// use awsop_runtime::ErrorMetadata;
    /// let meta = ErrorMetadata::new(None, None, 502, None).with_unreadable_body(b"<html>\x1b[31mBad gateway</html>");
    /// assert_eq!(meta.body_excerpt(), Some("<html>\\u{1b}[31mBad gateway</html>"));
    /// assert!(meta.to_string().contains("the body was not understood"));
    /// ```
    pub fn with_unreadable_body(mut self, body: &[u8]) -> Self {
        let cut = &body[..body.len().min(EXCERPT_BYTES)];
        let text = String::from_utf8_lossy(cut);
        let text = text.trim_end_matches('\u{fffd}');
        let text = crate::redact::decoded(text);
        self.body_excerpt = Some(crate::text::escape(&text).into_owned());
        self
    }

    /// The error code, e.g. `ThrottlingException`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The human-readable message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id (`x-amzn-requestid`, or `x-amz-request-id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// S3's second request id (`x-amz-id-2`, the "host id"), which AWS
    /// support asks for with the first.
    pub fn extended_request_id(&self) -> Option<&str> {
        self.extended_request_id.as_deref()
    }

    /// The region the bucket is in, when S3 said so because the request
    /// went to another (`x-amz-bucket-region` on a 301 `PermanentRedirect`,
    /// `<Region>` of a 400 `AuthorizationHeaderMalformed`).
    pub fn bucket_region(&self) -> Option<&str> {
        self.bucket_region.as_deref()
    }

    pub(crate) fn with_code_if_missing(mut self, code: &str) -> Self {
        self.code.get_or_insert_with(|| code.to_owned());
        self
    }

    pub(crate) fn with_extended_request_id(mut self, id: String) -> Self {
        self.extended_request_id = Some(crate::redact::decoded_owned(id));
        self
    }

    pub(crate) fn with_bucket_region(mut self, region: String) -> Self {
        self.bucket_region = Some(crate::redact::decoded_owned(
            crate::text::escape(&region).into_owned(),
        ));
        self
    }

    /// The start of a body that was not in the protocol's format,
    /// escaped for display; `None` when the body was understood (or empty).
    pub fn body_excerpt(&self) -> Option<&str> {
        self.body_excerpt.as_deref()
    }
}

impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code.as_deref().unwrap_or("unknown error"))?;
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        if let Some(id) = &self.extended_request_id {
            write!(f, ", extended request id {id}")?;
        }
        f.write_str(")")?;
        if let Some(region) = &self.bucket_region {
            write!(f, " (bucket region {region})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(excerpt) = &self.body_excerpt {
            write!(f, ": the body was not understood: {excerpt}")?;
        }
        Ok(())
    }
}
