use std::fmt;
use std::future::poll_fn;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{ready, Context, Poll};

use bytes::{Bytes, BytesMut};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};

use super::file::FileChunks;

/// How much one read of a file or reader asks for: large enough that a
/// gigabyte is a few thousand reads, small enough that a few of them in
/// flight stay far below the memory a streamed upload may use.
pub(super) const CHUNK: usize = 256 * 1024;

/// Chunks read once, in order: an async reader, or a response body.
pub(crate) trait ChunkSource: Send {
    /// The next chunk, `None` at the end.
    fn poll_chunk(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Bytes>>>;
}

type BoxSource = Pin<Box<dyn ChunkSource>>;

#[derive(Clone)]
enum Source {
    Bytes(Bytes),
    File {
        path: Arc<Path>,
        offset: u64,
        length: u64,
    },
    /// Read at most once, by whichever clone reads first.
    Once {
        length: Option<u64>,
        kind: &'static str,
        slot: Arc<Mutex<Option<BoxSource>>>,
    },
}

enum State {
    NotStarted,
    /// In a mutex only to make `ByteStream` `Sync` (inputs are shared by
    /// reference across awaits); reads use `get_mut`, which never locks.
    Reading(Mutex<BoxSource>),
    Done,
}

/// A body that may be larger than memory: a request body from bytes, a file
/// or an async reader; a response body read from the connection as it is
/// consumed.
///
/// Bytes and files are *replayable*: every clone (and every retried
/// attempt) reads them from the start. A reader or a response body is read
/// once: clones share it, and the first to read takes it.
///
/// ```
/// use awsop_runtime::body::ByteStream;
/// # async fn demo() -> std::io::Result<()> {
/// # let dir = std::env::temp_dir().join(format!("awsop-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # let path = dir.join("object.bin");
/// std::fs::write(&path, b"0123456789")?;
/// let whole = ByteStream::from_path(&path).await?;
/// assert_eq!(whole.content_length(), Some(10));
/// let part = ByteStream::from_path_range(&path, 2, 3).await?;
/// assert_eq!(&part.collect().await?[..], b"234");
/// assert!(ByteStream::from_path_range(&path, 8, 3).await.is_err());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(()) }
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(demo()).unwrap();
/// ```
pub struct ByteStream {
    source: Source,
    state: State,
}

impl ByteStream {
    /// A body of these bytes.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> ByteStream {
        ByteStream::with_source(Source::Bytes(bytes.into()))
    }

    /// The whole file at `path`, read as it is sent (its length is taken
    /// now; a file that then shrinks fails the read).
    pub async fn from_path(path: impl AsRef<Path>) -> io::Result<ByteStream> {
        let path = path.as_ref();
        let length = regular_file_length(path).await?;
        Ok(Self::file(path.to_path_buf(), 0, length))
    }

