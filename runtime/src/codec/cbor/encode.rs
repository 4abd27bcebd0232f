//! Writing CBOR items into a `Vec<u8>`.

use super::{major, BREAK};

/// Writes CBOR data items (RFC 8949) into a growing buffer.
///
/// Integers and lengths take their shortest form (RFC 8949 §4.2.1
/// "preferred serialization"); floats keep the width asked for, since Smithy
/// encoders write a float member at its type's width. Every method appends
/// and returns `&mut Self`, so items chain:
///
/// ```
/// use awsop_runtime::codec::cbor::Encoder;
/// let mut e = Encoder::new();
/// e.map(2).text("id").uint(7).text("at").tag(1).f64(1_363_896_240.5);
/// assert_eq!(
///     e.as_bytes(),
///     [0xa2, 0x62, b'i', b'd', 0x07, 0x62, b'a', b't',
///      0xc1, 0xfb, 0x41, 0xd4, 0x52, 0xd9, 0xec, 0x20, 0x00, 0x00]
/// );
/// ```
///
/// The encoder does not check that containers get as many items as they
/// declare, nor that every `begin_indefinite_*` is `end`ed: that is the
/// shape serializer's structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoder {
    buf: Vec<u8>,
}

impl Encoder {
    /// An empty encoder.
    pub fn new() -> Self {
        Encoder { buf: Vec::new() }
    }

    /// An empty encoder with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Encoder {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// Appends to `buf` (which keeps its contents).
    pub fn from_vec(buf: Vec<u8>) -> Self {
        Encoder { buf }
    }

    /// What was written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// The written bytes.
    pub fn into_vec(self) -> Vec<u8> {
        self.buf
    }

    /// The number of bytes written.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The head of an item: major type and argument, in the shortest form.
    fn head(&mut self, major: u8, arg: u64) -> &mut Self {
        let major = major << 5;
        if arg < 24 {
            self.buf.push(major | arg as u8);
        } else if let Ok(arg) = u8::try_from(arg) {
            self.buf.extend_from_slice(&[major | 24, arg]);
        } else if let Ok(arg) = u16::try_from(arg) {
            self.buf.push(major | 25);
            self.buf.extend_from_slice(&arg.to_be_bytes());
        } else if let Ok(arg) = u32::try_from(arg) {
            self.buf.push(major | 26);
            self.buf.extend_from_slice(&arg.to_be_bytes());
        } else {
            self.buf.push(major | 27);
            self.buf.extend_from_slice(&arg.to_be_bytes());
        }
        self
    }

    /// An unsigned integer (major type 0).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().uint(500).as_bytes(), [0x19, 0x01, 0xf4]);
    /// ```
    pub fn uint(&mut self, value: u64) -> &mut Self {
        self.head(major::UNSIGNED, value)
    }

    /// A signed integer: major type 0 when `value >= 0`, else 1.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().int(-500).as_bytes(), [0x39, 0x01, 0xf3]);
    /// assert_eq!(Encoder::new().int(i64::MIN).as_bytes()[0], 0x3b);
    /// ```
    pub fn int(&mut self, value: i64) -> &mut Self {
        if value >= 0 {
            self.head(major::UNSIGNED, value as u64)
        } else {
            // -1 - value, which for a negative two's-complement value is !value.
            self.head(major::NEGATIVE, !(value as u64))
        }
    }

    /// The negative integer `-1 - n` (major type 1), down to -2^64.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().negative(9).as_bytes(), [0x29]); // -10
    /// ```
    pub fn negative(&mut self, n: u64) -> &mut Self {
        self.head(major::NEGATIVE, n)
    }

