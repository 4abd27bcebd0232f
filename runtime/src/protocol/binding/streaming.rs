//! Streaming payload members (`ByteStream`, `Option<ByteStream>`): the
//! whole body, sent and received without being buffered. The orchestrator
//! moves the bytes; the bindings only say where the member is.

use crate::body::ByteStream;
use crate::http::HttpResponse;

/// A streaming payload member's type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a streaming payload",
    label = "streaming payload members are ByteStream or Option<ByteStream>"
)]
pub trait StreamingPayload: Sized {
    /// The member holding `body`.
    fn from_body(body: ByteStream) -> Self;

    /// The body to send, if set (a clone: replayable bodies read from
    /// the start, a reader is shared).
    fn body(&self) -> Option<ByteStream>;
}

impl StreamingPayload for ByteStream {
    fn from_body(body: ByteStream) -> Self {
        body
    }

    fn body(&self) -> Option<ByteStream> {
        Some(self.clone())
    }
}

impl StreamingPayload for Option<ByteStream> {
    fn from_body(body: ByteStream) -> Self {
        Some(body)
    }

    fn body(&self) -> Option<ByteStream> {
        self.clone()
    }
}

/// Reads a streaming member from a response already read whole (a mock,
/// a replayed recording, an error): its bytes as a one-chunk stream. A
/// streamed response's body replaces it ([`super::FromResponse::attach_body`]).
pub fn read_streaming_payload<T: StreamingPayload>(response: &HttpResponse) -> Option<T> {
    Some(T::from_body(ByteStream::from(response.body.clone())))
}
