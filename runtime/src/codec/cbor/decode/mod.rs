//! Reading CBOR items from a byte slice, one at a time (a pull API).

use std::borrow::Cow;
use std::fmt;

mod container;
mod head;
mod skip;

pub use container::Container;
use head::{half_to_f64, head_at, Head};

use super::error::{CborError, CborErrorKind};
use super::{major, Type, BREAK, DEFAULT_MAX_DEPTH};

/// A pull decoder over CBOR bytes (RFC 8949): look at the next item with
/// [`Decoder::peek_type`], read it with the matching `read_*`, or skip it.
///
/// ```
/// use awsop_runtime::codec::cbor::{Decoder, Type};
/// // {"a": 1, "b": [_ 2, 3]}, the map definite, the array not.
/// let input = [0xa2, 0x61, b'a', 0x01, 0x61, b'b', 0x9f, 0x02, 0x03, 0xff];
/// let mut d = Decoder::new(&input);
/// let mut map = d.begin_map()?;
/// let mut seen = Vec::new();
/// while map.has_next(&mut d)? {
///     let key = d.read_text()?;
///     match d.peek_type()? {
///         Type::UnsignedInt => seen.push((key.into_owned(), d.read_uint()?)),
///         _ => d.skip_value()?, // an unknown member
///     }
/// }
/// d.finish()?;
/// assert_eq!(seen, [("a".to_owned(), 1)]);
/// # Ok::<(), awsop_runtime::codec::cbor::CborError>(())
/// ```
///
/// Every declared length is checked against the rest of the input before
/// anything is sliced or allocated, and every failure is a [`CborError`]
/// naming the offending byte: no input makes the decoder panic, allocate
/// more than the input's size, or recurse. A read that fails leaves the
/// position where it was.
///
/// Integers are accepted in any width (a 1 sent as 8 bytes reads as 1),
/// as RFC 8949 decoders must: only encoders are held to the shortest form.
///
/// `Debug` shows the position and sizes, never the bytes (a response may
/// carry secrets).
#[derive(Clone)]
pub struct Decoder<'a> {
    input: &'a [u8],
    // The position and depth are the container and skip modules' to move.
    pub(super) pos: usize,
    depth: usize,
    max_depth: usize,
}

impl fmt::Debug for Decoder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decoder")
            .field("position", &self.pos)
            .field("len", &self.input.len())
            .field("depth", &self.depth)
            .field("max_depth", &self.max_depth)
            .finish()
    }
}

