//! [`JsonShapeReader`]: shapes from JSON, for restJson1 and awsJson.

use std::collections::HashMap;

use super::{JsonKind, JsonReader};
use crate::encoding::base64;
use crate::error::ParseError;
use crate::shape::{Field, Member, ReadValue, ShapeReader, StructSchema, ROOT};
use crate::value::{Blob, DateTime, Document, Location, Number, TimestampFormat};

/// Reads shapes from a JSON text: the mirror of
/// [`JsonShapeWriter`](super::JsonShapeWriter). Timestamps are read from
/// epoch-seconds numbers or from strings in any of the three formats
/// (preferring the member's); unknown members are skipped; values are
/// checked against the JSON grammar even when skipped.
///
/// ```
/// use awsop_runtime::codec::json::JsonShapeReader;
/// let sparse: Vec<Option<String>> = JsonShapeReader::read_document(br#"["a", null, "b"]"#).unwrap();
/// assert_eq!(sparse, [Some("a".into()), None, Some("b".into())]);
/// let dense: Vec<String> = JsonShapeReader::read_document(br#"["a", null, "b"]"#).unwrap();
/// assert_eq!(dense, ["a", "b"]);
/// ```
#[derive(Debug)]
pub struct JsonShapeReader<'a> {
    json: JsonReader<'a>,
}

impl<'a> JsonShapeReader<'a> {
    /// A reader at the start of `body`.
    pub fn new(body: &'a [u8]) -> Self {
        JsonShapeReader {
            json: JsonReader::new(body),
        }
    }

    /// Reads a whole JSON text as `T`; only whitespace may follow it.
    pub fn read_document<T: ReadValue>(body: &'a [u8]) -> Result<T, ParseError> {
        let mut r = JsonShapeReader::new(body);
        let value = T::read(&mut r, &ROOT)?;
        r.json.finish()?;
        Ok(value)
    }

    fn document_value(&mut self) -> Result<Document, ParseError> {
        Ok(match self.json.peek()? {
            JsonKind::Null => {
                self.json.null()?;
                Document::Null
            }
            JsonKind::Bool => Document::Bool(self.json.bool()?),
            JsonKind::Number => Document::Number(number(self.json.number_text()?)),
            JsonKind::String => Document::String(self.json.string()?.into_owned()),
            JsonKind::Array => {
                self.json.begin_array()?;
                let mut items = Vec::new();
                let mut first = true;
                while self.json.next_item(&mut first)? {
                    items.push(self.document_value()?);
                }
                Document::Array(items)
            }
            JsonKind::Object => {
                self.json.begin_object()?;
                let mut entries = HashMap::new();
                let mut first = true;
                while let Some(key) = self.json.next_key(&mut first)? {
                    let value = self.document_value()?;
                    entries.insert(key.into_owned(), value);
                }
                Document::Object(entries)
            }
        })
    }
}

/// A document number: an integer when it is written as one and fits,
/// else a float.
fn number(text: &str) -> Number {
    let integral = !text.contains(['.', 'e', 'E']);
    if integral {
        if let Ok(n) = text.parse::<u64>() {
            return Number::PosInt(n);
        }
        if let Ok(n) = text.parse::<i64>() {
            return Number::NegInt(n);
        }
    }
    // The grammar was checked: this parses (huge values become infinite).
    Number::Float(text.parse().unwrap_or(f64::NAN))
}

