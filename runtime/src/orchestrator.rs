//! Drives one call of any [`Operation`]: token autofill, serialization,
//! endpoint, then per attempt signing, sending, classifying and backing off.
//!
//! ```text
//! struct ──autofill token (once)──serialize──► HttpRequest ──endpoint──┐
//!          ┌───────────────────────── per attempt ──────────────────────┤
//!          │ sign (current time) ──► send ──► classify ──► output | error
//!          └── backoff + retry quota ◄── retryable? ◄──────┘
//! ```

use std::borrow::Cow;
use std::time::Duration;

use tracing::Instrument;

use crate::body::{self, ByteStream};
use crate::call_headers;
use crate::call_options::{CallOptions, PayloadSigning};
use crate::client::{Client, ClientInner, Offset};
use crate::credentials::Credentials;
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, DispatchError, DispatchErrorKind, Error, ErrorMetadata};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::{BodyChecksum, ModeledError, Operation};
use crate::protocol::{request_id, Protocol};
use crate::redact;
use crate::retry::{self, RetryKind};
use crate::s3;
use crate::sigv4::{self, PayloadHashing, SigningParams, SigningSettings};

/// Sends `operation` through `client` and returns its parsed output or a
/// typed error. This is what the generated `send` calls.
///
/// The idempotency token is filled once, before the first attempt, so every
/// retry re-sends the same token and the service applies the call once.
pub async fn invoke<O: Operation>(
    client: &Client,
    operation: O,
) -> Result<O::Output, Error<O::Error>> {
    invoke_with(client, operation, &CallOptions::default()).await
}

/// [`invoke`] with options for this call (what the generated `send_with`
/// calls).
pub async fn invoke_with<O: Operation>(
    client: &Client,
    mut operation: O,
    options: &CallOptions,
) -> Result<O::Output, Error<O::Error>> {
    let inner = &*client.inner;
    let meta = O::METADATA;
    let span = tracing::debug_span!(
        "operation",
        service = meta.service,
        operation = meta.name,
        attempts = tracing::field::Empty,
    );
    let operation_span = span.clone();
    let call = async move {
        operation.fill_idempotency_tokens(&*inner.tokens);
        let request = operation.serialize().map_err(Error::construction)?;
        let call = attempts(inner, &operation, request, options, &operation_span);
        match inner.operation_timeout {
            None => call.await,
            Some(limit) => match tokio::time::timeout(limit, call).await {
                Ok(result) => result,
                Err(_) => Err(Error::dispatch(DispatchError::new(
                    DispatchErrorKind::Timeout,
                    format!("the operation did not complete within its {limit:?} timeout"),
                ))),
            },
        }
    };
    in_span(call, &span).await
}

/// `future` run inside `span`. A plain wrapper, not an `async fn` choosing
/// between the future and its instrumented self: such a function holds
/// both, which doubled the size of every call's future (to 12 KB, copied
/// at each level of nesting). Entering a disabled span is one branch.
fn in_span<F: std::future::Future>(
    future: F,
    span: &tracing::Span,
) -> tracing::instrument::Instrumented<F> {
    future.instrument(span.clone())
}

/// What one attempt came to.
pub(crate) enum Outcome<T, E> {
    Done(Result<T, Error<E>>),
    Retry {
        error: Error<E>,
        kind: RetryKind,
        retry_after: Option<Duration>,
    },
}

