//! What the facade's credentials providers share: the clients they call
//! services through, turning a service error into a credentials error
//! without its secrets, and generated session names.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use awsop_runtime::credentials::{CredentialsError, SourceContext};
use awsop_runtime::redact::{Secrets, REDACTED};
use awsop_runtime::text::Escaped;
use awsop_runtime::transport::{HttpClient, HyperClient, TransportSettings};
use awsop_runtime::{Client, ErrorKind};

/// A transport for one provider's calls. Not one for the whole process: a
/// connection pool is tied to the tokio runtime its connections were made
/// on, and a program (or a test suite) may run several.
#[cfg_attr(not(any(feature = "sts", feature = "sso")), allow(dead_code))]
pub(crate) fn new_transport() -> Result<Arc<dyn HttpClient>, CredentialsError> {
    HyperClient::new(TransportSettings::default())
        .map(|client| Arc::new(client) as Arc<dyn HttpClient>)
        .map_err(|e| {
            CredentialsError::provider_error(format!(
                "could not build the HTTP client for credentials calls: {e}"
            ))
        })
}

/// A client for a credentials call: the context's configuration (retry
/// policy, endpoint overrides), `region`, a transport of its own wrapped to
/// cut `secrets` out of error responses, and `unsigned` for calls that
/// carry their own token.
#[cfg_attr(not(feature = "sso"), allow(dead_code))]
pub(crate) fn service_client(
    cx: &SourceContext,
    region: &str,
    secrets: &Arc<Secrets>,
    unsigned: bool,
    what: &str,
) -> Result<Client, CredentialsError> {
    let config =
        |e: &dyn std::fmt::Display| CredentialsError::invalid_configuration(format!("{what}: {e}"));
    let transport = new_transport()?;
    let mut builder = cx
        .client_builder()
        .map_err(|e| config(&e))?
        .region(region)
        .shared_http_client(transport)
        .redact_secrets(Arc::clone(secrets));
    if unsigned {
        builder = builder.unsigned();
    }
    builder.build().map_err(|e| config(&e))
}

/// A credentials error for a failed service call: its kind from the call's
/// (a timeout stays a timeout), its text the code, status, message and
/// request id, with every one of `secrets` cut out and control characters
/// escaped. The service error itself is not kept as the source: its
/// fields are what was just cleaned.
#[cfg_attr(not(any(feature = "sts", feature = "sso")), allow(dead_code))]
pub(crate) fn call_failed<E>(
    what: &str,
    err: &awsop_runtime::Error<E>,
    secrets: &[&str],
) -> CredentialsError {
    let clean = |text: &str| {
        let mut text = text.to_owned();
        for secret in secrets.iter().filter(|s| !s.is_empty()) {
            text = text.replace(secret, REDACTED);
        }
        Escaped(&text).to_string()
    };
    let detail = match err.kind() {
        ErrorKind::Service => {
            let mut detail = format!(
                "{} (HTTP {})",
                clean(err.code().unwrap_or("an unknown error")),
                err.status().unwrap_or_default()
            );
            if let Some(message) = err.message().filter(|m| !m.is_empty()) {
                detail.push_str(&format!(": {}", clean(message)));
            }
            if let Some(id) = err.request_id() {
                detail.push_str(&format!(" (request id {})", clean(id)));
            }
            detail
        }
        // A success that did not parse may hold credentials: never quoted.
        ErrorKind::Response => format!(
            "the answer could not be read (HTTP {})",
            err.status().unwrap_or_default()
        ),
        // The runtime's own errors: no service text in them.
        _ => clean(&err.to_string()),
    };
    let message = format!("{what}: {detail}");
    match err.kind() {
        ErrorKind::Timeout => CredentialsError::timeout(message),
        ErrorKind::Configuration => CredentialsError::invalid_configuration(message),
        _ => CredentialsError::provider_error(message),
    }
}

/// `awsop-<milliseconds since the epoch>`: unique enough per process and
/// moment, within STS's 2–64 characters of `[\w+=,.@-]`, and telling
/// CloudTrail readers which client assumed the role.
#[cfg_attr(not(feature = "sts"), allow(dead_code))]
pub(crate) fn generated_session_name(now: SystemTime) -> String {
    let millis = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis();
    format!("awsop-{millis}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_names_are_valid() {
        let name =
            generated_session_name(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        assert_eq!(name, "awsop-1700000000000");
        awsop_runtime::credentials::check_session_name(&name).unwrap();
    }
}
