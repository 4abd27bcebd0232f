//! The request body as the hyper transport sends it: bytes in one frame,
//! or a [`ByteStream`] frame by frame, exactly its declared length.

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use bytes::Bytes;
use http_body::{Frame, SizeHint};

use super::ByteStream;

/// A request body: what the serializer wrote, or a stream.
pub(crate) enum OutgoingBody {
    Full(Option<Bytes>),
    Stream { stream: ByteStream, remaining: u64 },
}

impl OutgoingBody {
    pub(crate) fn full(bytes: Bytes) -> Self {
        OutgoingBody::Full(Some(bytes))
    }

    /// `stream`, which must yield exactly `length` bytes.
    pub(crate) fn stream(stream: ByteStream, length: u64) -> Self {
        OutgoingBody::Stream {
            stream,
            remaining: length,
        }
    }
}

impl http_body::Body for OutgoingBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            OutgoingBody::Full(bytes) => Poll::Ready(
                bytes
                    .take()
                    .filter(|b| !b.is_empty())
                    .map(|b| Ok(Frame::data(b))),
            ),
            OutgoingBody::Stream { stream, remaining } => match ready!(stream.poll_next(cx)) {
                None if *remaining == 0 => Poll::Ready(None),
                None => Poll::Ready(Some(Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("the body ended {remaining} bytes before its declared length"),
                )))),
                Some(Ok(chunk)) => {
                    let len = chunk.len() as u64;
                    if len > *remaining {
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            "the body is longer than its declared length",
                        ))));
                    }
                    *remaining -= len;
                    Poll::Ready(Some(Ok(Frame::data(chunk))))
                }
                Some(Err(e)) => Poll::Ready(Some(Err(e))),
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            OutgoingBody::Full(bytes) => bytes.as_ref().map_or(true, Bytes::is_empty),
            OutgoingBody::Stream { remaining, .. } => *remaining == 0,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            OutgoingBody::Full(bytes) => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            OutgoingBody::Stream { remaining, .. } => SizeHint::with_exact(*remaining),
        }
    }
}
