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
}