    /// `length` bytes of the file at `path` from byte `offset` (a part of
    /// a multipart upload). An error if the file is shorter.
    pub async fn from_path_range(
        path: impl AsRef<Path>,
        offset: u64,
        length: u64,
    ) -> io::Result<ByteStream> {
        let path = path.as_ref();
        let file_length = regular_file_length(path).await?;
        if offset
            .checked_add(length)
            .map_or(true, |end| end > file_length)
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "the range {offset}+{length} is beyond the end of the file ({file_length} bytes)"
                ),
            ));
        }
        Ok(Self::file(path.to_path_buf(), offset, length))
    }

    /// A body read once from `reader`, which must yield exactly `length`
    /// bytes (fewer or more fails the request). Not replayable: a call
    /// whose attempt has started to send it is not retried.
    pub fn from_reader(reader: impl AsyncRead + Send + 'static, length: u64) -> ByteStream {
        let source = ReaderChunks {
            reader: Box::pin(reader),
            remaining: length,
        };
        Self::once(Box::pin(source), Some(length), "reader")
    }

    fn file(path: PathBuf, offset: u64, length: u64) -> ByteStream {
        ByteStream::with_source(Source::File {
            path: path.into(),
            offset,
            length,
        })
    }

    pub(crate) fn once(source: BoxSource, length: Option<u64>, kind: &'static str) -> ByteStream {
        ByteStream::with_source(Source::Once {
            length,
            kind,
            slot: Arc::new(Mutex::new(Some(source))),
        })
    }

    fn with_source(source: Source) -> ByteStream {
        ByteStream {
            source,
            state: State::NotStarted,
        }
    }

    /// The length in bytes, when known (always for request bodies; for a
    /// response body, its `Content-Length`).
    pub fn content_length(&self) -> Option<u64> {
        match &self.source {
            Source::Bytes(bytes) => Some(bytes.len() as u64),
            Source::File { length, .. } => Some(*length),
            Source::Once { length, .. } => *length,
        }
    }

    /// Whether reading this body again gives the same bytes: bytes and
    /// files always; a reader or response body only while nobody has
    /// started to read it.
    pub fn can_replay(&self) -> bool {
        match &self.source {
            Source::Bytes(_) | Source::File { .. } => true,
            Source::Once { slot, .. } => {
                matches!(self.state, State::NotStarted)
                    && slot.lock().unwrap_or_else(|p| p.into_inner()).is_some()
            }
        }
    }

    /// Whether the body is bytes or a file (which every read gives whole).
    pub(crate) fn is_replayable_source(&self) -> bool {
        !matches!(self.source, Source::Once { .. })
    }

    /// The bytes, when the body is held in memory.
    pub(crate) fn as_bytes(&self) -> Option<&Bytes> {
        match &self.source {
            Source::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// The next chunk, `None` at the end of the body.
    pub async fn next(&mut self) -> Option<io::Result<Bytes>> {
        poll_fn(|cx| self.poll_next(cx)).await
    }

    /// [`ByteStream::next`] as a poll function.
    pub fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<io::Result<Bytes>>> {
        loop {
            match &mut self.state {
                State::NotStarted => match &self.source {
                    Source::Bytes(bytes) => {
                        let bytes = bytes.clone();
                        self.state = State::Done;
                        return Poll::Ready((!bytes.is_empty()).then_some(Ok(bytes)));
                    }
                    Source::File {
                        path,
                        offset,
                        length,
                    } => {
                        let chunks = FileChunks::new(path.clone(), *offset, *length);
                        self.state = State::Reading(Mutex::new(Box::pin(chunks)));
                    }
                    Source::Once { slot, kind, .. } => {
                        let taken = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
                        match taken {
                            Some(source) => self.state = State::Reading(Mutex::new(source)),
                            None => {
                                self.state = State::Done;
                                return Poll::Ready(Some(Err(io::Error::other(format!(
                                    "this {kind} body was already read: it can be read only once"
                                )))));
                            }
                        }
                    }
                },
                State::Reading(source) => {
                    let source = source.get_mut().unwrap_or_else(|p| p.into_inner());
                    let next = ready!(source.as_mut().poll_chunk(cx));
                    if !matches!(next, Some(Ok(_))) {
                        self.state = State::Done;
                    }
                    return Poll::Ready(next);
                }
                State::Done => return Poll::Ready(None),
            }
        }
    }

    /// Reads the whole body into memory. For bodies known to be small; a
    /// large object is better written out with [`ByteStream::write_to`].
    pub async fn collect(mut self) -> io::Result<Bytes> {
        if let (State::NotStarted, Source::Bytes(bytes)) = (&self.state, &self.source) {
            return Ok(bytes.clone());
        }
        let capacity = self
            .content_length()
            .map_or(0, |n| usize::try_from(n.min(64 * 1024 * 1024)).unwrap_or(0));
        let mut out = BytesMut::with_capacity(capacity);
        while let Some(chunk) = self.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out.freeze())
    }

    /// Writes the body to `writer` chunk by chunk (then flushes it), and
    /// returns the number of bytes written.
    ///
    /// ```
    /// use awsop_runtime::body::ByteStream;
    /// # async fn demo() -> std::io::Result<()> {
    /// let mut out = Vec::new();
    /// let written = ByteStream::from("abc").write_to(&mut out).await?;
    /// assert_eq!((written, &out[..]), (3, &b"abc"[..]));
    /// # Ok(()) }
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(demo()).unwrap();
    /// ```
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(
        mut self,
        writer: &mut W,
    ) -> io::Result<u64> {
        let mut written = 0u64;
        while let Some(chunk) = self.next().await {
            let chunk = chunk?;
            writer.write_all(&chunk).await?;
            written += chunk.len() as u64;
        }
        writer.flush().await?;
        Ok(written)
    }
}

