//! `aws-chunked` framing with a trailing CRC32: how a streamed S3 upload
//! carries an integrity check in one pass over its bytes.
//!
//! A signed payload hash would have to be known before the first byte is
//! sent, so a file is read twice and a reader cannot be checked at all.
//! Instead the body goes out in chunks (`<hex size>\r\n<data>\r\n`), a
//! CRC32 is computed as the bytes pass, and a last, empty chunk carries it
//! as a trailer (`x-amz-checksum-crc32:<base64>`), which S3 verifies
//! against what it received (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`,
//! the framing the AWS SDKs use by default for uploads).
//!
//! Every chunk but the last holds exactly [`CHUNK_SIZE`] bytes, whatever
//! sizes the source yields, so the encoded length is known in advance (a
//! `Content-Length`, which S3 wants); pieces of the source's chunks are
//! sent as they are (no copy).

use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use bytes::Bytes;

use super::{ByteStream, ChunkSource};
use crate::encoding::base64;

/// The decoded bytes in every chunk but the last (S3 wants at least 8 KiB).
pub(crate) const CHUNK_SIZE: u64 = 256 * 1024;

/// The trailer's name, as `x-amz-trailer` announces it.
pub(crate) const TRAILER: &str = "x-amz-checksum-crc32";

/// `x-amz-checksum-crc32:` and the base64 of four bytes (eight characters).
const TRAILER_LINE_LEN: u64 = TRAILER.len() as u64 + 1 + 8;

/// The encoded length of a body of `decoded` bytes.
///
/// ```text
/// 40000\r\n<256 KiB>\r\n ... <hex rest>\r\n<rest>\r\n 0\r\n x-amz-checksum-crc32:<b64>\r\n \r\n
/// ```
pub(crate) fn encoded_length(decoded: u64) -> u64 {
    let framed = |size: u64| hex_digits(size) + 2 + size + 2;
    let full = decoded / CHUNK_SIZE;
    let rest = decoded % CHUNK_SIZE;
    let last = if rest > 0 { framed(rest) } else { 0 };
    full * framed(CHUNK_SIZE) + last + 3 + TRAILER_LINE_LEN + 2 + 2
}

fn hex_digits(n: u64) -> u64 {
    u64::from((64 - n.leading_zeros()).div_ceil(4).max(1))
}

/// `body`, which must yield exactly `decoded` bytes, framed as aws-chunked
/// with a CRC32 trailer; read once, like any stream.
pub(crate) fn encode(body: ByteStream, decoded: u64) -> ByteStream {
    let framer = Framer {
        inner: body,
        decoded_left: decoded,
        left_in_chunk: 0,
        started: false,
        pending: Bytes::new(),
        crc: crc32fast::Hasher::new(),
        done: false,
    };
    ByteStream::once(
        Box::pin(framer),
        Some(encoded_length(decoded)),
        "aws-chunked",
    )
}

struct Framer {
    inner: ByteStream,
    /// Source bytes not yet sent.
    decoded_left: u64,
    /// Bytes of the current chunk not yet sent.
    left_in_chunk: u64,
    /// Whether a chunk was opened (its data then needs a closing `\r\n`).
    started: bool,
    /// Source bytes read but not yet sent.
    pending: Bytes,
    crc: crc32fast::Hasher,
    done: bool,
}

impl Framer {
    /// The next chunk's header, or the trailer once every byte was sent.
    fn boundary(&mut self) -> Bytes {
        let close = if self.started { "\r\n" } else { "" };
        self.started = true;
        if self.decoded_left == 0 {
            self.done = true;
            let crc = self.crc.clone().finalize().to_be_bytes();
            let sum = base64::encode(&crc);
            return Bytes::from(format!("{close}0\r\n{TRAILER}:{sum}\r\n\r\n"));
        }
        let size = self.decoded_left.min(CHUNK_SIZE);
        self.left_in_chunk = size;
        Bytes::from(format!("{close}{size:x}\r\n"))
    }
}