impl<'a> Decoder<'a> {
    /// A decoder at the start of `input`, nesting limited to
    /// [`DEFAULT_MAX_DEPTH`] arrays and maps.
    pub fn new(input: &'a [u8]) -> Self {
        Decoder {
            input,
            pos: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// The same decoder, with at most `max_depth` arrays and maps open at once.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::{CborErrorKind, Decoder};
    /// let mut d = Decoder::new(&[0x81, 0x81, 0x00]).with_max_depth(1);
    /// assert_eq!(d.skip_value().unwrap_err().kind(), CborErrorKind::DepthLimitExceeded { limit: 1 });
    /// ```
    pub fn with_max_depth(mut self, max_depth: usize) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The offset of the next item.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.input.len() - self.pos
    }

    /// Whether all the input was read.
    pub fn is_at_end(&self) -> bool {
        self.pos == self.input.len()
    }

    /// `Ok` when all the input was read, else [`CborErrorKind::TrailingBytes`]
    /// (a body must be exactly one item).
    pub fn finish(&self) -> Result<(), CborError> {
        if self.is_at_end() {
            Ok(())
        } else {
            Err(CborError::new(CborErrorKind::TrailingBytes, self.pos))
        }
    }

    /// Arrays and maps open now (counted by [`Decoder::enter`]).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The most arrays and maps that may be open at once.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Counts one more open container, failing with
    /// [`CborErrorKind::DepthLimitExceeded`] past the limit. For readers
    /// that walk containers with [`Decoder::read_array_len`] /
    /// [`Decoder::read_map_len`] themselves; [`Decoder::begin_array`],
    /// [`Decoder::begin_map`] and [`Decoder::skip_value`] count on their own.
    /// Pair each success with [`Decoder::leave`].
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// let mut d = Decoder::new(&[]).with_max_depth(1);
    /// d.enter().unwrap();
    /// assert!(d.enter().is_err());
    /// d.leave();
    /// assert_eq!(d.depth(), 0);
    /// ```
    pub fn enter(&mut self) -> Result<(), CborError> {
        if self.depth >= self.max_depth {
            return Err(CborError::new(
                CborErrorKind::DepthLimitExceeded {
                    limit: self.max_depth,
                },
                self.pos,
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Counts one container closed (see [`Decoder::enter`]).
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn head(&self) -> Result<Head, CborError> {
        head_at(self.input, self.pos)
    }

    /// The head at the position if `accept` takes it, else a type error.
    fn expect(
        &self,
        expected: &'static str,
        accept: impl Fn(&Head) -> bool,
    ) -> Result<Head, CborError> {
        let head = self.head()?;
        if accept(&head) {
            Ok(head)
        } else {
            Err(self.error(CborErrorKind::UnexpectedType {
                expected,
                found: head.item_type(),
            }))
        }
    }

    fn error(&self, kind: CborErrorKind) -> CborError {
        CborError::new(kind, self.pos)
    }

    /// `len` bytes from `at`, if the input has them; the error names `item`.
    fn slice(&self, at: usize, len: u64, item: usize) -> Result<&'a [u8], CborError> {
        let available = self.input.len() - at;
        match usize::try_from(len) {
            Ok(len) if len <= available => Ok(&self.input[at..at + len]),
            _ => Err(CborError::new(
                CborErrorKind::LengthExceedsInput { declared: len },
                item,
            )),
        }
    }

    /// Walks the chunks of an indefinite-length string of major type
    /// `major` from `pos` (just after its head), handing each chunk and its
    /// offset to `each`; returns the position after the break.
    fn chunks(
        &self,
        mut pos: usize,
        major: u8,
        mut each: impl FnMut(&'a [u8], usize) -> Result<(), CborError>,
    ) -> Result<usize, CborError> {
        loop {
            let head = head_at(self.input, pos)?;
            if head.is_break() {
                return Ok(pos + 1);
            }
            // RFC 8949 §3.2.3: chunks are definite strings of the same type.
            if head.major != major || head.indefinite() {
                return Err(CborError::new(CborErrorKind::InvalidChunk, pos));
            }
            let chunk = self.slice(pos + head.len, head.arg, pos)?;
            each(chunk, pos)?;
            pos += head.len + chunk.len();
        }
    }

    /// The type of the next item, without reading it. Fails on a head that
    /// is not well-formed, or at the end of the input.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::{Decoder, Type};
    /// assert_eq!(Decoder::new(&[0xf9, 0x3c, 0x00]).peek_type().unwrap(), Type::Float);
    /// assert_eq!(Decoder::new(&[0xf0]).peek_type().unwrap(), Type::Simple);
    /// assert!(Decoder::new(&[0x1c]).peek_type().is_err()); // reserved
    /// ```
    pub fn peek_type(&self) -> Result<Type, CborError> {
        Ok(self.head()?.item_type())
    }

    /// An unsigned integer (major type 0), in any width.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// assert_eq!(Decoder::new(&[0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).read_uint().unwrap(), u64::MAX);
    /// assert_eq!(Decoder::new(&[0x1b, 0, 0, 0, 0, 0, 0, 0, 1]).read_uint().unwrap(), 1);
    /// ```
    pub fn read_uint(&mut self) -> Result<u64, CborError> {
        let head = self.expect("unsigned integer", |h| h.major == major::UNSIGNED)?;
        self.pos += head.len;
        Ok(head.arg)
    }

    /// An integer (major type 0 or 1) that fits an `i64`, else
    /// [`CborErrorKind::IntegerOverflow`].
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::{CborErrorKind, Decoder};
    /// assert_eq!(Decoder::new(&[0x39, 0x03, 0xe7]).read_int().unwrap(), -1000);
    /// let minus_2_64 = [0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    /// assert_eq!(Decoder::new(&minus_2_64).read_int().unwrap_err().kind(), CborErrorKind::IntegerOverflow);
    /// ```
    pub fn read_int(&mut self) -> Result<i64, CborError> {
        let head = self.expect("integer", |h| h.major <= major::NEGATIVE)?;
        let value = i64::try_from(head.arg).map(|n| {
            if head.major == major::UNSIGNED {
                n
            } else {
                // n <= i64::MAX, so -1 - n >= i64::MIN.
                -1 - n
            }
        });
        let value = value.map_err(|_| self.error(CborErrorKind::IntegerOverflow))?;
        self.pos += head.len;
        Ok(value)
    }

    /// Any integer (major type 0 or 1): CBOR's whole range, -2^64 to 2^64 - 1.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// let minus_2_64 = [0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
    /// assert_eq!(Decoder::new(&minus_2_64).read_integer().unwrap(), -(1i128 << 64));
    /// ```
    pub fn read_integer(&mut self) -> Result<i128, CborError> {
        let head = self.expect("integer", |h| h.major <= major::NEGATIVE)?;
        self.pos += head.len;
        let n = i128::from(head.arg);
        Ok(if head.major == major::UNSIGNED {
            n
        } else {
            -1 - n
        })
    }

    /// A byte string (major type 2): borrowed from the input when definite,
    /// its chunks joined when indefinite.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// use std::borrow::Cow;
    /// assert!(matches!(Decoder::new(&[0x42, 1, 2]).read_bytes().unwrap(), Cow::Borrowed([1, 2])));
    /// let chunked = [0x5f, 0x42, 1, 2, 0x43, 3, 4, 5, 0xff];
    /// assert_eq!(*Decoder::new(&chunked).read_bytes().unwrap(), [1, 2, 3, 4, 5]);
    /// ```
    pub fn read_bytes(&mut self) -> Result<Cow<'a, [u8]>, CborError> {
        let start = self.pos;
        let head = self.expect("byte string", |h| h.major == major::BYTES)?;
        let body = start + head.len;
        if !head.indefinite() {
            let bytes = self.slice(body, head.arg, start)?;
            self.pos = body + bytes.len();
            return Ok(Cow::Borrowed(bytes));
        }
        let mut joined = Vec::new();
        let end = self.chunks(body, major::BYTES, |chunk, _| {
            joined.extend_from_slice(chunk);
            Ok(())
        })?;
        self.pos = end;
        Ok(Cow::Owned(joined))
    }

    /// A text string (major type 3): borrowed from the input when definite,
    /// its chunks joined when indefinite. Each chunk must be UTF-8 on its own
    /// (RFC 8949 §3.2.3), else [`CborErrorKind::InvalidUtf8`].
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::{CborErrorKind, Decoder};
    /// let chunked = [0x7f, 0x65, b's', b't', b'r', b'e', b'a', 0x64, b'm', b'i', b'n', b'g', 0xff];
    /// assert_eq!(Decoder::new(&chunked).read_text().unwrap(), "streaming");
    /// let latin1 = [0x62, 0xfc, 0x21];
    /// assert_eq!(Decoder::new(&latin1).read_text().unwrap_err().kind(), CborErrorKind::InvalidUtf8);
    /// ```
    pub fn read_text(&mut self) -> Result<Cow<'a, str>, CborError> {
        let start = self.pos;
        let head = self.expect("text string", |h| h.major == major::TEXT)?;
        let body = start + head.len;
        let utf8 = |bytes, at| {
            std::str::from_utf8(bytes).map_err(|_| CborError::new(CborErrorKind::InvalidUtf8, at))
        };
        if !head.indefinite() {
            let bytes = self.slice(body, head.arg, start)?;
            let text = utf8(bytes, start)?;
            self.pos = body + bytes.len();
            return Ok(Cow::Borrowed(text));
        }
        let mut joined = String::new();
        let end = self.chunks(body, major::TEXT, |chunk, at| {
            joined.push_str(utf8(chunk, at)?);
            Ok(())
        })?;
        self.pos = end;
        Ok(Cow::Owned(joined))
    }

    fn read_simple_info(&mut self, expected: &'static str, info: u8) -> Result<(), CborError> {
        let head = self.expect(expected, |h| h.major == major::SIMPLE && h.info == info)?;
        self.pos += head.len;
        Ok(())
    }

    /// `false` or `true`.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// assert!(Decoder::new(&[0xf5]).read_bool().unwrap());
    /// assert!(Decoder::new(&[0x01]).read_bool().is_err());
    /// ```
    pub fn read_bool(&mut self) -> Result<bool, CborError> {
        let head = self.expect("boolean", |h| {
            h.major == major::SIMPLE && (h.info == 20 || h.info == 21)
        })?;
        self.pos += head.len;
        Ok(head.info == 21)
    }

    /// `null`.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// let mut d = Decoder::new(&[0xf6]);
    /// d.read_null().unwrap();
    /// assert!(d.is_at_end());
    /// ```
    pub fn read_null(&mut self) -> Result<(), CborError> {
        self.read_simple_info("null", 22)
    }

    /// `undefined`.
    pub fn read_undefined(&mut self) -> Result<(), CborError> {
        self.read_simple_info("undefined", 23)
    }

    /// Any simple value (`false`, `true`, `null` and `undefined` are 20 to
    /// 23; the others have no meaning here), e.g. to read past an
    /// unassigned one.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// assert_eq!(Decoder::new(&[0xf0]).read_simple().unwrap(), 16);
    /// assert_eq!(Decoder::new(&[0xf8, 0xff]).read_simple().unwrap(), 255);
    /// assert!(Decoder::new(&[0xf8, 0x10]).read_simple().is_err()); // not well-formed
    /// ```
    pub fn read_simple(&mut self) -> Result<u8, CborError> {
        let head = self.expect("simple value", |h| h.major == major::SIMPLE && h.info <= 24)?;
        self.pos += head.len;
        Ok(head.arg as u8)
    }

    /// A float in any of CBOR's widths, half (`0xf9`, decoded as RFC 8949
    /// Appendix D does), single (`0xfa`) or double (`0xfb`), widened to
    /// `f64` exactly. NaN and the infinities included.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// assert_eq!(Decoder::new(&[0xf9, 0x3e, 0x00]).read_f64().unwrap(), 1.5);
    /// assert_eq!(Decoder::new(&[0xf9, 0x00, 0x01]).read_f64().unwrap(), 5.960464477539063e-8);
    /// assert_eq!(Decoder::new(&[0xfa, 0xff, 0x80, 0, 0]).read_f64().unwrap(), f64::NEG_INFINITY);
    /// assert!(Decoder::new(&[0xf9, 0x7e, 0x00]).read_f64().unwrap().is_nan());
    /// ```
    pub fn read_f64(&mut self) -> Result<f64, CborError> {
        let head = self.expect("float", |h| {
            h.major == major::SIMPLE && (25..=27).contains(&h.info)
        })?;
        self.pos += head.len;
        Ok(match head.info {
            25 => half_to_f64(head.arg as u16),
            26 => f64::from(f32::from_bits(head.arg as u32)),
            _ => f64::from_bits(head.arg),
        })
    }

    /// The head of an array: `Some(len)`, or `None` for indefinite length
    /// (items until a break, see [`Decoder::is_break`]). A length larger
    /// than the bytes left is an error (every item takes at least one).
    ///
    /// Does not count nesting; [`Decoder::begin_array`] does.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::{CborErrorKind, Decoder};
    /// assert_eq!(Decoder::new(&[0x83, 1, 2, 3]).read_array_len().unwrap(), Some(3));
    /// assert_eq!(Decoder::new(&[0x9f, 0xff]).read_array_len().unwrap(), None);
    /// let huge = [0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
    /// assert!(matches!(
    ///     Decoder::new(&huge).read_array_len().unwrap_err().kind(),
    ///     CborErrorKind::LengthExceedsInput { .. }
    /// ));
    /// ```
    pub fn read_array_len(&mut self) -> Result<Option<u64>, CborError> {
        self.read_container_len("array", major::ARRAY, 1)
    }

    /// The head of a map: `Some(entries)`, or `None` for indefinite length.
    /// An entry count larger than half the bytes left is an error.
    ///
    /// Does not count nesting; [`Decoder::begin_map`] does.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// assert_eq!(Decoder::new(&[0xa1, 1, 2]).read_map_len().unwrap(), Some(1));
    /// assert!(Decoder::new(&[0xa2, 1, 2]).read_map_len().is_err());
    /// ```
    pub fn read_map_len(&mut self) -> Result<Option<u64>, CborError> {
        self.read_container_len("map", major::MAP, 2)
    }

    fn read_container_len(
        &mut self,
        expected: &'static str,
        major: u8,
        min_item_bytes: u64,
    ) -> Result<Option<u64>, CborError> {
        let head = self.expect(expected, |h| h.major == major)?;
        if head.indefinite() {
            self.pos += head.len;
            return Ok(None);
        }
        let left = (self.input.len() - self.pos - head.len) as u64;
        if head.arg > left / min_item_bytes {
            return Err(self.error(CborErrorKind::LengthExceedsInput { declared: head.arg }));
        }
        self.pos += head.len;
        Ok(Some(head.arg))
    }

    /// Reads an array's head and enters one nesting level; loop on
    /// [`Container::has_next`], reading one item each time.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// let mut d = Decoder::new(&[0x9f, 0x01, 0x02, 0xff]);
    /// let mut list = d.begin_array()?;
    /// let mut items = Vec::new();
    /// while list.has_next(&mut d)? {
    ///     items.push(d.read_uint()?);
    /// }
    /// assert_eq!((items, d.depth()), (vec![1, 2], 0));
    /// # Ok::<(), awsop_runtime::codec::cbor::CborError>(())
    /// ```
    pub fn begin_array(&mut self) -> Result<Container, CborError> {
        self.enter()?;
        match self.read_array_len() {
            Ok(left) => Ok(Container::new(left)),
            Err(e) => {
                self.leave();
                Err(e)
            }
        }
    }

    /// Reads a map's head and enters one nesting level; loop on
    /// [`Container::has_next`], reading a key and a value each time (see
    /// the [`Decoder`] example).
    pub fn begin_map(&mut self) -> Result<Container, CborError> {
        self.enter()?;
        match self.read_map_len() {
            Ok(left) => Ok(Container::new(left)),
            Err(e) => {
                self.leave();
                Err(e)
            }
        }
    }

    /// Whether the next byte is a break (`0xff`), which ends an
    /// indefinite-length array or map. The end of the input is an error: a
    /// container was left open.
    pub fn is_break(&self) -> Result<bool, CborError> {
        match self.input.get(self.pos) {
            Some(&byte) => Ok(byte == BREAK),
            None => Err(self.error(CborErrorKind::UnexpectedEof)),
        }
    }

    /// Consumes a break (`0xff`).
    pub fn read_break(&mut self) -> Result<(), CborError> {
        self.expect("break", Head::is_break)?;
        self.pos += 1;
        Ok(())
    }

    /// A tag's number (major type 6); the tagged item follows.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// // 1(1363896240): a timestamp in epoch seconds.
    /// let mut d = Decoder::new(&[0xc1, 0x1a, 0x51, 0x4b, 0x67, 0xb0]);
    /// assert_eq!(d.read_tag().unwrap(), 1);
    /// assert_eq!(d.read_uint().unwrap(), 1_363_896_240);
    /// ```
    pub fn read_tag(&mut self) -> Result<u64, CborError> {
        let head = self.expect("tag", |h| h.major == major::TAG)?;
        self.pos += head.len;
        Ok(head.arg)
    }
}
