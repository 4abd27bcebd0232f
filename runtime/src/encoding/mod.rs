//! Byte-level encodings every protocol shares, each decided once: base64
//! (blobs), hexadecimal digits, and RFC 3986 percent-encoding.

pub mod base64;
pub mod hex;
pub mod percent;