impl ShapeReader for JsonShapeReader<'_> {
    fn string(&mut self, _: &Member) -> Result<String, ParseError> {
        self.json.string().map(|s| s.into_owned())
    }

    fn boolean(&mut self, _: &Member) -> Result<bool, ParseError> {
        self.json.bool()
    }

    fn integer(&mut self, _: &Member) -> Result<i64, ParseError> {
        if self.json.peek()? != JsonKind::Number {
            return Err(self.json.mismatch("an integer"));
        }
        let text = self.json.number_text()?;
        text.parse()
            .map_err(|_| ParseError::mismatch("an integer", "a number"))
    }

    fn double(&mut self, _: &Member) -> Result<f64, ParseError> {
        match self.json.peek()? {
            JsonKind::Number => Ok(self.json.number_text()?.parse().unwrap_or(f64::NAN)),
            JsonKind::String => match &*self.json.string()? {
                "NaN" => Ok(f64::NAN),
                "Infinity" => Ok(f64::INFINITY),
                "-Infinity" => Ok(f64::NEG_INFINITY),
                _ => Err(ParseError::mismatch("a number", "a string")),
            },
            _ => Err(self.json.mismatch("a number")),
        }
    }

    fn blob(&mut self, _: &Member) -> Result<Blob, ParseError> {
        if self.json.peek()? != JsonKind::String {
            return Err(self.json.mismatch("a base64 string"));
        }
        let text = self.json.string()?;
        base64::decode(&text)
            .map(Blob::from)
            .map_err(|e| ParseError::new(e.to_string()))
    }

    fn timestamp(&mut self, m: &Member) -> Result<DateTime, ParseError> {
        match self.json.peek()? {
            JsonKind::Number => {
                let text = self.json.number_text()?;
                if let Ok(secs) = text.parse::<i64>() {
                    return Ok(DateTime::from_secs(secs));
                }
                // The text keeps every digit the service sent; the f64 is
                // the fallback for exponent forms.
                DateTime::parse(text, TimestampFormat::EpochSeconds).or_else(|_| {
                    text.parse::<f64>()
                        .map(DateTime::from_secs_f64)
                        .map_err(|_| ParseError::mismatch("a timestamp", "a number"))
                })
            }
            JsonKind::String => {
                let preferred = TimestampFormat::resolve(m.timestamp_format, Location::JsonBody);
                DateTime::parse_any(&self.json.string()?, preferred)
            }
            _ => Err(self.json.mismatch("a timestamp")),
        }
    }

    fn document(&mut self, _: &Member) -> Result<Document, ParseError> {
        self.document_value()
    }

    fn null(&mut self) -> Result<bool, ParseError> {
        self.json.null()
    }

    fn skip(&mut self) -> Result<(), ParseError> {
        self.json.skip()
    }

    fn list<F>(&mut self, m: &Member, mut item: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &Member) -> Result<(), ParseError>,
    {
        self.json.begin_array()?;
        let element = m.list_item();
        let mut first = true;
        let mut index = 0;
        while self.json.next_item(&mut first)? {
            item(self, &element).map_err(|e| e.in_index(index))?;
            index += 1;
        }
        Ok(())
    }

    fn map<F>(&mut self, m: &Member, mut entry: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &str, &Member) -> Result<(), ParseError>,
    {
        self.json.begin_object()?;
        let value = m.map_value();
        let mut first = true;
        while let Some(key) = self.json.next_key(&mut first)? {
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
        self.json.begin_object()?;
        let mut first = true;
        let mut expected = 0;
        while let Some(key) = self.json.next_key(&mut first)? {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: ReadValue>(text: &str) -> Result<T, ParseError> {
        JsonShapeReader::read_document(text.as_bytes()).map_err(|e| e.in_root("Out"))
    }

    #[test]
    fn errors_name_the_path() {
        let err = read::<Vec<HashMap<String, i32>>>(r#"[{"a": 1}, {"b": "x"}]"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected an integer at `Out[1][\"b\"]`, found a string"
        );
        let err = read::<i8>("300").unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
    }

    #[test]
    fn timestamps_in_any_form() {
        assert_eq!(
            read::<DateTime>("946845296.123").unwrap(),
            DateTime::from_millis(946_845_296_123)
        );
        assert_eq!(
            read::<DateTime>("\"2000-01-02T20:34:56.123Z\"").unwrap(),
            DateTime::from_millis(946_845_296_123)
        );
        assert_eq!(read::<DateTime>("1e3").unwrap(), DateTime::from_secs(1000));
    }

    #[test]
    fn floats_and_blobs() {
        assert!(read::<f64>("\"NaN\"").unwrap().is_nan());
        assert_eq!(read::<f32>("\"-Infinity\"").unwrap(), f32::NEG_INFINITY);
        assert!(read::<f64>("\"nan\"").is_err());
        assert_eq!(read::<Blob>("\"Zm9v\"").unwrap(), Blob::new("foo"));
        assert!(read::<Blob>("\"***\"").is_err());
        assert!(read::<i32>("1.5").is_err());
    }

    #[test]
    fn documents_keep_number_kinds() {
        let doc = read::<Document>(r#"{"a": [1, -2, 1.5, 18446744073709551615, null]}"#).unwrap();
        let items = doc.as_object().unwrap()["a"].as_array().unwrap().clone();
        assert_eq!(
            items,
            vec![
                Document::Number(Number::PosInt(1)),
                Document::Number(Number::NegInt(-2)),
                Document::Number(Number::Float(1.5)),
                Document::Number(Number::PosInt(u64::MAX)),
                Document::Null,
            ]
        );
    }
}