impl ChunkSource for Framer {
    fn poll_chunk(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<io::Result<Bytes>>> {
        let this = self.get_mut();
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            if this.left_in_chunk == 0 {
                return Poll::Ready(Some(Ok(this.boundary())));
            }
            if this.pending.is_empty() {
                match ready!(this.inner.poll_next(cx)) {
                    Some(Ok(chunk)) => {
                        if chunk.len() as u64 > this.decoded_left {
                            return Poll::Ready(Some(Err(io::Error::new(
                                io::ErrorKind::InvalidData,
                                "the body is longer than its declared length",
                            ))));
                        }
                        this.pending = chunk;
                        continue;
                    }
                    Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                    None => {
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            format!(
                                "the body ended {} bytes before its declared length",
                                this.decoded_left
                            ),
                        ))))
                    }
                }
            }
            let take = this.left_in_chunk.min(this.pending.len() as u64) as usize;
            let piece = this.pending.split_to(take);
            this.crc.update(&piece);
            this.left_in_chunk -= take as u64;
            this.decoded_left -= take as u64;
            return Poll::Ready(Some(Ok(piece)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: ByteStream) -> Vec<u8> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let length = body.content_length().unwrap();
        let encoded = encode(body, length);
        let declared = encoded.content_length().unwrap();
        let bytes = rt.block_on(encoded.collect()).unwrap().to_vec();
        assert_eq!(bytes.len() as u64, declared, "the declared length is exact");
        bytes
    }

    #[test]
    fn a_small_body_is_one_chunk_and_the_trailer() {
        // CRC-32/ISO-HDLC of "123456789" is 0xCBF43926 (its check value).
        let bytes = framed(ByteStream::from("123456789"));
        assert_eq!(
            bytes,
            b"9\r\n123456789\r\n0\r\nx-amz-checksum-crc32:y/Q5Jg==\r\n\r\n"
        );
    }

    #[test]
    fn an_empty_body_is_only_the_trailer() {
        // The CRC32 of nothing is 0.
        assert_eq!(
            framed(ByteStream::default()),
            b"0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n"
        );
    }

    #[test]
    fn chunks_hold_chunk_size_bytes_whatever_the_source_yields() {
        // A reader yields its own chunk sizes; the framing re-cuts them.
        let size = 2 * CHUNK_SIZE as usize + 1000;
        let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        let reader = std::io::Cursor::new(data.clone());
        let bytes = framed(ByteStream::from_reader(reader, size as u64));
        let mut at = 0;
        let mut decoded = Vec::new();
        let mut sizes = Vec::new();
        loop {
            let line_end = at + bytes[at..].windows(2).position(|w| w == b"\r\n").unwrap();
            let n = usize::from_str_radix(std::str::from_utf8(&bytes[at..line_end]).unwrap(), 16)
                .unwrap();
            at = line_end + 2;
            sizes.push(n);
            if n == 0 {
                break;
            }
            decoded.extend_from_slice(&bytes[at..at + n]);
            assert_eq!(&bytes[at + n..at + n + 2], b"\r\n");
            at += n + 2;
        }
        assert_eq!(sizes, [CHUNK_SIZE as usize, CHUNK_SIZE as usize, 1000, 0]);
        assert_eq!(decoded, data);
        let crc = base64::encode(&crc32fast::hash(&data).to_be_bytes());
        assert_eq!(
            &bytes[at..],
            format!("x-amz-checksum-crc32:{crc}\r\n\r\n").as_bytes()
        );
    }

    #[test]
    fn a_short_source_fails_instead_of_sending_a_wrong_length() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let short = ByteStream::from_reader(&b"abc"[..], 10);
        let err = rt.block_on(encode(short, 10).collect()).unwrap_err();
        assert!(
            err.to_string().contains("before its declared length"),
            "{err}"
        );
    }

    #[test]
    fn encoded_lengths() {
        assert_eq!(hex_digits(0), 1);
        assert_eq!(hex_digits(15), 1);
        assert_eq!(hex_digits(16), 2);
        assert_eq!(hex_digits(CHUNK_SIZE), 5);
        // "9\r\n" + 9 + "\r\n" + "0\r\n" + 29 + "\r\n\r\n"
        assert_eq!(encoded_length(9), 3 + 9 + 2 + 3 + 29 + 4);
    }
}
