//! [`CborShapeReader`]: shapes from CBOR, for rpcv2Cbor.

use std::collections::HashMap;

use super::shape_writer::EPOCH_TAG;
use super::{CborError, CborErrorKind, Decoder, Type};
use crate::error::ParseError;
use crate::shape::{Field, Member, ReadValue, ShapeReader, StructSchema, ROOT};
use crate::value::{Blob, DateTime, Document, Number};

/// Reads shapes from CBOR: the mirror of
/// [`CborShapeWriter`](super::CborShapeWriter). Definite and indefinite
/// lengths are read alike; integers of any width, floats of any width,
/// `null` and `undefined` as absent; a timestamp is tag 1 over a number
/// (the tag may be left out); unknown members are skipped.
///
/// ```
/// use awsop_runtime::codec::cbor::CborShapeReader;
/// // [_ 1, 2] (indefinite length)
/// let list: Vec<i32> = CborShapeReader::read_document(&[0x9f, 0x01, 0x02, 0xff]).unwrap();
/// assert_eq!(list, [1, 2]);
/// ```
#[derive(Debug)]
pub struct CborShapeReader<'a> {
    cbor: Decoder<'a>,
}

fn error(e: CborError) -> ParseError {
    match e.kind() {
        CborErrorKind::UnexpectedType { expected, found } => {
            ParseError::mismatch(expected, type_described(found))
        }
        _ => ParseError::new(format!("the response body is not valid CBOR: {e}")),
    }
}

fn type_described(t: Type) -> &'static str {
    match t {
        Type::UnsignedInt | Type::NegativeInt => "an integer",
        Type::Bytes => "a byte string",
        Type::Text => "a text string",
        Type::Array => "an array",
        Type::Map => "a map",
        Type::Tag => "a tag",
        Type::Bool => "a boolean",
        Type::Null | Type::Undefined => "null",
        Type::Float => "a float",
        Type::Simple => "a simple value",
        Type::Break => "a break",
    }
}

/// How deep a response's items may nest when read as shapes: the JSON
/// reader's limit. Documents are read recursively, and at the decoder's
/// general limit (256) a hostile body overflowed a 2 MiB thread stack in
/// debug builds while the call's future was being polled.
const SHAPE_MAX_DEPTH: usize = crate::codec::json::MAX_DEPTH as usize;

impl<'a> CborShapeReader<'a> {
    /// A reader at the start of `body`.
    pub fn new(body: &'a [u8]) -> Self {
        CborShapeReader {
            cbor: Decoder::new(body).with_max_depth(SHAPE_MAX_DEPTH),
        }
    }

    /// Reads a whole CBOR item as `T`; nothing may follow it.
    pub fn read_document<T: ReadValue>(body: &'a [u8]) -> Result<T, ParseError> {
        let mut r = CborShapeReader::new(body);
        let value = T::read(&mut r, &ROOT)?;
        r.cbor.finish().map_err(error)?;
        Ok(value)
    }

    fn peek(&self) -> Result<Type, ParseError> {
        self.cbor.peek_type().map_err(error)
    }

