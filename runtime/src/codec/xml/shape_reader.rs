//! [`XmlShapeReader`]: shapes from XML, for restXml, awsQuery and ec2Query
//! responses.

use std::borrow::Cow;

use super::{XmlEvent, XmlReader};
use crate::encoding::base64;
use crate::error::ParseError;
use crate::shape::{Field, Member, ReadValue, ShapeReader, StructSchema, ROOT};
use crate::value::{parse_float, Blob, DateTime, Document, Location, TimestampFormat};

/// Reads shapes from XML: the mirror of
/// [`XmlShapeWriter`](super::XmlShapeWriter). XML does not describe itself,
/// so each value reads what its type expects: text for scalars (trimmed for
/// numbers, booleans, timestamps and blobs; strings exactly), child elements
/// for structures (matched by wire name; attributes for `xml_attribute`
/// members), items for lists (or the repeated elements of a flattened one),
/// entries for maps. Unknown elements are skipped; namespaces are ignored.
///
/// ```
/// use awsop_runtime::codec::xml::XmlShapeReader;
/// let names: Vec<String> = XmlShapeReader::read_document(b"<names><member>a</member><member> b </member></names>").unwrap();
/// assert_eq!(names, ["a", " b "]);
/// ```
#[derive(Debug)]
pub struct XmlShapeReader<'a> {
    xml: XmlReader<'a>,
    /// The attributes of the element being read.
    attributes: Vec<(&'a str, Cow<'a, str>)>,
    /// An attribute's value, standing in for the next scalar read.
    pending_attribute: Option<Cow<'a, str>>,
}

/// A member standing for each element of a flattened list: the member's
/// own name, with the options of what it holds.
fn flattened_element(m: &Member) -> Member {
    Member {
        xml: m.inner_xml(),
        ..*m
    }
}

impl<'a> XmlShapeReader<'a> {
    /// A reader before the root element of `body`.
    pub fn new(body: &'a [u8]) -> Result<Self, ParseError> {
        Ok(XmlShapeReader {
            xml: XmlReader::new(body)?,
            attributes: Vec::new(),
            pending_attribute: None,
        })
    }

    /// Reads a whole document whose root element is `T`.
    pub fn read_document<T: ReadValue>(body: &'a [u8]) -> Result<T, ParseError> {
        let mut r = XmlShapeReader::new(body)?;
        r.enter_root()?;
        let value = T::read(&mut r, &ROOT)?;
        r.finish()?;
        Ok(value)
    }

