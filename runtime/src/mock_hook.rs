//! The seam `awsop::mock` answers a client's attempts through (feature
//! `test-util`). Not a stable API: the mock itself lives in the facade,
//! next to the services its examples use; the runtime only knows that an
//! attempt may be answered without signing or sending.
//!
//! The hook sits at the attempt, not the call: each attempt consumes one
//! answer, so the orchestrator's real retry loop (classification, quota,
//! backoff), the idempotency token filled before the first attempt, and
//! paginators all run over mocked answers.

use std::any::Any;
use std::fmt::Debug;

use crate::client::ClientInner;
use crate::error::{Error, ErrorMetadata};
use crate::http::{HttpRequest, HttpResponse};
use crate::operation::{ModeledError, Operation, OperationMetadata};
use crate::orchestrator::{dispatch_failed, on_response, Outcome};
use crate::retry::{self, RetryKind};
use crate::transport::DispatchError;

/// Answers attempts in place of the network.
pub trait AttemptHook: Send + Sync + Debug {
    /// The answer to one attempt of `operation` (an `O: Operation`, as
    /// `Any`, with `O::METADATA`); its serialized and routed `request` is
    /// given for error messages. A boxed [`Answer<O>`], or why no answer
    /// was found.
    fn answer(
        &self,
        operation: &dyn Any,
        metadata: &OperationMetadata,
        request: &HttpRequest,
    ) -> Result<Box<dyn Any + Send>, String>;
}

/// How an attempt of `O` is answered.
pub enum Answer<O: Operation> {
    /// A parsed output: the attempt succeeds.
    Output(O::Output),
    /// A modeled error with the metadata a response would have carried;
    /// classified for retry as a response would be.
    Error(O::Error, ErrorMetadata),
    /// A response, parsed as one from the network would be.
    Http(HttpResponse),
    /// No response at all (a timeout, a reset connection).
    Dispatch(DispatchError),
}

/// One attempt of `operation`, answered by `hook`.
pub(crate) fn attempt<O: Operation>(
    hook: &dyn AttemptHook,
    operation: &O,
    request: &HttpRequest,
    inner: &ClientInner,
    span: &tracing::Span,
) -> Outcome<O::Output, O::Error> {
    let answer = match hook.answer(operation, &O::METADATA, request) {
        Ok(answer) => answer,
        Err(unmatched) => return Outcome::Done(Err(Error::configuration(unmatched))),
    };
    let Ok(answer) = answer.downcast::<Answer<O>>() else {
        return Outcome::Done(Err(Error::configuration(format!(
            "the mock answered {} with a value of another operation's types",
            O::METADATA.name
        ))));
    };
    match *answer {
        Answer::Output(output) => Outcome::Done(Ok(output)),
        Answer::Http(response) => {
            on_response::<O>(inner, response, span, inner.clock_skew.current())
        }
        Answer::Dispatch(error) => dispatch_failed(error),
        Answer::Error(error, metadata) => {
            span.record("status", metadata.status());
            let kind = retry::classify(
                Some(metadata.status()),
                metadata.code(),
                None,
                error.is_retryable(),
                error.is_throttling(),
            );
            let error = Error::service(error, metadata);
            match kind {
                // No `Date` to correct the clock from: as for a real
                // response without one, the call fails.
                Some(RetryKind::ClockSkew) | None => Outcome::Done(Err(error)),
                Some(kind) => Outcome::Retry {
                    error,
                    kind,
                    retry_after: None,
                },
            }
        }
    }
}
