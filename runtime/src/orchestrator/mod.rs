//! Drives one call of any [`Operation`]: token autofill, serialization,
//! endpoint, then per attempt signing, sending, classifying and backing off.
//!
//! ```text
//! struct ──autofill token (once)──serialize──► HttpRequest ──endpoint──┐
//!          ┌───────────────────────── per attempt ──────────────────────┤
//!          │ sign (current time) ──► send ──► classify ──► output | error
//!          └── backoff + retry quota ◄── retryable? ◄──────┘
//! ```
//!
//! Only the steps that know the operation's types are generic (this file
//! and [`response`]): the attempt loop ([`attempts`]) sees the operation
//! through [`Call`], a vtable, and is compiled once for every operation. A
//! generic loop cost ~35 KB of machine code per operation a program calls
//! (its async state machines, their timeouts and spans), all of it
//! compiled again in every crate that declares operations.

mod attempts;
mod response;

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::body::ByteStream;
use crate::call_options::CallOptions;
use crate::client::{Client, ClientInner, Offset};
use crate::error::{BuildError, Error};
use crate::http::{HttpRequest, HttpResponse, StreamingResponse};
use crate::operation::Operation;
use crate::retry::RetryKind;

pub(crate) use attempts::route_uri;
#[cfg(feature = "test-util")]
pub(crate) use response::dispatch_failed;
pub(crate) use response::on_response;

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

/// Makes the crate that calls this compile the `poll` of `send`'s future
/// (see the generated `__awsop_compile_send_here`): taking it as a
/// function pointer is enough; `send` is there only to name the future's
/// type, and `black_box` keeps the optimizer from dropping the pointer.
#[doc(hidden)]
pub fn compile_here<'a, O, F: Future>(_send: fn(O, &'a Client) -> F) {
    let poll: fn(Pin<&mut F>, &mut Context<'_>) -> Poll<F::Output> = F::poll;
    std::hint::black_box(poll);
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
    let request = span.in_scope(|| {
        operation.fill_idempotency_tokens(&*inner.tokens);
        operation.serialize().map_err(Error::construction)
    })?;
    let mut call = Typed::<O> {
        operation,
        result: None,
    };
    let looped = attempts::run(inner, &mut call, &meta, request, options, span).await;
    match looped.unwrap_or_else(|limit| Err(attempts::timed_out(limit))) {
        Ok(()) => call.result.unwrap_or_else(|| {
            // `run` returns `Ok` only once `settle` has stored a result.
            Err(Error::configuration(
                "the call ended without a result (an awsop bug)",
            ))
        }),
        Err(failure) => Err(failure.map_service_error(|never| match never {})),
    }
}

/// What one attempt came to.
pub(crate) enum Outcome<T, E> {
    Done(Result<T, Error<E>>),
    Retry {
        error: Error<E>,
        kind: RetryKind,
        retry_after: Option<std::time::Duration>,
    },
}

/// What the attempt loop does after an attempt the operation answered:
/// its result (output or error) is kept by the [`Call`].
pub(crate) enum Next {
    /// Return the kept result (`succeeded`: an output, not an error).
    Done { succeeded: bool },
    /// Retry, or return the kept error if no attempt is left.
    Retry {
        kind: RetryKind,
        retry_after: Option<std::time::Duration>,
    },
}

/// A call as the attempt loop sees it: the operation's own steps, and a
/// place for the result its types describe.
pub(crate) trait Call: Send {
    /// A fresh serialization of the (token-filled) input, for a retry.
    fn serialize(&self) -> Result<HttpRequest, BuildError>;
    /// [`Operation::host_prefix`].
    fn host_prefix(&self) -> Result<Option<String>, BuildError>;
    /// [`Operation::request_body`].
    fn request_body(&self) -> Option<ByteStream>;
    /// [`Operation::STREAMING_OUTPUT`].
    fn streaming_output(&self) -> bool;
    /// Parses a whole response (success or error) and keeps the result.
    fn on_response(
        &mut self,
        inner: &ClientInner,
        response: HttpResponse,
        span: &tracing::Span,
        skew: Offset,
    ) -> Next;
    /// Parses the head of a successful streaming response and keeps the
    /// output, its body handed over unread.
    fn on_streaming(&mut self, response: StreamingResponse, span: &tracing::Span) -> Next;
    /// One attempt answered by a mock instead of the network.
    #[cfg(feature = "test-util")]
    fn mock_attempt(
        &mut self,
        hook: &dyn crate::mock_hook::AttemptHook,
        request: &HttpRequest,
        inner: &ClientInner,
        span: &tracing::Span,
    ) -> Next;
}

/// Operation `O` with the result of its latest attempt.
struct Typed<O: Operation> {
    operation: O,
    result: Option<Result<O::Output, Error<O::Error>>>,
}

impl<O: Operation> Typed<O> {
    /// Keeps an attempt's result and tells the loop what to do next. A
    /// retried attempt's error is kept too: it is the call's error if no
    /// attempt is left.
    fn settle(&mut self, outcome: Outcome<O::Output, O::Error>) -> Next {
        match outcome {
            Outcome::Done(result) => {
                let succeeded = result.is_ok();
                self.result = Some(result);
                Next::Done { succeeded }
            }
            Outcome::Retry {
                error,
                kind,
                retry_after,
            } => {
                self.result = Some(Err(error));
                Next::Retry { kind, retry_after }
            }
        }
    }
}

impl<O: Operation> Call for Typed<O> {
    fn serialize(&self) -> Result<HttpRequest, BuildError> {
        self.operation.serialize()
    }

    fn host_prefix(&self) -> Result<Option<String>, BuildError> {
        self.operation.host_prefix()
    }

    fn request_body(&self) -> Option<ByteStream> {
        self.operation.request_body()
    }

    fn streaming_output(&self) -> bool {
        O::STREAMING_OUTPUT
    }

    fn on_response(
        &mut self,
        inner: &ClientInner,
        response: HttpResponse,
        span: &tracing::Span,
        skew: Offset,
    ) -> Next {
        let outcome = on_response::<O>(inner, response, span, skew);
        self.settle(outcome)
    }

    fn on_streaming(&mut self, response: StreamingResponse, span: &tracing::Span) -> Next {
        let head = response.head();
        span.record("status", head.status);
        if let Some(id) = crate::protocol::request_id::from_headers(&head) {
            span.record("request_id", id);
        }
        let result = match O::parse_output(&head) {
            Ok(mut output) => {
                O::attach_response_body(&mut output, response.body);
                Ok(output)
            }
            Err(e) => Err(Error::response(e, Some(response::success_metadata(&head)))),
        };
        self.settle(Outcome::Done(result))
    }

    #[cfg(feature = "test-util")]
    fn mock_attempt(
        &mut self,
        hook: &dyn crate::mock_hook::AttemptHook,
        request: &HttpRequest,
        inner: &ClientInner,
        span: &tracing::Span,
    ) -> Next {
        let outcome = crate::mock_hook::attempt(hook, &self.operation, request, inner, span);
        self.settle(outcome)
    }
}

/// The `tracing` target of the call's spans and events, whichever file
/// emits them: what subscribers filter on.
const TARGET: &str = "awsop_runtime::orchestrator";

/// The errors the attempt loop raises itself (configuration, credentials,
/// dispatch): none is a modeled service error, which only a [`Call`] makes.
pub(crate) type LoopError = Error<Infallible>;
