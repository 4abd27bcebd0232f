//! Skipping a whole item, nested containers included, without recursion.

use super::head::head_at;
use super::Decoder;
use crate::codec::cbor::{major, CborError, CborErrorKind};

impl Decoder<'_> {
    /// Skips the next item whole: scalars, strings (chunks included),
    /// arrays and maps with everything in them, tags with their item.
    ///
    /// Iterative, not recursive: nesting costs one small frame per open
    /// array or map, up to the depth limit ([`CborErrorKind::DepthLimitExceeded`]).
    /// Text is not checked for UTF-8, since nothing reads it; everything
    /// else is checked as by the `read_*` methods.
    ///
    /// ```
    /// use awsop_runtime::codec::cbor::Decoder;
    /// let input = [0x82, 0x61, b'a', 0xbf, 0x01, 0x9f, 0xff, 0xff, 0x07];
    /// let mut d = Decoder::new(&input);
    /// d.skip_value().unwrap();
    /// assert_eq!(d.read_uint().unwrap(), 7);
    /// ```
    pub fn skip_value(&mut self) -> Result<(), CborError> {
        /// An open array or map.
        enum Frame {
            /// Items still to come (a map's entries count twice).
            Items(u64),
            /// Until a break; for a map, whether a key awaits its value.
            Indefinite { map: bool, key_read: bool },
        }
        let mut open: Vec<Frame> = Vec::new();
        let mut pos = self.pos;
        // Whether the item now read follows a tag (so it cannot be a break).
        let mut after_tag = false;
        loop {
            let start = pos;
            let tagged = std::mem::take(&mut after_tag);
            let head = head_at(self.input, pos)?;
            pos += head.len;
            match head.major {
                major::UNSIGNED | major::NEGATIVE => {}
                major::BYTES | major::TEXT if head.indefinite() => {
                    pos = self.chunks(pos, head.major, |_, _| Ok(()))?;
                }
                major::BYTES | major::TEXT => pos += self.slice(pos, head.arg, start)?.len(),
                major::ARRAY | major::MAP => {
                    let map = head.major == major::MAP;
                    if self.depth + open.len() >= self.max_depth {
                        return Err(CborError::new(
                            CborErrorKind::DepthLimitExceeded {
                                limit: self.max_depth,
                            },
                            start,
                        ));
                    }
                    if head.indefinite() {
                        open.push(Frame::Indefinite {
                            map,
                            key_read: false,
                        });
                        continue;
                    }
                    let left = (self.input.len() - pos) as u64;
                    let min_item_bytes = if map { 2 } else { 1 };
                    if head.arg > left / min_item_bytes {
                        return Err(CborError::new(
                            CborErrorKind::LengthExceedsInput { declared: head.arg },
                            start,
                        ));
                    }
                    if head.arg > 0 {
                        // At most `left`, so doubling cannot overflow.
                        let items = if map { head.arg * 2 } else { head.arg };
                        open.push(Frame::Items(items));
                        continue;
                    }
                }
                // The tagged item follows and fills the same place.
                major::TAG => {
                    after_tag = true;
                    continue;
                }
                _ if head.is_break() => match open.last() {
                    Some(Frame::Indefinite {
                        key_read: false, ..
                    }) if !tagged => {
                        open.pop();
                    }
                    _ => {
                        return Err(CborError::new(CborErrorKind::UnexpectedBreak, start));
                    }
                },
                _ => {} // simple values and floats
            }
            // An item is complete: count it in its container, closing the
            // containers it completes.
            loop {
                match open.last_mut() {
                    None => {
                        self.pos = pos;
                        return Ok(());
                    }
                    Some(Frame::Items(left)) => {
                        *left -= 1;
                        if *left > 0 {
                            break;
                        }
                        open.pop();
                    }
                    Some(Frame::Indefinite { map, key_read }) => {
                        if *map {
                            *key_read = !*key_read;
                        }
                        break;
                    }
                }
            }
        }
    }
}
