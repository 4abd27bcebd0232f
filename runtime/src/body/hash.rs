//! The SHA-256 of a request body, for the signature's payload hash.

use std::io;

use ring::digest;

use super::ByteStream;
use crate::encoding::hex;

/// The hex SHA-256 of `body` when it can be read without consuming it
/// (bytes, a file: a file is read once here and once more when sent);
/// `None` for a body that can be read only once.
pub(crate) async fn payload_sha256(body: &ByteStream) -> io::Result<Option<String>> {
    if !body.is_replayable_source() {
        return Ok(None);
    }
    let mut context = digest::Context::new(&digest::SHA256);
    if let Some(bytes) = body.as_bytes() {
        context.update(bytes);
    } else {
        let mut reading = body.clone();
        while let Some(chunk) = reading.next().await {
            context.update(&chunk?);
        }
    }
    let mut out = String::with_capacity(64);
    hex::push_lower(&mut out, context.finish().as_ref());
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_replayable_bodies_only() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            // The SHA-256 of the empty string and of "abc" (FIPS 180-2, B.1).
            let empty = payload_sha256(&ByteStream::default()).await.unwrap();
            assert_eq!(
                empty.as_deref(),
                Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            );
            let abc = payload_sha256(&ByteStream::from("abc")).await.unwrap();
            assert_eq!(
                abc.as_deref(),
                Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            );
            let once = ByteStream::from_reader(&b"abc"[..], 3);
            assert_eq!(payload_sha256(&once).await.unwrap(), None);
        });
    }
}