async fn attempts<O: Operation>(
    inner: &ClientInner,
    operation: &O,
    first: HttpRequest,
    options: &CallOptions,
    operation_span: &tracing::Span,
) -> Result<O::Output, Error<O::Error>> {
    let meta = O::METADATA;
    let is_s3 = s3::applies_to(meta.service);
    let first_body = operation.request_body();
    let checksum_mode = options
        .request_checksum_choice()
        .unwrap_or(inner.request_checksum);
    let trailing_checksum = is_s3
        && s3::takes_trailing_checksum(
            meta.request_checksum,
            checksum_mode,
            &first,
            first_body.as_ref(),
        );
    let signing = if trailing_checksum {
        // The body's integrity is its trailing CRC32, which S3 checks; the
        // signature covers the headers that announce it.
        Cow::Owned(s3::signing_settings(
            &inner.signing,
            PayloadHashing::Precomputed(s3::STREAMING_UNSIGNED_PAYLOAD_TRAILER.to_string()),
        ))
    } else {
        signing_settings(inner, is_s3, options, first_body.as_ref())
            .await
            .map_err(Error::construction)?
    };
    let region = inner.region.as_ref().ok_or_else(|| {
        Error::configuration(
            "no region configured: set AWS_REGION, a profile `region`, or ClientBuilder::region",
        )
    })?;
    let endpoint = inner
        .endpoints
        .resolve(&meta, region)
        .map_err(|e| Error::configuration_error(ConfigError::from_error(e)))?;
    // Not the idempotency-token generator: tests fix that one, and the
    // invocation id must still differ between calls.
    let invocation_id = call_headers::invocation_id();
    let host_prefix = operation.host_prefix().map_err(Error::construction)?;
    let route = |mut request: HttpRequest| -> Result<HttpRequest, Error<O::Error>> {
        request.uri = route_uri(
            &endpoint.endpoint,
            &request.uri,
            is_s3,
            inner,
            host_prefix.as_deref(),
        )?;
        // The Host header the signature covers, sent as it was signed: the
        // HTTP client would otherwise format its own from the URL on every
        // request (and the signer derive it again).
        if let Some(host) = endpoint.host_for(&request.uri) {
            request.headers.entry(http::header::HOST).or_insert(host);
        }
        // A streamed body's checksum is its trailer; one in memory is hashed.
        if meta.request_checksum == BodyChecksum::Required && !trailing_checksum {
            s3::add_required_checksum(&mut request);
        }
        request
            .headers
            .insert(call_headers::INVOCATION_ID.clone(), invocation_id.clone());
        request
            .headers
            .insert(http::header::USER_AGENT, call_headers::USER_AGENT.clone());
        Ok(request)
    };
    // The first attempt sends the request as serialized; a retry serializes
    // the (token-filled, unchanged) input again, which costs less than
    // keeping a copy of every request in case it fails.
    let mut next = Some(route(first)?);
    let mut next_body = first_body;

    let max_attempts = inner.retry.max_attempts;
    let mut attempt = 1;
    let mut spent_quota = 0;
    loop {
        if let Some(limiter) = &inner.rate_limiter {
            limiter.acquire_with(&*inner.sleep).await;
        }
        let span = tracing::debug_span!(
            "attempt",
            attempt,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
            retry_reason = tracing::field::Empty,
        );
        let mut request = match next.take() {
            Some(request) => request,
            None => route(operation.serialize().map_err(Error::construction)?)?,
        };
        let mut body = next_body.take();
        if trailing_checksum {
            body = body.map(|body| s3::frame_with_trailing_checksum(&mut request, body));
        }
        let outcome = in_span(
            one_attempt::<O>(
                inner,
                operation,
                request,
                body,
                &signing,
                attempt,
                max_attempts,
                region.as_str(),
                &span,
            ),
            &span,
        )
        .await;
        operation_span.record("attempts", attempt);
        match outcome {
            Outcome::Done(result) => {
                if result.is_ok() {
                    if attempt == 1 {
                        inner.quota.on_success();
                    } else {
                        inner.quota.release(spent_quota);
                    }
                }
                if let Some(limiter) = &inner.rate_limiter {
                    limiter.on_response(false);
                }
                return result;
            }
            Outcome::Retry {
                error,
                kind,
                retry_after,
            } => {
                span.record("retry_reason", tracing::field::debug(kind));
                if let Some(limiter) = &inner.rate_limiter {
                    limiter.on_response(kind == RetryKind::Throttling);
                }
                if attempt >= max_attempts {
                    return Err(error);
                }
                // A fresh read of the body for the next attempt: bytes and
                // files from the start. A reader is shared and read by one
                // attempt only: once read, it cannot be sent again.
                next_body = operation.request_body();
                if next_body.as_ref().is_some_and(|body| !body.can_replay()) {
                    tracing::debug!("the request body cannot be replayed; not retrying");
                    return Err(error);
                }
                // Clock-skew retries are free: the fault was ours and is fixed.
                if kind != RetryKind::ClockSkew {
                    match inner.quota.acquire(kind) {
                        Some(cost) => spent_quota = cost,
                        None => {
                            tracing::debug!("retry quota exhausted; not retrying");
                            return Err(error);
                        }
                    }
                }
                let delay = match kind {
                    RetryKind::ClockSkew => Duration::ZERO,
                    _ => retry_after.unwrap_or_else(|| {
                        retry::backoff(
                            attempt,
                            &inner.retry,
                            kind == RetryKind::Throttling,
                            &*inner.jitter,
                        )
                    }),
                };
                tracing::debug!(?kind, ?delay, "retrying");
                inner.sleep.sleep(delay).await;
                attempt += 1;
            }
        }
    }
}

