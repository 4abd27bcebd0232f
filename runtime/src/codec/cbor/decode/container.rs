//! Walking an array or map item by item.

use super::Decoder;
use crate::codec::cbor::CborError;

/// An array or map being read with [`Decoder::begin_array`] or
/// [`Decoder::begin_map`]: loop on [`Container::has_next`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Container {
    /// Items (entries, for a map) left; `None` for indefinite length.
    left: Option<u64>,
    done: bool,
}

impl Container {
    /// A container of `left` items (entries), or until a break for `None`.
    pub(super) fn new(left: Option<u64>) -> Self {
        Container { left, done: false }
    }

    /// The items (entries, for a map) not yet read, or `None` when the
    /// length is indefinite.
    ///
    /// Never more than the bytes left in the input (the decoder checked),
    /// so it can size a `Vec`; a reader of large items should still cap it.
    pub fn remaining(&self) -> Option<u64> {
        self.left
    }

    /// Whether another item (or map entry: a key and its value) follows;
    /// read it before calling again. At the end of the container — its
    /// count reached, or its break consumed — returns `false` and leaves
    /// the nesting level [`Decoder::begin_array`] / [`Decoder::begin_map`]
    /// entered.
    pub fn has_next(&mut self, decoder: &mut Decoder<'_>) -> Result<bool, CborError> {
        if self.done {
            return Ok(false);
        }
        let more = match &mut self.left {
            Some(0) => false,
            Some(left) => {
                *left -= 1;
                true
            }
            None => {
                if decoder.is_break()? {
                    decoder.pos += 1; // the break
                    false
                } else {
                    true
                }
            }
        };
        if !more {
            self.done = true;
            decoder.leave();
        }
        Ok(more)
    }
}
