//! Per-call options: what one call of an operation does differently from
//! the client's defaults.

/// Whether the request body's SHA-256 is part of the signature.
///
/// ```
/// use awsop_runtime::call_options::PayloadSigning;
/// assert_eq!(PayloadSigning::default(), PayloadSigning::Signed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PayloadSigning {
    /// The body's hash is signed (and, for S3, sent as
    /// `x-amz-content-sha256`). A file body is read once to hash it and
    /// once to send it. A body that can be read only once (a reader)
    /// cannot be hashed in advance and is sent `UNSIGNED-PAYLOAD`.
    #[default]
    Signed,
    /// The literal `UNSIGNED-PAYLOAD` is signed instead (S3 over HTTPS
    /// accepts it; TLS protects the body): the body is read once.
    Unsigned,
}

/// When a request carries a checksum of its body that the service checks,
/// beyond the ones the service requires (S3's `DeleteObjects`).
///
/// With [`RequestChecksum::WhenSupported`] (the default, as in the AWS
/// SDKs) a streamed S3 upload (`PutObject` or `UploadPart` from a file or
/// a reader) is sent aws-chunked with a CRC32 computed as it is sent and
/// checked by S3 (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`): the body is read
/// once and its integrity is checked end to end. A body in memory keeps
/// its signed SHA-256, and a checksum header or `Content-MD5` of the
/// caller's always wins.
///
/// ```
/// use awsop_runtime::call_options::{CallOptions, RequestChecksum};
/// assert_eq!(RequestChecksum::default(), RequestChecksum::WhenSupported);
/// let options = CallOptions::new().request_checksum(RequestChecksum::WhenRequired);
/// assert_eq!(options.request_checksum_choice(), Some(RequestChecksum::WhenRequired));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RequestChecksum {
    /// Wherever the operation takes one.
    #[default]
    WhenSupported,
    /// Only where the service requires one: a streamed upload is then
    /// sent as [`PayloadSigning`] says (a file hashed before it is sent, a
    /// reader `UNSIGNED-PAYLOAD`).
    WhenRequired,
}

impl RequestChecksum {
    /// The shared setting the AWS SDKs read for it:
    /// `AWS_REQUEST_CHECKSUM_CALCULATION`, else the profile's
    /// `request_checksum_calculation`: `when_supported` or `when_required`,
    /// in any case. `None` when neither is set; anything else is an error
    /// naming the setting, its source and its value.
    ///
    /// ```
    /// use awsop_runtime::{call_options::RequestChecksum, env::Env};
    /// let env = Env::from_pairs([("AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED")]);
    /// assert_eq!(RequestChecksum::from_env(&env, None).unwrap(), Some(RequestChecksum::WhenRequired));
    /// let env = Env::from_pairs([("AWS_REQUEST_CHECKSUM_CALCULATION", "never")]);
    /// assert!(RequestChecksum::from_env(&env, None).is_err());
    /// ```
    pub fn from_env(
        env: &crate::env::Env,
        profile: Option<&crate::profile::ProfileSet>,
    ) -> Result<Option<RequestChecksum>, crate::error::ConfigError> {
        let profile = profile.map(|p| p as &dyn crate::settings::ProfileLookup);
        let Some(setting) = crate::settings::env_then_profile(
            env,
            profile,
            "AWS_REQUEST_CHECKSUM_CALCULATION",
            "request_checksum_calculation",
        ) else {
            return Ok(None);
        };
        match setting.value.to_ascii_lowercase().as_str() {
            "when_supported" => Ok(Some(RequestChecksum::WhenSupported)),
            "when_required" => Ok(Some(RequestChecksum::WhenRequired)),
            _ => Err(crate::error::ConfigError::new(
                crate::settings::invalid(
                    "request_checksum_calculation",
                    &setting.value,
                    &setting.origin,
                    "when_supported or when_required",
                ),
                None,
            )),
        }
    }
}

/// Options for one call, given to an operation's `send_with`.
///
/// ```
/// use awsop_runtime::call_options::{CallOptions, PayloadSigning};
/// let options = CallOptions::new().payload_signing(PayloadSigning::Unsigned);
/// assert_eq!(options.payload_signing_choice(), Some(PayloadSigning::Unsigned));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallOptions {
    payload_signing: Option<PayloadSigning>,
    request_checksum: Option<RequestChecksum>,
}

impl CallOptions {
    /// Options that change nothing.
    pub fn new() -> Self {
        CallOptions::default()
    }

    /// Signs this call's payload so (overriding
    /// `ClientBuilder::payload_signing`).
    pub fn payload_signing(mut self, signing: PayloadSigning) -> Self {
        self.payload_signing = Some(signing);
        self
    }

    /// The payload signing this call asks for, if any.
    pub fn payload_signing_choice(&self) -> Option<PayloadSigning> {
        self.payload_signing
    }

    /// When this call's body carries a checksum (overriding
    /// `ClientBuilder::request_checksum`).
    pub fn request_checksum(mut self, checksum: RequestChecksum) -> Self {
        self.request_checksum = Some(checksum);
        self
    }

    /// The request checksum this call asks for, if any.
    pub fn request_checksum_choice(&self) -> Option<RequestChecksum> {
        self.request_checksum
    }
}
