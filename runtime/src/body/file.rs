//! Reading a file (or a range of one) as chunks, opened when the first
//! chunk is asked for: every attempt of a call opens it anew.

use std::future::Future;
use std::io::{self, SeekFrom};
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use bytes::{Bytes, BytesMut};
use tokio::fs::File;
use tokio::io::{AsyncRead, AsyncSeekExt, ReadBuf};

use super::byte_stream::{ChunkSource, CHUNK};

type Opening = Pin<Box<dyn Future<Output = io::Result<File>> + Send>>;

enum State {
    Opening(Opening),
    Reading(File),
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
            match &mut this.state {
                State::Opening(opening) => match ready!(opening.as_mut().poll(cx)) {
                    Ok(file) => this.state = State::Reading(file),
                    Err(e) => {
                        this.state = State::Done;
                        return Poll::Ready(Some(Err(e)));
                    }
                },
                State::Reading(file) => {
                    if this.remaining == 0 {
                        this.state = State::Done;
                        return Poll::Ready(None);
                    }
                    let want = usize::try_from(this.remaining).map_or(CHUNK, |r| r.min(CHUNK));
                    let mut buf = BytesMut::zeroed(want);
                    let mut read = ReadBuf::new(&mut buf);
                    if let Err(e) = ready!(Pin::new(file).poll_read(cx, &mut read)) {
                        this.state = State::Done;
                        return Poll::Ready(Some(Err(e)));
                    }
                    let n = read.filled().len();
                    if n == 0 {
                        this.state = State::Done;
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the file is shorter than when the body was made",
                        ))));
                    }
                    this.remaining -= n as u64;
                    buf.truncate(n);
                    return Poll::Ready(Some(Ok(buf.freeze())));
                }
                State::Done => return Poll::Ready(None),
            }
        }
    }
}
