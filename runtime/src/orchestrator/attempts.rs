//! The attempt loop of every call, compiled once: routing, signing,
//! sending, retrying. It sees the operation through [`Call`].

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use tracing::Instrument;

use crate::body::{self, ByteStream};
use crate::call_headers;
use crate::call_options::{CallOptions, PayloadSigning};
use crate::client::ClientInner;
use crate::credentials::Credentials;
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, DispatchError, DispatchErrorKind, Error};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::{BodyChecksum, OperationMetadata};
use crate::redact;
use crate::retry::{self, RetryKind};
use crate::s3;
use crate::sigv4::{self, PayloadHashing, SigningParams, SigningSettings};
use crate::time::within;

use super::response::classify_dispatch;
use super::{Call, LoopError, Next, TARGET};

/// Every attempt of `call` (whose first request is `first`), inside
/// `span`, within the operation's timeout: `Err(limit)` if it ran out
/// ([`timed_out`]). `Ok(Ok(()))` means `call` holds the result;
/// `Ok(Err(_))` is a failure no response explains.
///
/// Boxed, so that the loop's machine code exists once, here. The body of
/// an `async fn` is compiled in every crate that polls it: unboxed, each
/// crate that sends a call (the facade, a crate of generated operations,
/// the program) would carry its own copy of the loop, ~60 KB.
pub(super) fn run<'a>(
    inner: &'a ClientInner,
    call: &'a mut dyn Call,
    meta: &'a OperationMetadata,
    first: HttpRequest,
    options: &'a CallOptions,
    span: tracing::Span,
) -> Looped<'a> {
    let looped = attempts(inner, call, meta, first, options, span.clone());
    Box::pin(within(inner.operation_timeout, looped).instrument(span))
}

/// The future of [`run`].
pub(super) type Looped<'a> =
    Pin<Box<dyn Future<Output = Result<Result<(), LoopError>, Duration>> + Send + 'a>>;

/// The error of a call that ran out of its operation timeout, `limit`.
pub(super) fn timed_out(limit: Duration) -> LoopError {
    Error::dispatch(DispatchError::new(
        DispatchErrorKind::Timeout,
        format!("the operation did not complete within its {limit:?} timeout"),
    ))
}

/// What one attempt came to, as the loop sees it.
enum Attempted {
    /// `call` answered: it holds the result.
    Answered(Next),
    /// No response: the loop's own error, retried if transient.
    Failed {
        error: LoopError,
        kind: Option<RetryKind>,
    },
}

