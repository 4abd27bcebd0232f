//! Presigned requests for any operation: the method, URL and headers that
//! let a plain HTTP client (curl, a browser) make the call, signed in the
//! query string (SigV4 query signing), valid from one second to seven days.
//!
//! S3 presigned URLs sign `UNSIGNED-PAYLOAD`, so the holder of a presigned
//! `PutObject` URL may send any body; other services' sign the serialized
//! body's hash, so the body must be the one serialized here.

use std::time::Duration;

use crate::client::Client;
use crate::error::{ConfigError, Error};
use crate::operation::Operation;
use crate::orchestrator::route_uri;
use crate::s3;
use crate::sigv4::{self, PayloadHashing, SignableRequest, SigningParams, SigningSettings};

/// A presigned request: send `method` to `uri` with `headers` (and, for an
/// operation with a body, that body) from any HTTP client.
///
/// ```
/// use awsop_runtime::presign::PresignedRequest;
/// fn curl(request: &PresignedRequest) -> String {
///     let mut line = format!("curl -X {} '{}'", request.method(), request.uri());
///     for (name, value) in request.headers() {
///         line.push_str(&format!(" -H '{name}: {value}'"));
///     }
///     line
/// }
/// ```
#[derive(Clone)]
pub struct PresignedRequest {
    method: http::Method,
    uri: String,
    headers: Vec<(String, String)>,
}

impl PresignedRequest {
    /// The HTTP method.
    pub fn method(&self) -> &http::Method {
        &self.method
    }

    /// The absolute URL, signature and credential scope in its query.
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// Headers that were signed and must be sent as they are (besides
    /// `host`, which any client sends).
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }
}

impl std::fmt::Debug for PresignedRequest {
    // The URL is a bearer credential for its lifetime: shown without its query.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let base = self.uri.split('?').next().unwrap_or_default();
        f.debug_struct("PresignedRequest")
            .field("method", &self.method)
            .field("uri", &format_args!("{base}?<signed query>"))
            .field("headers", &self.headers)
            .finish()
    }
}

/// Presigns `operation` with `client`'s region, endpoint and credentials,
/// valid for `expires_in` (1 s to 7 days; anything else is a
/// configuration error). What the generated `presign` calls.
pub async fn presign<O: Operation>(
    client: &Client,
    mut operation: O,
    expires_in: Duration,
) -> Result<PresignedRequest, Error<O::Error>> {
    let inner = &*client.inner;
    let meta = O::METADATA;
    if !inner.sign_requests {
        return Err(Error::configuration(
            "an unsigned client cannot presign: it has no credentials",
        ));
    }
    operation.fill_idempotency_tokens(&*inner.tokens);
    let request = operation.serialize().map_err(Error::construction)?;
    let (region, endpoint) = inner.region_and_endpoint(&meta)?;
    let is_s3 = s3::applies_to(meta.service);
    let host_prefix = operation.host_prefix().map_err(Error::construction)?;
    let uri = route_uri(
        &endpoint.endpoint,
        &request.uri,
        is_s3,
        inner,
        host_prefix.as_deref(),
    )?;
    let credentials = inner.credentials().await.map_err(Error::credentials)?;
    let settings = if is_s3 {
        SigningSettings {
            // The presigned URL's own: nothing is sent in a header.
            content_sha256_header: false,
            ..s3::signing_settings(&inner.signing, PayloadHashing::Unsigned)
        }
    } else {
        inner.signing.clone()
    };
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect();
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let skew = inner.clock_skew.current();
    let params = SigningParams {
        identity: credentials.signing_identity(),
        region: region.as_str(),
        service: meta.service,
        time: skew.apply(inner.time.now()),
        settings: &settings,
    };
    let signable = SignableRequest {
        method: request.method.as_str(),
        uri: &uri,
        headers: &pairs,
        body: &request.body,
    };
    let output = sigv4::presign_query(&signable, &params, expires_in).map_err(|e| {
        Error::configuration_error(ConfigError::caused_by(
            format!("could not presign the request: {e}"),
            e,
        ))
    })?;
    Ok(PresignedRequest {
        method: request.method,
        uri: output.presigned_uri(&uri),
        headers,
    })
}
