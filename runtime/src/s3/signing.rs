//! How S3 requests are signed: the path as sent (S3 keys may hold `//`,
//! `.` and `..` segments, and are encoded once), and the payload's hash
//! always in `x-amz-content-sha256`, which S3 requires and signs.

use crate::sigv4::{PayloadHashing, SigningSettings};

/// The client's settings with S3's rules, hashing the payload as `payload`.
///
/// ```text
/// GET /my bucket/a//b/../c  →  canonical URI /my%20bucket/a//b/../c (not normalized, not re-encoded)
/// ```
pub(crate) fn settings(base: &SigningSettings, payload: PayloadHashing) -> SigningSettings {
    SigningSettings {
        payload,
        content_sha256_header: true,
        normalize_path: false,
        double_encode_path: false,
        ..base.clone()
    }
}
