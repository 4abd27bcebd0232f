//! The XML tokenizer (`XmlReader`) and the shape reader over it
//! (`XmlShapeReader`), on arbitrary bytes.
//!
//! Input layout: the whole input is the document (raw bytes: invalid
//! UTF-8, DTDs, deep nesting included).
//!
//! Checked, for the tokenizer: never panics; stops (at an error or the
//! end) within a number of events bounded by the input's size; never has
//! more than `MAX_DEPTH` elements open; and a document it reads whole,
//! written back with `XmlWriter` (local names, escaped text, adjacent text
//! joined), reads again to the same events.
//! For the shape reader: reading a structure with every kind of member
//! (attribute, scalars, timestamp, blob, wrapped and flattened lists, maps,
//! a nested structure, an enum) never panics, every error says something,
//! and what reads, written with `XmlShapeWriter`, reads back equal.
#![no_main]

use std::collections::HashMap;

use awsop::{aws_shape, Blob, DateTime};
use awsop_runtime::codec::xml::{
    XmlEvent, XmlReader, XmlShapeReader, XmlShapeWriter, XmlWriter, MAX_DEPTH,
};
use awsop_runtime::shape::{WriteValue, ROOT};
use libfuzzer_sys::fuzz_target;

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fuzzed {
    #[aws(xml_attribute)]
    pub id: Option<String>,
    pub name: Option<String>,
    pub count: Option<i64>,
    pub flag: Option<bool>,
    pub when: Option<DateTime>,
    pub data: Option<Blob>,
    pub items: Option<Vec<String>>,
    #[aws(xml_flattened)]
    pub flat: Option<Vec<Inner>>,
    pub tags: Option<HashMap<String, String>>,
    #[aws(xml_flattened)]
    pub entry: Option<HashMap<String, i32>>,
    pub inner: Option<Inner>,
    pub kind: Option<Kind>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inner {
    #[aws(xml_attribute)]
    pub lang: Option<String>,
    pub value: Option<String>,
    #[aws(xml_item = "item")]
    pub list: Option<Vec<Vec<String>>>,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    Small,
    Large,
}

/// One event, owned, with adjacent text joined and empty text left out
/// (what a writer cannot tell apart).
#[derive(Debug, PartialEq)]
enum Event {
    Start(String, Vec<(String, String)>),
    End,
    Text(String),
}

/// The events of `body` when it reads whole, else `None`.
fn events(body: &[u8]) -> Option<Vec<Event>> {
    let mut reader = XmlReader::new(body).ok()?;
    let mut out: Vec<Event> = Vec::new();
    let mut depth = 0usize;
    // Every event but a self-closing element's end consumes input.
    for _ in 0..=2 * body.len() + 2 {
        let event = match reader.next() {
            Ok(event) => event,
            Err(err) => {
                assert!(!err.to_string().is_empty(), "an empty error");
                return None;
            }
        };
        match event {
            XmlEvent::Eof => {
                assert_eq!(depth, 0, "the end inside an element");
                return Some(out);
            }
            XmlEvent::Start { name, attributes } => {
                depth += 1;
                assert!(depth <= MAX_DEPTH, "{depth} elements open");
                assert!(!name.is_empty() && !name.contains(':'), "name {name:?}");
                let attributes = attributes
                    .into_iter()
                    .map(|(k, v)| {
                        assert!(!k.is_empty() && !k.contains(':'), "attribute {k:?}");
                        (k.to_owned(), v.into_owned())
                    })
                    .collect();
                out.push(Event::Start(name.to_owned(), attributes));
            }
            XmlEvent::End => {
                depth = depth.checked_sub(1).expect("an end with nothing open");
                out.push(Event::End);
            }
            XmlEvent::Text(text) if text.is_empty() => {}
            XmlEvent::Text(text) => match out.last_mut() {
                Some(Event::Text(before)) => before.push_str(&text),
                _ => out.push(Event::Text(text.into_owned())),
            },
        }
    }
    panic!("no end after {} events", 2 * body.len() + 2);
}

/// `events` as a document.
fn write(events: &[Event]) -> String {
    let mut w = XmlWriter::default();
    let mut open = Vec::new();
    for event in events {
        match event {
            Event::Start(name, attributes) => {
                w.start(name);
                for (k, v) in attributes {
                    w.attribute(k, v);
                }
                open.push(name.as_str());
            }
            Event::End => w.end(open.pop().expect("balanced")),
            Event::Text(text) => w.text(text),
        }
    }
    w.into_string()
}

fuzz_target!(|data: &[u8]| {
    if let Some(first) = events(data) {
        let again = write(&first);
        let second = events(again.as_bytes())
            .unwrap_or_else(|| panic!("what read does not read again: {again:?}"));
        assert_eq!(first, second, "rewritten as {again:?}");
    }

    match XmlShapeReader::read_document::<Fuzzed>(data) {
        Ok(value) => {
            let mut w = XmlShapeWriter::with_capacity(data.len());
            value.write(&mut w, &ROOT);
            let xml = w.finish().expect("what was read writes");
            let back = XmlShapeReader::read_document::<Fuzzed>(xml.as_bytes())
                .unwrap_or_else(|e| panic!("{xml:?} does not read back: {e}"));
            assert_eq!(value, back, "written as {xml:?}");
        }
        Err(err) => assert!(!err.to_string().is_empty(), "an empty error"),
    }
});
