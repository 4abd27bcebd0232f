//! SigV4 verification of incoming requests, with AWS's error codes and
//! messages.
//!
// The signature itself is recomputed by the runtime's SigV4 (the one piece
// the emulator shares with the client, by design); everything around it --
// which key, which scope, which clock -- is checked here.

use std::time::{Duration, SystemTime};

use awsop_runtime::sigv4::verify::{parse_authorization, recompute};
use awsop_runtime::sigv4::{PayloadHashing, SignableRequest, SigningSettings};

use crate::date;
use crate::error::ServiceError;
use crate::server::request::Request;
use crate::state::Shared;

fn missing_token() -> ServiceError {
    ServiceError::new(
        403,
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
    )
}

fn incomplete(message: impl Into<String>) -> ServiceError {
    ServiceError::new(403, "IncompleteSignatureException", message)
}

fn invalid(message: impl Into<String>) -> ServiceError {
    ServiceError::new(403, "InvalidSignatureException", message)
}

fn unrecognized() -> ServiceError {
    ServiceError::new(
        403,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
    )
}

const MISMATCH: &str = "The request signature we calculated does not match the signature you \
     provided. Check your AWS Secret Access Key and signing method. Consult the service \
     documentation for details.";

/// Checks the request's `Authorization` header against the emulator's keys,
/// region, service and clock.
pub(crate) fn verify(shared: &Shared, request: &Request) -> Result<(), ServiceError> {
    let header = request.header("authorization").ok_or_else(missing_token)?;
    let auth = parse_authorization(header).map_err(|e| {
        incomplete(format!(
            "Authorization header is not a valid AWS4-HMAC-SHA256 authorization: {e}"
        ))
    })?;
    let amz_date = request.header("x-amz-date").ok_or_else(|| {
        incomplete(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        )
    })?;
    let signed_at = date::parse_amz_date(amz_date).ok_or_else(|| {
        incomplete(format!(
            "Date must be in ISO-8601 'basic format'. Got '{amz_date}'. \
             See http://en.wikipedia.org/wiki/ISO_8601"
        ))
    })?;
    let day = &amz_date[..8];
    if auth.date != day {
        return Err(invalid(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date \
             from HTTP: '{}' != '{day}', from '{amz_date}'.",
            auth.date
        )));
    }
    let service = &shared.model.signing_name;
    if &auth.service != service {
        return Err(invalid(format!(
            "Credential should be scoped to correct service: '{service}'. "
        )));
    }
    if auth.region != shared.config.region {
        return Err(invalid(format!(
            "Credential should be scoped to a valid region, not '{}'. ",
            auth.region
        )));
    }
    if !auth.signed_headers.iter().any(|h| h == "host") {
        return Err(invalid(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
        ));
    }
    check_clock(
        amz_date,
        signed_at,
        shared.now(),
        shared.config.max_clock_skew,
    )?;

    let credentials = shared
        .config
        .credentials
        .iter()
        .find(|c| c.access_key_id() == auth.access_key_id)
        .ok_or_else(unrecognized)?;
    if credentials.session_token() != request.header("x-amz-security-token") {
        return Err(unrecognized());
    }

    let settings = SigningSettings {
        payload: if request.header("x-amz-content-sha256") == Some("UNSIGNED-PAYLOAD") {
            PayloadHashing::Unsigned
        } else {
            // Hashing the body received (rather than trusting a sent
            // x-amz-content-sha256) also catches a body changed in transit.
            PayloadHashing::Signed
        },
        ..SigningSettings::default()
    };
    let headers: Vec<(&str, &str)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signable = SignableRequest {
        method: &request.method,
        uri: &request.target,
        headers: &headers,
        body: &request.body,
    };
    let expected = recompute(&signable, &auth, credentials.secret_access_key(), &settings)
        .map_err(|e| invalid(format!("{MISMATCH} ({e})")))?;
    if !constant_time_eq(expected.signature.as_bytes(), auth.signature.as_bytes()) {
        // As AWS does, show what was expected: it is how a client author
        // finds which part of the canonical request differs.
        return Err(invalid(format!(
            "{MISMATCH}\n\nThe Canonical String for this request should have been\n'{}'\n\n\
             The String-to-Sign should have been\n'{}'\n",
            expected.canonical_request, expected.string_to_sign
        )));
    }
    Ok(())
}

/// Rejects a request signed too far from the emulator's clock, in AWS's
/// words (clients parse them to correct their clock skew).
fn check_clock(
    amz_date: &str,
    signed_at: SystemTime,
    now: SystemTime,
    max_skew: Duration,
) -> Result<(), ServiceError> {
    let window = if max_skew.as_secs() % 60 == 0 {
        format!("{} min", max_skew.as_secs() / 60)
    } else {
        format!("{} sec", max_skew.as_secs())
    };
    let earliest = now.checked_sub(max_skew).unwrap_or(SystemTime::UNIX_EPOCH);
    if signed_at < earliest {
        return Err(invalid(format!(
            "Signature expired: {amz_date} is now earlier than {} ({} - {window}.)",
            date::amz_date(earliest),
            date::amz_date(now)
        )));
    }
    let latest = now.checked_add(max_skew).unwrap_or(now);
    if signed_at > latest {
        return Err(invalid(format!(
            "Signature not yet current: {amz_date} is still later than {} ({} + {window}.)",
            date::amz_date(latest),
            date::amz_date(now)
        )));
    }
    Ok(())
}

/// Compares without an early exit, so timing does not reveal how much of a
/// guessed signature was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn clock_window() {
        let now = UNIX_EPOCH + Duration::from_secs(1_440_938_160);
        let five = Duration::from_secs(300);
        assert!(check_clock("", now - five, now, five).is_ok());
        assert!(check_clock("", now + five, now, five).is_ok());
        let late = check_clock(
            "20150830T123000Z",
            now - five - Duration::from_secs(1),
            now,
            five,
        )
        .unwrap_err();
        assert_eq!(
            late.message,
            "Signature expired: 20150830T123000Z is now earlier than 20150830T123100Z (20150830T123600Z - 5 min.)"
        );
        let early = check_clock(
            "20150830T124200Z",
            now + five + Duration::from_secs(1),
            now,
            five,
        )
        .unwrap_err();
        assert_eq!(
            early.message,
            "Signature not yet current: 20150830T124200Z is still later than 20150830T124100Z (20150830T123600Z + 5 min.)"
        );
        let odd = check_clock(
            "x",
            now + Duration::from_secs(100),
            now,
            Duration::from_secs(90),
        );
        assert!(odd.unwrap_err().message.ends_with("+ 90 sec.)"));
    }

    #[test]
    fn compares_exactly() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