// Each argument is one attempt's own or borrowed from the call: bundling
// them would only move the list into a struct built for one call site.
#[allow(clippy::too_many_arguments)]
async fn one_attempt<O: Operation>(
    inner: &ClientInner,
    // Read only by a mocked client (feature `test-util`).
    #[cfg_attr(not(feature = "test-util"), allow(unused_variables))] operation: &O,
    mut request: HttpRequest,
    body: Option<ByteStream>,
    signing: &SigningSettings,
    attempt: u32,
    max_attempts: u32,
    region: &str,
    span: &tracing::Span,
) -> Outcome<O::Output, O::Error> {
    let is_s3 = s3::applies_to(O::METADATA.service);
    request.headers.insert(
        call_headers::SDK_REQUEST.clone(),
        call_headers::attempt(attempt, max_attempts),
    );
    #[cfg(feature = "test-util")]
    if let Some(mock) = &inner.mock {
        // A mocked client answers each attempt itself (nothing is signed or
        // sent), so the retry loop around it runs as it would for real.
        return crate::mock_hook::attempt(&**mock, operation, &request, inner, span);
    }
    let skew = inner.clock_skew.current();
    // Credentials are part of the attempt, under its timeout: a hung
    // credential_process must not hold the call forever.
    let exchange = async {
        // An `unsigned` client (anonymous calls that carry their own token)
        // sends without credentials or signature.
        if !inner.sign_requests {
            let response = send::<O>(inner, request, body).await?;
            return Ok((response, None));
        }
        let credentials = inner
            .credentials
            .provide_credentials()
            .await
            .map_err(Failure::Credentials)?;
        let params = SigningParams {
            identity: credentials.signing_identity(),
            region,
            service: O::METADATA.service,
            time: skew.apply(inner.time.now()),
            settings: signing,
        };
        sigv4::sign_request(&mut request, &params, &inner.signing_keys)
            .map_err(Failure::Signing)?;
        let response = send::<O>(inner, request, body).await?;
        Ok((response, Some(credentials)))
    };
    let received = match inner.attempt_timeout {
        None => exchange.await,
        Some(limit) => tokio::time::timeout(limit, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(Failure::Dispatch(DispatchError::new(
                    DispatchErrorKind::Timeout,
                    format!("the attempt did not complete within its {limit:?} timeout"),
                )))
            }),
    };
    match received {
        Ok((Received::Streaming(response), _)) => {
            // The output's members other than the body are headers: parse
            // them from the head, and hand over the body unread.
            let head = response.head();
            span.record("status", head.status);
            if let Some(id) = request_id::from_headers(&head) {
                span.record("request_id", id);
            }
            match O::parse_output(&head) {
                Ok(mut output) => {
                    O::attach_response_body(&mut output, response.body);
                    Outcome::Done(Ok(output))
                }
                Err(e) => Outcome::Done(Err(Error::response(e, Some(success_metadata(&head))))),
            }
        }
        Ok((Received::Whole(mut response), credentials)) => {
            if is_s3 {
                s3::promote_200_error(&mut response, O::METADATA.name);
            }
            if response.is_success() {
                return on_response::<O>(inner, response, span, skew);
            }
            // A service may echo what it was sent: cut the secrets out of
            // the raw response, then out of every string parsed from it.
            let secrets = echoed_secrets(inner, credentials.as_ref());
            let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
            redact::redact_response(&mut response, &refs);
            redact::while_parsing(secrets, || on_response::<O>(inner, response, span, skew))
        }
        Err(Failure::Credentials(e)) => Outcome::Done(Err(Error::credentials(e))),
        Err(Failure::Signing(e)) => Outcome::Done(Err(Error::configuration_error(
            ConfigError::caused_by(format!("could not sign the request: {e}"), e),
        ))),
        Err(Failure::Dispatch(error)) => dispatch_failed(error),
    }
}

