//! [`Blob`]: opaque bytes (base64 in JSON bodies, raw as a payload).

use std::fmt;

/// Binary data: a `blob` member. Base64-encoded inside JSON bodies, sent
/// as-is when it is the whole payload.
///
/// ```
/// use awsop_runtime::Blob;
/// let blob = Blob::new("blobby blob");
/// assert_eq!(blob.as_ref(), b"blobby blob");
/// assert_eq!(blob.into_inner(), b"blobby blob".to_vec());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Blob {
    bytes: Vec<u8>,
}

impl Blob {
    /// A blob holding `bytes`.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob {
            bytes: bytes.into(),
        }
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, by value.
    pub fn into_inner(self) -> Vec<u8> {
        self.bytes
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob { bytes }
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob {
            bytes: bytes.to_vec(),
        }
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob {
            bytes: text.as_bytes().to_vec(),
        }
    }
}

impl From<String> for Blob {
    fn from(text: String) -> Self {
        Blob {
            bytes: text.into_bytes(),
        }
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.bytes
    }
}

/// Shows the length, and the text when it is short printable UTF-8, so
/// logs stay readable without dumping large or binary payloads.
impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) if text.len() <= 64 && !text.chars().any(char::is_control) => {
                write!(f, "Blob({text:?})")
            }
            _ => write!(f, "Blob({} bytes)", self.bytes.len()),
        }
    }
}