async fn attempts(
    inner: &ClientInner,
    call: &mut dyn Call,
    meta: &OperationMetadata,
    first: HttpRequest,
    options: &CallOptions,
    operation_span: tracing::Span,
) -> Result<(), LoopError> {
    let is_s3 = s3::applies_to(meta.service);
    let first_body = call.request_body();
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
    let (region, endpoint) = inner.region_and_endpoint(meta)?;
    // Not the idempotency-token generator: tests fix that one, and the
    // invocation id must still differ between calls.
    let invocation_id = call_headers::InvocationId::new();
    let host_prefix = call.host_prefix().map_err(Error::construction)?;
    let route = |mut request: HttpRequest| -> Result<HttpRequest, LoopError> {
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
            .insert(call_headers::INVOCATION_ID.clone(), invocation_id.value());
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
            target: TARGET,
            "attempt",
            attempt,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
            retry_reason = tracing::field::Empty,
        );
        let mut request = match next.take() {
            Some(request) => request,
            None => route(call.serialize().map_err(Error::construction)?)?,
        };
        let mut body = next_body.take();
        if trailing_checksum {
            body = body.map(|body| s3::frame_with_trailing_checksum(&mut request, body));
        }
        let attempted = one_attempt(
            inner,
            &mut *call,
            meta,
            request,
            body,
            &signing,
            attempt,
            max_attempts,
            region.as_str(),
            &span,
        )
        .instrument(span.clone())
        .await;
        operation_span.record("attempts", attempt);
        // What the call comes to if this attempt is not retried: the
        // result `call` keeps, or the loop's own error.
        let (kind, retry_after, give_up) = match attempted {
            Attempted::Answered(Next::Done { succeeded }) => {
                if succeeded {
                    if attempt == 1 {
                        inner.quota.on_success();
                    } else {
                        inner.quota.release(spent_quota);
                    }
                }
                if let Some(limiter) = &inner.rate_limiter {
                    limiter.on_response(false);
                }
                return Ok(());
            }
            Attempted::Failed { error, kind: None } => {
                if let Some(limiter) = &inner.rate_limiter {
                    limiter.on_response(false);
                }
                return Err(error);
            }
            Attempted::Answered(Next::Retry { kind, retry_after }) => (kind, retry_after, Ok(())),
            Attempted::Failed {
                error,
                kind: Some(kind),
            } => (kind, None, Err(error)),
        };
        span.record("retry_reason", tracing::field::debug(kind));
        if let Some(limiter) = &inner.rate_limiter {
            limiter.on_response(kind == RetryKind::Throttling);
        }
        if attempt >= max_attempts {
            return give_up;
        }
        // A fresh read of the body for the next attempt: bytes and
        // files from the start. A reader is shared and read by one
        // attempt only: once read, it cannot be sent again.
        next_body = call.request_body();
        if next_body.as_ref().is_some_and(|body| !body.can_replay()) {
            tracing::debug!(target: TARGET, "the request body cannot be replayed; not retrying");
            return give_up;
        }
        // Clock-skew retries are free: the fault was ours and is fixed.
        if kind != RetryKind::ClockSkew {
            match inner.quota.acquire(kind) {
                Some(cost) => spent_quota = cost,
                None => {
                    tracing::debug!(target: TARGET, "retry quota exhausted; not retrying");
                    return give_up;
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
        tracing::debug!(target: TARGET, ?kind, ?delay, "retrying");
        inner.sleep.sleep(delay).await;
        attempt += 1;
    }
}

// Each argument is one attempt's own or borrowed from the call: bundling
// them would only move the list into a struct built for one call site.
#[allow(clippy::too_many_arguments)]
async fn one_attempt(
    inner: &ClientInner,
    call: &mut dyn Call,
    meta: &OperationMetadata,
    mut request: HttpRequest,
    body: Option<ByteStream>,
    signing: &SigningSettings,
    attempt: u32,
    max_attempts: u32,
    region: &str,
    span: &tracing::Span,
) -> Attempted {
    let is_s3 = s3::applies_to(meta.service);
    request.headers.insert(
        call_headers::SDK_REQUEST.clone(),
        call_headers::attempt(attempt, max_attempts),
    );
    #[cfg(feature = "test-util")]
    if let Some(mock) = &inner.mock {
        // A mocked client answers each attempt itself (nothing is signed or
        // sent), so the retry loop around it runs as it would for real.
        return Attempted::Answered(call.mock_attempt(&**mock, &request, inner, span));
    }
    let skew = inner.clock_skew.current();
    let streaming_output = call.streaming_output();
    // Credentials are part of the attempt, under its timeout: a hung
    // credential_process must not hold the call forever.
    let exchange = async {
        // An `unsigned` client (anonymous calls that carry their own token)
        // sends without credentials or signature.
        if !inner.sign_requests {
            let response = send(inner, request, body, streaming_output).await?;
            return Ok((response, None));
        }
        let credentials = inner.credentials().await.map_err(Failure::Credentials)?;
        let params = SigningParams {
            identity: credentials.signing_identity(),
            region,
            service: meta.service,
            time: skew.apply(inner.time.now()),
            settings: signing,
        };
        sigv4::sign_request(&mut request, &params, &inner.signing_keys)
            .map_err(Failure::Signing)?;
        let response = send(inner, request, body, streaming_output).await?;
        Ok((response, Some(credentials)))
    };
    let received = within(inner.attempt_timeout, exchange)
        .await
        .unwrap_or_else(|limit| {
            Err(Failure::Dispatch(DispatchError::new(
                DispatchErrorKind::Timeout,
                format!("the attempt did not complete within its {limit:?} timeout"),
            )))
        });
    let failed = |error: LoopError| Attempted::Failed { error, kind: None };
    match received {
        // The output's members other than the body are headers: parsed
        // from the head, the body handed over unread.
        Ok((Received::Streaming(response), _)) => {
            Attempted::Answered(call.on_streaming(response, span))
        }
        Ok((Received::Whole(mut response), credentials)) => {
            if is_s3 {
                s3::promote_200_error(&mut response, meta.name);
            }
            if response.is_success() {
                return Attempted::Answered(call.on_response(inner, response, span, skew));
            }
            // A service may echo what it was sent: cut the secrets out of
            // the raw response, then out of every string parsed from it.
            let secrets = echoed_secrets(inner, credentials.as_ref());
            let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
            redact::redact_response(&mut response, &refs);
            Attempted::Answered(redact::while_parsing(secrets, || {
                call.on_response(inner, response, span, skew)
            }))
        }
        Err(Failure::Credentials(e)) => failed(Error::credentials(e)),
        Err(Failure::Signing(e)) => failed(Error::configuration_error(ConfigError::caused_by(
            format!("could not sign the request: {e}"),
            e,
        ))),
        Err(Failure::Dispatch(error)) => Attempted::Failed {
            kind: classify_dispatch(&error),
            error: Error::dispatch(error),
        },
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
async fn send(
    inner: &ClientInner,
    request: HttpRequest,
    body: Option<ByteStream>,
    streaming_output: bool,
) -> Result<Received, Failure> {
    if body.is_none() && !streaming_output {
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
    if streaming_output && response.is_success() {
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