    /// Moves into the root element; returns its name.
    pub fn enter_root(&mut self) -> Result<&'a str, ParseError> {
        loop {
            match self.xml.next()? {
                XmlEvent::Start { name, attributes } => {
                    self.attributes = attributes;
                    return Ok(name);
                }
                XmlEvent::Text(_) => continue,
                XmlEvent::End | XmlEvent::Eof => {
                    return Err(ParseError::new("the response body has no XML element"))
                }
            }
        }
    }

    /// Moves into the first child element of the current one whose name
    /// is one of `names` (skipping the others); `None` when there is none
    /// (the current element is then finished).
    pub fn enter_child(&mut self, names: &[&str]) -> Result<Option<&'a str>, ParseError> {
        loop {
            match self.xml.next()? {
                XmlEvent::Start { name, attributes } => {
                    if names.contains(&name) {
                        self.attributes = attributes;
                        return Ok(Some(name));
                    }
                    self.skip_element()?;
                }
                XmlEvent::Text(_) => {}
                XmlEvent::End => return Ok(None),
                XmlEvent::Eof => return Err(ParseError::new("the XML document ends early")),
            }
        }
    }

    /// Finishes the current element, skipping what is left of it.
    pub fn leave(&mut self) -> Result<(), ParseError> {
        self.skip_element()
    }

    /// Reads the rest of the document, which may hold only the ends of the
    /// elements entered.
    pub fn finish(&mut self) -> Result<(), ParseError> {
        loop {
            match self.xml.next()? {
                XmlEvent::Eof => return Ok(()),
                XmlEvent::Start { .. } => self.skip_element()?,
                XmlEvent::Text(_) | XmlEvent::End => {}
            }
        }
    }

    /// Skips to the end of the current element.
    fn skip_element(&mut self) -> Result<(), ParseError> {
        let mut depth = 0usize;
        loop {
            match self.xml.next()? {
                XmlEvent::Start { .. } => depth += 1,
                XmlEvent::End if depth == 0 => return Ok(()),
                XmlEvent::End => depth -= 1,
                XmlEvent::Text(_) => {}
                XmlEvent::Eof => return Err(ParseError::new("the XML document ends early")),
            }
        }
    }

    /// The current element's text (or the pending attribute's value),
    /// through the element's end.
    fn text(&mut self) -> Result<Cow<'a, str>, ParseError> {
        if let Some(value) = self.pending_attribute.take() {
            return Ok(value);
        }
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            match self.xml.next()? {
                XmlEvent::Text(t) if text.is_empty() => text = t,
                XmlEvent::Text(t) => text.to_mut().push_str(&t),
                XmlEvent::End => return Ok(text),
                XmlEvent::Start { name, .. } => {
                    return Err(ParseError::new(format!(
                        "expected text, found the element `<{}>`",
                        name.escape_debug()
                    )))
                }
                XmlEvent::Eof => return Err(ParseError::new("the XML document ends early")),
            }
        }
    }

    fn trimmed(&mut self) -> Result<String, ParseError> {
        Ok(self.text()?.trim().to_owned())
    }

    /// Calls `each` for every child element of the current one (positioned
    /// inside it, attributes set), through the current element's end.
    fn children(
        &mut self,
        mut each: impl FnMut(&mut Self, &'a str) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        loop {
            match self.xml.next()? {
                XmlEvent::Start { name, attributes } => {
                    self.attributes = attributes;
                    each(self, name)?;
                }
                XmlEvent::Text(_) => {}
                XmlEvent::End => return Ok(()),
                XmlEvent::Eof => return Err(ParseError::new("the XML document ends early")),
            }
        }
    }

    /// One map entry: the current element's key and value children.
    fn entry<F>(&mut self, m: &Member, entry: &mut F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &str, &Member) -> Result<(), ParseError>,
    {
        let key_member = m.map_key();
        let value_member = m.map_value();
        let mut key: Option<String> = None;
        let mut has_value = false;
        self.children(|r, name| {
            if name == key_member.name && key.is_none() {
                key = Some(r.text()?.into_owned());
                Ok(())
            } else if name == value_member.name && !has_value {
                has_value = true;
                match &key {
                    Some(k) => entry(r, k, &value_member).map_err(|e| e.in_key(k)),
                    None => Err(ParseError::new("a map entry's value comes before its key")),
                }
            } else {
                r.skip_element()
            }
        })?;
        // An entry missing its key or its value is no entry: dropping it
        // would lose what the service sent without a word (and leave a
        // flattened map present but empty, which no document can say).
        match key {
            None => Err(ParseError::new("a map entry without a key")),
            Some(k) if !has_value => Err(ParseError::new("a map entry without a value").in_key(&k)),
            Some(_) => Ok(()),
        }
    }
}

