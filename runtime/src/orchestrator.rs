//! Drives one call of any [`Operation`]: token autofill, serialization,
//! endpoint, then per attempt signing, sending, classifying and backing off.
//!
//! ```text
//! struct ──autofill token (once)──serialize──► HttpRequest ──endpoint──┐
//!          ┌───────────────────────── per attempt ──────────────────────┤
//!          │ sign (current time) ──► send ──► classify ──► output | error
//!          └── backoff + retry quota ◄── retryable? ◄──────┘
//! ```

use std::time::Duration;

use http::header::{HeaderName, HeaderValue};
use tracing::Instrument;

use crate::client::{Client, ClientInner, Offset};
use crate::credentials::Credentials;
use crate::error::{ConfigError, DispatchError, DispatchErrorKind, Error, ErrorMetadata};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::{ModeledError, Operation};
use crate::protocol::{request_id, Protocol};
use crate::redact;
use crate::retry::{self, RetryKind};
use crate::sigv4::{self, SigningParams};

static INVOCATION_ID: HeaderName = HeaderName::from_static("amz-sdk-invocation-id");
static SDK_REQUEST: HeaderName = HeaderName::from_static("amz-sdk-request");
static USER_AGENT_VALUE: &str = concat!("awsop/", env!("CARGO_PKG_VERSION"));

/// Sends `operation` through `client` and returns its parsed output or a
/// typed error. This is what the generated `send` calls.
///
/// The idempotency token is filled once, before the first attempt, so every
/// retry re-sends the same token and the service applies the call once.
pub async fn invoke<O: Operation>(
    client: &Client,
    mut operation: O,
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
        let call = attempts(inner, &operation, request, &operation_span);
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

/// `instrument`, skipped when the span is disabled (no subscriber wants
/// it): the wrapper would otherwise cost an enter and exit on every poll.
async fn in_span<F: std::future::Future>(future: F, span: &tracing::Span) -> F::Output {
    if span.is_disabled() {
        future.await
    } else {
        future.instrument(span.clone()).await
    }
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
    operation_span: &tracing::Span,
) -> Result<O::Output, Error<O::Error>> {
    let meta = O::METADATA;
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
    let invocation_id = header_value(&crate::token::invocation_id());
    let route = |mut request: HttpRequest| {
        request.uri = endpoint.join(&request.uri);
        request
            .headers
            .insert(INVOCATION_ID.clone(), invocation_id.clone());
        request.headers.insert(
            http::header::USER_AGENT,
            HeaderValue::from_static(USER_AGENT_VALUE),
        );
        request
    };
    // The first attempt sends the request as serialized; a retry serializes
    // the (token-filled, unchanged) input again, which costs less than
    // keeping a copy of every request in case it fails.
    let mut next = Some(route(first));

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
        let request = match next.take() {
            Some(request) => request,
            None => route(operation.serialize().map_err(Error::construction)?),
        };
        let outcome = in_span(
            one_attempt::<O>(
                inner,
                operation,
                request,
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

async fn one_attempt<O: Operation>(
    inner: &ClientInner,
    // Read only by a mocked client (feature `test-util`).
    #[cfg_attr(not(feature = "test-util"), allow(unused_variables))] operation: &O,
    mut request: HttpRequest,
    attempt: u32,
    max_attempts: u32,
    region: &str,
    span: &tracing::Span,
) -> Outcome<O::Output, O::Error> {
    request.headers.insert(
        SDK_REQUEST.clone(),
        header_value(&format!("attempt={attempt}; max={max_attempts}")),
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
            let response = inner.http.call(request).await.map_err(Failure::Dispatch)?;
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
            settings: &inner.signing,
        };
        sigv4::sign_request(&mut request, &params, &inner.signing_keys)
            .map_err(Failure::Signing)?;
        let response = inner.http.call(request).await.map_err(Failure::Dispatch)?;
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
        Ok((mut response, credentials)) => {
            if response.is_success() {
                return on_response::<O>(inner, response, span, skew);
            }
            // A service may echo what it was sent: cut the secrets out of
            // the raw response, then out of every string parsed from it.
            let secrets = echoed_secrets(inner, credentials.as_ref());
            let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
            redact::redact_response(&mut response, &refs);
            redact::while_parsing(&secrets, || on_response::<O>(inner, response, span, skew))
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
    let metadata = O::Protocol::error_metadata(&response);
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
    secrets.retain(|s| !s.is_empty());
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

fn header_value(text: &str) -> HeaderValue {
    // Only ever called with UUIDs and `attempt=N; max=M`: always valid.
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}
