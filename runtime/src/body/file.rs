//! Reading a file (or a range of one) as chunks, one read ahead of the
//! sender, opened when the first chunk is asked for: every attempt of a
//! call opens it anew.
//!
//! Each chunk is read on the blocking pool straight into the buffer that
//! is then sent. (`tokio::fs::File` reads into a buffer of its own and
//! copies out of it on the runtime's worker: one more pass over every
//! byte, on the thread that also writes the socket.)
//! The next read starts as soon as a chunk is handed out, so the disk or
//! page-cache copy of chunk k+1 runs while chunk k is being sent.

use std::fs::File;
use std::future::Future;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use tokio::task::JoinHandle;

use super::byte_stream::{ChunkSource, CHUNK};

/// One chunk being read: it takes the file (or opens it, for the first
/// chunk) and gives it back with the bytes.
type Reading = JoinHandle<io::Result<(File, Bytes)>>;

pub(super) struct FileChunks {
    path: Arc<Path>,
    /// Where the body starts in the file.
    offset: u64,
    /// The file between reads, once the first read has opened it.
    file: Option<File>,
    /// Bytes no read has been started for yet.
    unread: u64,
    /// The read in flight: at most one, so at most two chunks (the one
    /// being sent and the one being read) are held by the source.
    ahead: Option<Reading>,
}

impl FileChunks {
    pub(super) fn new(path: Arc<Path>, offset: u64, length: u64) -> Self {
        FileChunks {
            path,
            offset,
            file: None,
            unread: length,
            ahead: None,
        }
    }

    /// Starts reading the next chunk on the blocking pool.
    fn start_read(&mut self) -> Reading {
        let want = usize::try_from(self.unread).map_or(CHUNK, |r| r.min(CHUNK));
        self.unread -= want as u64;
        let (path, offset, file) = (self.path.clone(), self.offset, self.file.take());
        tokio::task::spawn_blocking(move || {
            let mut file = match file {
                Some(file) => file,
                None => {
                    let mut file = File::open(&*path)?;
                    if offset > 0 {
                        file.seek(SeekFrom::Start(offset))?;
                    }
                    file
                }
            };
            let chunk = read_exactly(&mut file, want)?;
            Ok((file, chunk))
        })
    }
}

/// The next `want` bytes of `file`.
fn read_exactly(file: &mut File, want: usize) -> io::Result<Bytes> {
    // Zeroed, as reading into uninitialised memory would need unsafe
    // code; zeroing costs less than the copy it replaces.
    let mut buf = vec![0; want];
    file.read_exact(&mut buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the file is shorter than when the body was made",
        ),
        _ => e,
    })?;
    Ok(Bytes::from(buf))
}

impl ChunkSource for FileChunks {
    fn poll_chunk(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<io::Result<Bytes>>> {
        let this = &mut *self;
        let mut reading = match this.ahead.take() {
            Some(reading) => reading,
            None if this.unread == 0 => return Poll::Ready(None),
            None => this.start_read(),
        };
        let Poll::Ready(done) = Pin::new(&mut reading).poll(cx) else {
            this.ahead = Some(reading);
            return Poll::Pending;
        };
        match done {
            Ok(Ok((file, chunk))) => {
                this.file = Some(file);
                if this.unread > 0 {
                    this.ahead = Some(this.start_read());
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Ok(Err(e)) => {
                this.unread = 0;
                Poll::Ready(Some(Err(e)))
            }
            Err(join) => {
                this.unread = 0;
                Poll::Ready(Some(Err(io::Error::other(format!(
                    "reading the file failed: {join}"
                )))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ByteStream;
    use super::*;

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    /// A file of `len` bytes, each its offset's low byte times 7.
    fn file_of(name: &str, len: usize) -> (std::path::PathBuf, Vec<u8>) {
        let dir = std::env::temp_dir().join(format!("awsop-file-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("body.bin");
        let bytes: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_mul(7)).collect();
        std::fs::write(&path, &bytes).unwrap();
        (path, bytes)
    }

    #[test]
    fn a_range_reads_whole_in_chunks_and_again_on_replay() {
        let (path, bytes) = file_of("range", 2 * CHUNK + CHUNK / 2 + 3);
        block_on(async {
            let (offset, length) = (5, 2 * CHUNK + 11);
            let body = ByteStream::from_path_range(&path, offset as u64, length as u64)
                .await
                .unwrap();
            for _ in 0..2 {
                let mut reading = body.clone();
                let mut sizes = Vec::new();
                let mut read = Vec::new();
                while let Some(chunk) = reading.next().await {
                    let chunk = chunk.unwrap();
                    sizes.push(chunk.len());
                    read.extend_from_slice(&chunk);
                }
                assert_eq!(sizes, [CHUNK, CHUNK, 11]);
                assert!(read == bytes[offset..offset + length], "the range's bytes");
            }
        });
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn a_file_that_shrank_or_went_away_fails_the_read() {
        let (path, _) = file_of("shrank", CHUNK + 100);
        block_on(async {
            let body = ByteStream::from_path(&path).await.unwrap();
            std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .unwrap()
                .set_len(CHUNK as u64 + 10)
                .unwrap();
            let err = body.clone().collect().await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
            assert_eq!(
                err.to_string(),
                "the file is shorter than when the body was made"
            );
            std::fs::remove_file(&path).unwrap();
            let err = body.collect().await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::NotFound);
        });
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    async fn next(chunks: &mut FileChunks) -> Option<io::Result<Bytes>> {
        std::future::poll_fn(|cx| Pin::new(&mut *chunks).poll_chunk(cx)).await
    }

    #[test]
    fn one_read_runs_ahead_of_the_sender_and_none_past_the_end() {
        let (path, bytes) = file_of("ahead", 2 * CHUNK + 1);
        block_on(async {
            let mut chunks = FileChunks::new(Arc::from(path.as_path()), 0, bytes.len() as u64);
            let first = next(&mut chunks).await.unwrap().unwrap();
            assert!(first[..] == bytes[..CHUNK]);
            // The second chunk is being read before anyone asks for it.
            assert!(chunks.ahead.is_some() && chunks.unread == 1);
            assert_eq!(next(&mut chunks).await.unwrap().unwrap().len(), CHUNK);
            assert!(chunks.ahead.is_some() && chunks.unread == 0);
            assert_eq!(
                next(&mut chunks).await.unwrap().unwrap()[..],
                bytes[2 * CHUNK..]
            );
            assert!(chunks.ahead.is_none());
            assert!(next(&mut chunks).await.is_none());
            // A body dropped with its read ahead in flight leaves the read
            // to finish on the blocking pool, unwaited for.
            let mut body = ByteStream::from_path(&path).await.unwrap();
            body.next().await.unwrap().unwrap();
            drop(body);
        });
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
}