impl ShapeReader for XmlShapeReader<'_> {
    fn string(&mut self, _: &Member) -> Result<String, ParseError> {
        self.text().map(Cow::into_owned)
    }

    fn boolean(&mut self, _: &Member) -> Result<bool, ParseError> {
        match self.trimmed()?.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(ParseError::new(format!(
                "`{}` is not a boolean",
                other.escape_debug()
            ))),
        }
    }

    fn integer(&mut self, _: &Member) -> Result<i64, ParseError> {
        let text = self.trimmed()?;
        text.parse()
            .map_err(|_| ParseError::new(format!("`{}` is not an integer", text.escape_debug())))
    }

    fn double(&mut self, _: &Member) -> Result<f64, ParseError> {
        let text = self.trimmed()?;
        parse_float(&text)
            .ok_or_else(|| ParseError::new(format!("`{}` is not a number", text.escape_debug())))
    }

    fn blob(&mut self, _: &Member) -> Result<Blob, ParseError> {
        let text = self.trimmed()?;
        base64::decode(&text)
            .map(Blob::from)
            .map_err(|e| ParseError::new(e.to_string()))
    }

    fn timestamp(&mut self, m: &Member) -> Result<DateTime, ParseError> {
        let preferred = TimestampFormat::resolve(m.timestamp_format, Location::XmlBody);
        DateTime::parse_any(&self.trimmed()?, preferred)
    }

    fn document(&mut self, _: &Member) -> Result<Document, ParseError> {
        Err(ParseError::new("XML has no document type"))
    }

    fn null(&mut self) -> Result<bool, ParseError> {
        Ok(false)
    }

    fn skip(&mut self) -> Result<(), ParseError> {
        if self.pending_attribute.take().is_some() {
            return Ok(());
        }
        self.skip_element()
    }

    fn list<F>(&mut self, m: &Member, mut item: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &Member) -> Result<(), ParseError>,
    {
        if m.xml.flattened {
            // This element is one item of the list.
            return item(self, &flattened_element(m));
        }
        let element = m.list_item();
        let mut index = 0;
        self.children(|r, _| {
            item(r, &element).map_err(|e| e.in_index(index))?;
            index += 1;
            Ok(())
        })
    }

    fn map<F>(&mut self, m: &Member, mut entry: F) -> Result<(), ParseError>
    where
        F: FnMut(&mut Self, &str, &Member) -> Result<(), ParseError>,
    {
        if m.xml.flattened {
            // This element is one entry of the map.
            return self.entry(m, &mut entry);
        }
        self.children(|r, _| r.entry(m, &mut entry))
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
        // Attribute members first: they are on this element's start tag.
        let attributes = std::mem::take(&mut self.attributes);
        for (i, m) in schema.members.iter().enumerate() {
            if !m.xml.attribute {
                continue;
            }
            if let Some((_, value)) = attributes.iter().find(|(name, _)| *name == m.name) {
                self.pending_attribute = Some(value.clone());
                member(self, Field::Known(i)).map_err(|e| e.in_field(m.name))?;
                self.pending_attribute = None;
            }
        }
        let mut expected = 0;
        self.children(|r, name| {
            // Only element members: an attribute member may share the name.
            let known = schema.find_from(expected, |m| !m.xml.attribute && m.name == name);
            match known {
                Some(i) => {
                    expected = i + 1;
                    member(r, Field::Known(i)).map_err(|e| e.in_field(schema.members[i].name))
                }
                None => member(r, Field::Unknown(name)),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::shape::XmlMember;

    fn map(body: &str, flattened: bool) -> Result<HashMap<String, String>, ParseError> {
        let mut r = XmlShapeReader::new(body.as_bytes())?;
        r.enter_root()?;
        const FLATTENED: XmlMember = XmlMember {
            flattened: true,
            ..XmlMember::DEFAULT
        };
        let m = if flattened {
            Member::named("m").with_xml(&FLATTENED)
        } else {
            Member::named("m")
        };
        let mut out = HashMap::new();
        r.map(&m, |r, k, v| {
            out.insert(k.to_owned(), r.string(v)?);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn an_element_is_never_read_as_the_attribute_member_of_its_name() {
        const ATTRIBUTE: XmlMember = XmlMember {
            attribute: true,
            ..XmlMember::DEFAULT
        };
        const MEMBERS: [Member; 2] = [
            Member::named("Id").with_xml(&ATTRIBUTE),
            Member::named("Id"),
        ];
        let schema = StructSchema::new("S", &MEMBERS);
        let mut r =
            XmlShapeReader::new(br#"<S Id="from-attribute"><Id>from-element</Id></S>"#).unwrap();
        r.enter_root().unwrap();
        let mut read = Vec::new();
        r.structure(&ROOT, &schema, |r, field| {
            if let Field::Known(i) = field {
                read.push((i, r.string(&MEMBERS[i])?));
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(
            read,
            [
                (0, "from-attribute".to_owned()),
                (1, "from-element".to_owned())
            ]
        );
    }

    #[test]
    fn map_entries_missing_a_key_or_a_value_are_errors() {
        // What xml_parse found: a flattened entry with a key and no value
        // was dropped, leaving a present, empty map.
        for (body, flattened) in [
            ("<m><key>n</key></m>", true),
            ("<m><value>v</value></m>", true),
            ("<m/>", true),
            ("<m><entry><key>n</key></entry></m>", false),
            ("<m><entry><value>v</value></entry></m>", false),
            ("<m><entry/></m>", false),
        ] {
            let err = map(body, flattened).unwrap_err().to_string();
            assert!(err.contains("map entry"), "{body}: {err}");
        }
        let ok = map("<m><entry><key>a</key><value>1</value></entry></m>", false).unwrap();
        assert_eq!(ok, HashMap::from([("a".to_owned(), "1".to_owned())]));
        assert_eq!(map("<m></m>", false).unwrap(), HashMap::new());
    }
}
