//! Task 4 of the spec, `hex(HMAC-SHA256(kSigning, string to sign))`, and the
//! run of tasks 1, 2 and 4 that a client (signing) and a server (verifying)
//! share once each has chosen the headers and the key.

use ring::hmac;

use super::canonical_request::{self, CanonicalInput};
use super::encode::Hex32;
use super::string_to_sign;

/// The signature of a string to sign.
pub(crate) fn signature(key: &hmac::Key, string_to_sign: &str) -> Hex32 {
    Hex32::new(hmac::sign(key, string_to_sign.as_bytes()).as_ref())
}

/// The intermediate texts and the signature of one request.
pub(crate) struct Computed {
    pub(crate) canonical_request: String,
    pub(crate) string_to_sign: String,
    pub(crate) signature: Hex32,
}

/// Canonical request, then string to sign, then signature. One copy for
/// both sides, so a fix lands once and the two cannot drift apart; whether
/// the steps are right is what the vendored suite checks, not the verifier.
pub(crate) fn compute(
    input: &CanonicalInput<'_>,
    amz_date: &str,
    scope: &str,
    key: &hmac::Key,
) -> Computed {
    let canonical_request = canonical_request::build(input);
    let string_to_sign = string_to_sign::build(amz_date, scope, &canonical_request);
    let signature = signature(key, &string_to_sign);
    Computed {
        canonical_request,
        string_to_sign,
        signature,
    }
}