/// An attempt that got no response: retried if the failure is transient.
pub(crate) fn dispatch_failed<T, E>(error: DispatchError) -> Outcome<T, E> {
    tracing::debug!(error = %error, "dispatch failed");
    match retry::classify(None, None, Some(&error), false, false) {
        Some(kind) => Outcome::Retry {
            error: Error::dispatch(error),
            kind,
            retry_after: None,
        },
        None => Outcome::Done(Err(Error::dispatch(error))),
    }
}

/// What an attempt received: a whole response, or the head of a
/// successful one whose body the output streams.
enum Received {
    Whole(HttpResponse),
    Streaming(crate::http::StreamingResponse),
}

/// Sends one signed request: through `call` when nothing streams, else
/// through `call_streaming`, reading the body whole unless it is the
/// output's streaming member.
async fn send<O: Operation>(
    inner: &ClientInner,
    request: HttpRequest,
    body: Option<ByteStream>,
) -> Result<Received, Failure> {
    if body.is_none() && !O::STREAMING_OUTPUT {
        return inner
            .http
            .call(request)
            .await
            .map(Received::Whole)
            .map_err(Failure::Dispatch);
    }
    let response = inner
        .http
        .call_streaming(request, body)
        .await
        .map_err(Failure::Dispatch)?;
    if O::STREAMING_OUTPUT && response.is_success() {
        return Ok(Received::Streaming(response));
    }
    response
        .into_buffered()
        .await
        .map(Received::Whole)
        .map_err(Failure::Dispatch)
}

/// The absolute URL of a request: S3's addressing for S3, else the
/// endpoint followed by the path.
pub(crate) fn route_uri<E>(
    endpoint: &Endpoint,
    path_and_query: &str,
    is_s3: bool,
    inner: &ClientInner,
    host_prefix: Option<&str>,
) -> Result<String, Error<E>> {
    let url = if is_s3 {
        s3::route(endpoint, path_and_query, inner.s3_addressing)
            .map_err(|e| Error::configuration_error(ConfigError::from_error(e)))?
    } else {
        endpoint.join(path_and_query)
    };
    Ok(match host_prefix {
        Some(prefix) => crate::endpoint::host_prefix::apply(&url, prefix),
        None => url,
    })
}

