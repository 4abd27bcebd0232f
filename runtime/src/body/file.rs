//! Reading a file (or a range of one) as chunks, opened when the first
//! chunk is asked for: every attempt of a call opens it anew.

use std::future::Future;
use std::io::{self, SeekFrom};
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use tokio::fs::File;
use tokio::io::{AsyncReadExt, AsyncSeekExt};

use super::byte_stream::{ChunkSource, CHUNK};

type Opening = Pin<Box<dyn Future<Output = io::Result<File>> + Send>>;

/// One read of the file: it takes the file and the buffer and gives them
/// back, so no borrow outlives a poll.
type Reading = Pin<Box<dyn Future<Output = (File, BytesMut, io::Result<usize>)> + Send>>;

enum State {
    Opening(Opening),
    /// Between reads: the file, and the buffer whose allocation the next
    /// chunk reuses once the last one has been sent and dropped.
    Idle(File, BytesMut),
    Reading(Reading),
    Done,
}

pub(super) struct FileChunks {
    remaining: u64,
    state: State,
}

impl FileChunks {
    pub(super) fn new(path: Arc<Path>, offset: u64, length: u64) -> Self {
        let opening = async move {
            let mut file = File::open(&*path).await?;
            if offset > 0 {
                file.seek(SeekFrom::Start(offset)).await?;
            }
            Ok(file)
        };
        FileChunks {
            remaining: length,
            state: State::Opening(Box::pin(opening)),
        }
    }
}

impl ChunkSource for FileChunks {
    fn poll_chunk(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<io::Result<Bytes>>> {
        let this = &mut *self;
        loop {
            match std::mem::replace(&mut this.state, State::Done) {
                State::Opening(mut opening) => match opening.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.state = State::Opening(opening);
                        return Poll::Pending;
                    }
                    Poll::Ready(Ok(file)) => {
                        this.state = State::Idle(file, BytesMut::new());
                    }
                    Poll::Ready(Err(e)) => return Poll::Ready(Some(Err(e))),
                },
                State::Idle(_, _) if this.remaining == 0 => return Poll::Ready(None),
                State::Idle(mut file, mut buf) => {
                    let want = usize::try_from(this.remaining).map_or(CHUNK, |r| r.min(CHUNK));
                    // Reuses the last chunk's allocation if it has been
                    // dropped; read into spare capacity, so nothing is
                    // zeroed first.
                    buf.reserve(want);
                    this.state = State::Reading(Box::pin(async move {
                        let read = (&mut file).take(want as u64).read_buf(&mut buf).await;
                        (file, buf, read)
                    }));
                }
                State::Reading(mut reading) => match reading.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.state = State::Reading(reading);
                        return Poll::Pending;
                    }
                    Poll::Ready((_, _, Err(e))) => return Poll::Ready(Some(Err(e))),
                    Poll::Ready((_, _, Ok(0))) => {
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the file is shorter than when the body was made",
                        ))))
                    }
                    Poll::Ready((file, mut buf, Ok(n))) => {
                        this.remaining -= n as u64;
                        let chunk = buf.split().freeze();
                        this.state = State::Idle(file, buf);
                        return Poll::Ready(Some(Ok(chunk)));
                    }
                },
                State::Done => return Poll::Ready(None),
            }
        }
    }
}