async fn regular_file_length(path: &Path) -> io::Result<u64> {
    let meta = tokio::fs::metadata(path).await?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a file body must be a regular file (its length is sent before its bytes)",
        ));
    }
    Ok(meta.len())
}

impl Clone for ByteStream {
    /// A body that reads from the start (a replayable one), or shares the
    /// single read of a reader or response body.
    fn clone(&self) -> Self {
        ByteStream::with_source(self.source.clone())
    }
}

impl Default for ByteStream {
    fn default() -> Self {
        ByteStream::from_bytes(Bytes::new())
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.source {
            Source::Bytes(_) => "bytes",
            Source::File { .. } => "file",
            Source::Once { kind, .. } => kind,
        };
        f.debug_struct("ByteStream")
            .field("source", &kind)
            .field("length", &self.content_length())
            .finish_non_exhaustive()
    }
}

impl From<Bytes> for ByteStream {
    fn from(bytes: Bytes) -> Self {
        ByteStream::from_bytes(bytes)
    }
}

impl From<Vec<u8>> for ByteStream {
    fn from(bytes: Vec<u8>) -> Self {
        ByteStream::from_bytes(bytes)
    }
}

impl From<String> for ByteStream {
    fn from(text: String) -> Self {
        ByteStream::from_bytes(text)
    }
}

impl From<&'static str> for ByteStream {
    fn from(text: &'static str) -> Self {
        ByteStream::from_bytes(text)
    }
}

impl From<&'static [u8]> for ByteStream {
    fn from(bytes: &'static [u8]) -> Self {
        ByteStream::from_bytes(bytes)
    }
}

impl From<crate::value::Blob> for ByteStream {
    fn from(blob: crate::value::Blob) -> Self {
        ByteStream::from_bytes(blob.into_inner())
    }
}

/// An async reader cut into chunks, exactly `remaining` bytes of it.
struct ReaderChunks {
    reader: Pin<Box<dyn AsyncRead + Send>>,
    remaining: u64,
}

impl ChunkSource for ReaderChunks {
    fn poll_chunk(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<io::Result<Bytes>>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        let want = usize::try_from(self.remaining).map_or(CHUNK, |r| r.min(CHUNK));
        let mut buf = BytesMut::zeroed(want);
        let mut read = ReadBuf::new(&mut buf);
        if let Err(e) = ready!(self.reader.as_mut().poll_read(cx, &mut read)) {
            return Poll::Ready(Some(Err(e)));
        }
        let n = read.filled().len();
        if n == 0 {
            let remaining = self.remaining;
            return Poll::Ready(Some(Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("the reader ended {remaining} bytes before its declared length"),
            ))));
        }
        self.remaining -= n as u64;
        buf.truncate(n);
        Poll::Ready(Some(Ok(buf.freeze())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn bytes_replay_and_readers_read_once() {
        block_on(async {
            let bytes = ByteStream::from("abc");
            assert!(bytes.can_replay());
            assert_eq!(&bytes.clone().collect().await.unwrap()[..], b"abc");
            assert_eq!(&bytes.collect().await.unwrap()[..], b"abc");

            let reader = ByteStream::from_reader(&b"xyz"[..], 3);
            let mut first = reader.clone();
            assert!(reader.can_replay(), "nobody has read it yet");
            assert_eq!(&first.next().await.unwrap().unwrap()[..], b"xyz");
            assert!(!reader.can_replay());
            let again = reader.clone().collect().await.unwrap_err();
            assert!(again.to_string().contains("only once"), "{again}");
        });
    }

    #[test]
    fn a_reader_must_yield_its_declared_length() {
        block_on(async {
            let short = ByteStream::from_reader(&b"ab"[..], 3).collect().await;
            assert_eq!(short.unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
            // Only the declared length is read, even if the reader has more.
            let long = ByteStream::from_reader(&b"abcd"[..], 3).collect().await;
            assert_eq!(&long.unwrap()[..], b"abc");
        });
    }

    #[test]
    fn debug_names_the_source_not_the_bytes() {
        let shown = format!("{:?}", ByteStream::from("secret"));
        assert_eq!(
            shown,
            r#"ByteStream { source: "bytes", length: Some(6), .. }"#
        );
    }
}
