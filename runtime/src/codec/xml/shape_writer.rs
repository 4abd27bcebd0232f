//! [`XmlShapeWriter`]: shapes as XML, for restXml request bodies.

use super::XmlWriter;
use crate::encoding::base64;
use crate::error::BuildError;
use crate::shape::{Member, ShapeWriter, StructSchema, XmlNamespace};
use crate::value::{float_text, DateTime, Document, Location, TimestampFormat};

/// Writes shapes as XML: each member an element named by its wire name
/// (`xml_attribute` members attributes of their structure), lists wrapped
/// (items `member`, or `xml_item`) or flattened, maps as
/// `entry`/`key`/`value` (or flattened), namespaces declared where the
/// member or structure says, timestamps date-time, blobs base64.
///
/// The outermost value is written as the element of the member it is
/// given; a structure given [`ROOT`](crate::shape::ROOT) is named by its
/// schema (`xml_name`, else the shape's name).
///
/// ```
/// use awsop_runtime::codec::xml::XmlShapeWriter;
/// use awsop_runtime::shape::{Member, WriteValue};
/// let mut w = XmlShapeWriter::with_capacity(64);
/// vec!["a".to_string()].write(&mut w, &Member::named("names"));
/// assert_eq!(w.finish().unwrap(), "<names><member>a</member></names>");
/// ```
#[derive(Debug)]
pub struct XmlShapeWriter {
    out: XmlWriter,
    /// Whether values go into a structure (so attribute members are
    /// attributes of its element).
    in_structure: bool,
    /// Elements and attributes written: 1 when only the root is.
    written: usize,
    error: Option<BuildError>,
}

impl XmlShapeWriter {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        XmlShapeWriter {
            out: XmlWriter::with_capacity(capacity),
            in_structure: false,
            written: 0,
            error: None,
        }
    }

    /// Whether nothing but the outermost element was written (a structure
    /// with no member set).
    pub fn is_bare_root(&self) -> bool {
        self.written <= 1
    }

    /// The XML text, or the first reason it cannot be sent.
    pub fn finish(self) -> Result<String, BuildError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out.into_string()),
        }
    }

    /// Opens the element of member `m` (namespace declared), unless it is
    /// an attribute.
    fn open(&mut self, m: &Member, name: &str, shape_namespace: Option<XmlNamespace>) {
        self.written += 1;
        self.out.start(name);
        let namespace = m
            .xml
            .namespace
            .or(m
                .element_namespace
                .map(|uri| XmlNamespace { uri, prefix: None }))
            .or(shape_namespace);
        if let Some(ns) = namespace {
            match ns.prefix {
                Some(prefix) => self.out.attribute(&format!("xmlns:{prefix}"), ns.uri),
                None => self.out.attribute("xmlns", ns.uri),
            }
        }
    }

    /// A scalar as member `m`: an element with text, or an attribute.
    fn scalar(&mut self, m: &Member, text: &str) {
        if m.xml.attribute && self.in_structure {
            self.written += 1;
            self.out.attribute(m.name, text);
            return;
        }
        self.open(m, m.name, None);
        self.out.text(text);
        self.out.end(m.name);
    }

    fn nested(&mut self, in_structure: bool, inside: impl FnOnce(&mut Self)) {
        let outer = self.in_structure;
        self.in_structure = in_structure;
        inside(self);
        self.in_structure = outer;
    }
}

/// A member standing for each element of a flattened list or map: the
/// member's own name and namespace, with the options of what it holds.
fn flattened_element(m: &Member) -> Member {
    Member {
        xml: m.inner_xml(),
        element_namespace: m.xml.namespace.map(|ns| ns.uri),
        ..*m
    }
}

impl ShapeWriter for XmlShapeWriter {
    // The same map makes the same document (and signature), whatever the
    // hasher's order.
    const ORDERED_MAPS: bool = true;

    fn string(&mut self, m: &Member, value: &str) {
        self.scalar(m, value);
    }

    fn boolean(&mut self, m: &Member, value: bool) {
        self.scalar(m, if value { "true" } else { "false" });
    }

    fn integer(&mut self, m: &Member, value: i64) {
        self.scalar(m, &value.to_string());
    }

    fn float(&mut self, m: &Member, value: f32) {
        self.scalar(m, &float_text(value));
    }

    fn double(&mut self, m: &Member, value: f64) {
        self.scalar(m, &float_text(value));
    }

    fn blob(&mut self, m: &Member, value: &[u8]) {
        self.scalar(m, &base64::encode(value));
    }

    fn timestamp(&mut self, m: &Member, value: &DateTime) {
        let format = TimestampFormat::resolve(m.timestamp_format, Location::XmlBody);
        self.scalar(m, &value.fmt(format));
    }

    fn document(&mut self, _: &Member, _: &Document) {
        self.fail(BuildError::other(
            "XML has no document type: a Document cannot be sent",
        ));
    }

    fn null(&mut self, _: &Member) {
        // XML has no null: a sparse list's empty entry is left out.
    }

    fn list<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, _len: usize, items: F) {
        if m.xml.flattened {
            let element = flattened_element(m);
            self.nested(false, |w| items(w, &element));
            return;
        }
        self.open(m, m.name, None);
        let item = m.list_item();
        self.nested(false, |w| items(w, &item));
        self.out.end(m.name);
    }

    fn map<F: FnOnce(&mut Self)>(&mut self, m: &Member, _len: usize, entries: F) {
        if m.xml.flattened {
            self.nested(false, entries);
            return;
        }
        self.open(m, m.name, None);
        self.nested(false, entries);
        self.out.end(m.name);
    }

    fn map_entry<F: FnOnce(&mut Self, &Member)>(&mut self, m: &Member, key: &str, value: F) {
        // An entry is `<entry>` in a wrapped map, the member's own element
        // in a flattened one.
        let (entry, entry_member) = if m.xml.flattened {
            (m.name, flattened_element(m))
        } else {
            ("entry", Member::named("entry"))
        };
        self.open(&entry_member, entry, None);
        let key_member = m.map_key();
        self.scalar(&key_member, key);
        let value_member = m.map_value();
        value(self, &value_member);
        self.out.end(entry);
    }

    fn structure<F: FnOnce(&mut Self)>(&mut self, m: &Member, schema: &StructSchema, members: F) {
        let name = if m.name.is_empty() {
            schema.root_name()
        } else {
            m.name
        };
        self.open(m, name, schema.xml_namespace);
        self.nested(true, members);
        self.out.end(name);
    }

    fn fail(&mut self, error: BuildError) {
        self.error.get_or_insert(error);
    }
}