    /// A definite-length byte string (major type 2): a Smithy blob.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().bytes(&[1, 2]).as_bytes(), [0x42, 1, 2]);
    /// ```
    pub fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.head(major::BYTES, value.len() as u64);
        self.buf.extend_from_slice(value);
        self
    }

    /// A definite-length text string (major type 3).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().text("ü").as_bytes(), [0x62, 0xc3, 0xbc]);
    /// ```
    pub fn text(&mut self, value: &str) -> &mut Self {
        self.head(major::TEXT, value.len() as u64);
        self.buf.extend_from_slice(value.as_bytes());
        self
    }

    /// The head of an array of `len` items (major type 4); the items follow.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().array(2).uint(1).uint(2).as_bytes(), [0x82, 1, 2]);
    /// ```
    pub fn array(&mut self, len: usize) -> &mut Self {
        self.head(major::ARRAY, len as u64)
    }

    /// The head of a map of `len` entries (major type 5); `len` keys and
    /// values follow, alternating.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().map(1).text("a").bool(true).as_bytes(), [0xa1, 0x61, b'a', 0xf5]);
    /// ```
    pub fn map(&mut self, len: usize) -> &mut Self {
        self.head(major::MAP, len as u64)
    }

    /// Starts an indefinite-length array; close it with [`Encoder::end`].
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().begin_indefinite_array().uint(1).end().as_bytes(), [0x9f, 1, 0xff]);
    /// ```
    pub fn begin_indefinite_array(&mut self) -> &mut Self {
        self.buf.push(major::ARRAY << 5 | 31);
        self
    }

    /// Starts an indefinite-length map (what Smithy encoders write for a
    /// structure, whose member count is known only at the end); close it
    /// with [`Encoder::end`].
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().begin_indefinite_map().end().as_bytes(), [0xbf, 0xff]);
    /// ```
    pub fn begin_indefinite_map(&mut self) -> &mut Self {
        self.buf.push(major::MAP << 5 | 31);
        self
    }

    /// Starts an indefinite-length byte string: definite [`Encoder::bytes`]
    /// chunks follow, then [`Encoder::end`].
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// let mut e = Encoder::new();
    /// e.begin_indefinite_bytes().bytes(&[1]).bytes(&[2, 3]).end();
    /// assert_eq!(e.as_bytes(), [0x5f, 0x41, 1, 0x42, 2, 3, 0xff]);
    /// ```
    pub fn begin_indefinite_bytes(&mut self) -> &mut Self {
        self.buf.push(major::BYTES << 5 | 31);
        self
    }

    /// Starts an indefinite-length text string: definite [`Encoder::text`]
    /// chunks follow, then [`Encoder::end`].
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// let mut e = Encoder::new();
    /// e.begin_indefinite_text().text("strea").text("ming").end();
    /// assert_eq!(e.as_bytes()[0], 0x7f);
    /// ```
    pub fn begin_indefinite_text(&mut self) -> &mut Self {
        self.buf.push(major::TEXT << 5 | 31);
        self
    }

    /// The break (`0xff`) that closes an indefinite-length item.
    pub fn end(&mut self) -> &mut Self {
        self.buf.push(BREAK);
        self
    }

    /// `false` (`0xf4`) or `true` (`0xf5`).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().bool(false).bool(true).as_bytes(), [0xf4, 0xf5]);
    /// ```
    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.buf.push(if value { 0xf5 } else { 0xf4 });
        self
    }

    /// `null` (`0xf6`).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().null().as_bytes(), [0xf6]);
    /// ```
    pub fn null(&mut self) -> &mut Self {
        self.buf.push(0xf6);
        self
    }

    /// `undefined` (`0xf7`).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().undefined().as_bytes(), [0xf7]);
    /// ```
    pub fn undefined(&mut self) -> &mut Self {
        self.buf.push(0xf7);
        self
    }

    /// A single-precision float (`0xfa` and 4 bytes), bits as given (NaN
    /// payloads included).
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().f32(100000.0).as_bytes(), [0xfa, 0x47, 0xc3, 0x50, 0x00]);
    /// ```
    pub fn f32(&mut self, value: f32) -> &mut Self {
        self.buf.push(0xfa);
        self.buf.extend_from_slice(&value.to_bits().to_be_bytes());
        self
    }

    /// A double-precision float (`0xfb` and 8 bytes), bits as given.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().f64(1.1).as_bytes(), [0xfb, 0x3f, 0xf1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a]);
    /// ```
    pub fn f64(&mut self, value: f64) -> &mut Self {
        self.buf.push(0xfb);
        self.buf.extend_from_slice(&value.to_bits().to_be_bytes());
        self
    }

    /// A tag (major type 6); the tagged item follows. Smithy timestamps are
    /// tag 1 (epoch seconds) over an integer or a float.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// assert_eq!(Encoder::new().tag(1).uint(1_363_896_240).as_bytes(), [0xc1, 0x1a, 0x51, 0x4b, 0x67, 0xb0]);
    /// ```
    pub fn tag(&mut self, tag: u64) -> &mut Self {
        self.head(major::TAG, tag)
    }

    /// Appends bytes that already are CBOR, e.g. a member name encoded
    /// once, ahead of time.
    ///
    /// ```
    /// # use awsop_runtime::codec::cbor::Encoder;
    /// let key = Encoder::new().text("name").clone().into_vec();
    /// assert_eq!(Encoder::new().raw(&key).as_bytes(), Encoder::new().text("name").as_bytes());
    /// ```
    pub fn raw(&mut self, cbor: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(cbor);
        self
    }
}