/// The signing settings of a call: the client's, with S3's rules for S3,
/// and the payload hashed as the call, the client and the body allow.
async fn signing_settings<'a>(
    inner: &'a ClientInner,
    is_s3: bool,
    options: &CallOptions,
    body: Option<&ByteStream>,
) -> Result<Cow<'a, SigningSettings>, crate::error::BuildError> {
    let choice = options
        .payload_signing_choice()
        .unwrap_or(inner.payload_signing);
    let payload = match (choice, body) {
        (PayloadSigning::Unsigned, _) => PayloadHashing::Unsigned,
        (PayloadSigning::Signed, None) => PayloadHashing::Signed,
        (PayloadSigning::Signed, Some(body)) => match body::payload_sha256(body).await {
            Ok(Some(hash)) => PayloadHashing::Precomputed(hash),
            // Read once: it cannot be hashed before it is sent.
            Ok(None) => PayloadHashing::Unsigned,
            Err(e) => {
                return Err(crate::error::BuildError::other(format!(
                    "could not read the request body to sign it: {e}"
                )))
            }
        },
    };
    if is_s3 {
        return Ok(Cow::Owned(s3::signing_settings(&inner.signing, payload)));
    }
    if payload == PayloadHashing::Signed {
        return Ok(Cow::Borrowed(&inner.signing));
    }
    // A service that takes an unsigned or precomputed payload hash reads
    // it from `x-amz-content-sha256`.
    Ok(Cow::Owned(SigningSettings {
        payload,
        content_sha256_header: true,
        ..inner.signing.clone()
    }))
}

/// Why an attempt got no response.
enum Failure {
    Credentials(crate::credentials::CredentialsError),
    Signing(sigv4::SigningError),
    Dispatch(DispatchError),
}

// The spans are passed in rather than taken from `Span::current()`: a
// subscriber that does not track the current span would otherwise lose them.
pub(crate) fn on_response<O: Operation>(
    inner: &ClientInner,
    response: HttpResponse,
    span: &tracing::Span,
    skew: Offset,
) -> Outcome<O::Output, O::Error> {
    span.record("status", response.status);
    if let Some(id) = request_id::from_headers(&response) {
        span.record("request_id", id);
    }
    if response.is_success() {
        return Outcome::Done(
            O::parse_output(&response)
                .map_err(|e| Error::response(e, Some(success_metadata(&response)))),
        );
    }
    let mut metadata = O::Protocol::error_metadata(&response);
    if s3::applies_to(O::METADATA.service) {
        metadata = s3::enrich_metadata(metadata, &response);
    }
    let modeled = match O::Error::from_response::<O::Protocol>(&response, &metadata) {
        Ok(modeled) => modeled,
        Err(e) => return Outcome::Done(Err(Error::response(e, Some(metadata)))),
    };
    let kind = retry::classify(
        Some(response.status),
        metadata.code(),
        None,
        modeled.is_retryable(),
        modeled.is_throttling(),
    );
    tracing::debug!(
        status = response.status,
        code = metadata.code(),
        "service error"
    );
    let retry_after =
        retry::retry_after(&response.headers, inner.time.now(), inner.retry.max_backoff);
    let error = Error::service(modeled, metadata);
    match kind {
        Some(RetryKind::ClockSkew) => {
            let learned = response
                .header("date")
                .and_then(crate::time::parse_http_date)
                .is_some_and(|server| inner.clock_skew.learn(server, inner.time.now(), skew));
            if learned {
                Outcome::Retry {
                    error,
                    kind: RetryKind::ClockSkew,
                    retry_after: None,
                }
            } else {
                Outcome::Done(Err(error))
            }
        }
        Some(kind) => Outcome::Retry {
            error,
            kind,
            retry_after,
        },
        None => Outcome::Done(Err(error)),
    }
}

/// The secrets a call's error response may echo: the signing credentials'
/// secret key and session token, and the client's other secrets.
fn echoed_secrets(inner: &ClientInner, credentials: Option<&Credentials>) -> Vec<String> {
    let mut secrets: Vec<String> = inner
        .secrets
        .as_ref()
        .map(|s| s.current())
        .unwrap_or_default();
    if let Some(credentials) = credentials {
        secrets.push(credentials.secret_access_key().to_owned());
        secrets.extend(credentials.session_token().map(str::to_owned));
    }
    secrets
}

/// Metadata for a 2xx response whose body could not be parsed.
fn success_metadata(response: &HttpResponse) -> ErrorMetadata {
    ErrorMetadata::new(
        None,
        None,
        response.status,
        request_id::from_headers(response).map(str::to_owned),
    )
}