    /// Skips tags (other than those a value is read by) in front of an item.
    fn untag(&mut self) -> Result<(), ParseError> {
        while self.peek()? == Type::Tag {
            self.cbor.read_tag().map_err(error)?;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<f64, ParseError> {
        match self.peek()? {
            Type::UnsignedInt | Type::NegativeInt => {
                let n = self.cbor.read_integer().map_err(error)?;
                Ok(n as f64)
            }
            Type::Float => self.cbor.read_f64().map_err(error),
            found => Err(ParseError::mismatch("a number", type_described(found))),
        }
    }

    fn document_value(&mut self) -> Result<Document, ParseError> {
        self.untag()?;
        Ok(match self.peek()? {
            Type::Null | Type::Undefined => {
                self.cbor.skip_value().map_err(error)?;
                Document::Null
            }
            Type::Bool => Document::Bool(self.cbor.read_bool().map_err(error)?),
            Type::UnsignedInt => {
                Document::Number(Number::PosInt(self.cbor.read_uint().map_err(error)?))
            }
            Type::NegativeInt => match self.cbor.read_int() {
                Ok(n) => Document::Number(Number::NegInt(n)),
                Err(_) => Document::Number(Number::Float(self.number()?)),
            },
            Type::Float => Document::Number(Number::Float(self.cbor.read_f64().map_err(error)?)),
            Type::Text => Document::String(self.cbor.read_text().map_err(error)?.into_owned()),
            Type::Bytes => Document::String(
                String::from_utf8_lossy(&self.cbor.read_bytes().map_err(error)?).into_owned(),
            ),
            Type::Array => {
                let mut list = self.cbor.begin_array().map_err(error)?;
                let mut items = Vec::new();
                while list.has_next(&mut self.cbor).map_err(error)? {
                    items.push(self.document_value()?);
                }
                Document::Array(items)
            }
            Type::Map => {
                let mut map = self.cbor.begin_map().map_err(error)?;
                let mut entries = HashMap::new();
                while map.has_next(&mut self.cbor).map_err(error)? {
                    let key = self.cbor.read_text().map_err(error)?.into_owned();
                    entries.insert(key, self.document_value()?);
                }
                Document::Object(entries)
            }
            found => {
                return Err(ParseError::mismatch("a document", type_described(found)));
            }
        })
    }
}

impl ShapeReader for CborShapeReader<'_> {
    fn string(&mut self, _: &Member) -> Result<String, ParseError> {
        self.cbor.read_text().map(|t| t.into_owned()).map_err(error)
    }

    fn boolean(&mut self, _: &Member) -> Result<bool, ParseError> {
        self.cbor.read_bool().map_err(error)
    }

    fn integer(&mut self, _: &Member) -> Result<i64, ParseError> {
        self.cbor.read_int().map_err(|e| match e.kind() {
            CborErrorKind::IntegerOverflow => ParseError::new("an integer out of range for i64"),
            _ => error(e),
        })
    }

    fn double(&mut self, _: &Member) -> Result<f64, ParseError> {
        self.number()
    }

    fn blob(&mut self, _: &Member) -> Result<Blob, ParseError> {
        self.cbor
            .read_bytes()
            .map(|b| Blob::new(b.into_owned()))
            .map_err(error)
    }

    fn timestamp(&mut self, _: &Member) -> Result<DateTime, ParseError> {
        if self.peek()? == Type::Tag {
            let tag = self.cbor.read_tag().map_err(error)?;
            if tag != EPOCH_TAG {
                return Err(ParseError::new(format!(
                    "expected a timestamp (tag 1), found tag {tag}"
                )));
            }
        }
        match self.peek()? {
            Type::UnsignedInt | Type::NegativeInt => {
                let secs = self.cbor.read_int().map_err(error)?;
                Ok(DateTime::from_secs(secs))
            }
            _ => Ok(DateTime::from_secs_f64(self.number()?)),
        }
    }

    fn document(&mut self, _: &Member) -> Result<Document, ParseError> {
        self.document_value()
    }

    fn null(&mut self) -> Result<bool, ParseError> {
        match self.peek()? {
            Type::Null | Type::Undefined => {
                self.cbor.skip_value().map_err(error)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn skip(&mut self) -> Result<(), ParseError> {
        self.cbor.skip_value().map_err(error)
    }

    fn list<F>(&mut self, m: &Member, mut item: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &Member) -> Result<(), ParseError>,
    {
        let mut list = self.cbor.begin_array().map_err(error)?;
        let element = m.list_item();
        let mut index = 0;
        while list.has_next(&mut self.cbor).map_err(error)? {
            item(self, &element).map_err(|e| e.in_index(index))?;
            index += 1;
        }
        Ok(())
    }

    fn map<F>(&mut self, m: &Member, mut entry: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &str, &Member) -> Result<(), ParseError>,
    {
        let mut map = self.cbor.begin_map().map_err(error)?;
        let value = m.map_value();
        while map.has_next(&mut self.cbor).map_err(error)? {
            let key = self.cbor.read_text().map_err(error)?;
            entry(self, &key, &value).map_err(|e| e.in_key(&key))?;
        }
        Ok(())
    }

    fn structure<F>(
        &mut self,
        _: &Member,
        schema: &StructSchema,
        mut member: F,
    ) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, Field<'_>) -> Result<(), ParseError>,
    {
        let mut map = self.cbor.begin_map().map_err(error)?;
        let mut expected = 0;
        while map.has_next(&mut self.cbor).map_err(error)? {
            let key = self.cbor.read_text().map_err(error)?;
            match schema.position_from(expected, &key) {
                Some(i) => {
                    expected = i + 1;
                    member(self, Field::Known(i)).map_err(|e| e.in_field(schema.members[i].name))?
                }
                None => member(self, Field::Unknown(&key))?,
            }
        }
        Ok(())
    }
}
