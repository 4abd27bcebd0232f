//! Where a structure sits in an XML response, for the three protocols
//! whose responses are XML: the root (restXml, ec2Query), the
//! `<OpResult>` inside it (awsQuery), or the `<Error>` of an error body.

use super::Role;
use crate::codec::xml::{XmlReader, XmlShapeReader};
use crate::error::ParseError;
use crate::shape::{ReadValue, Shape, ROOT};

/// A document with nothing in it: what an empty body, or one without the
/// element looked for, reads as (services send nothing when no member is
/// set).
const EMPTY: &[u8] = b"<empty/>";

/// Where the output structure of a success is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum OutputAt<'a> {
    /// The root element is the structure.
    Root,
    /// The structure is the root's child element of this name
    /// (awsQuery's `<OpResult>`).
    Child(&'a str),
}

/// Whether `body` is XML at all: a whole document, well formed.
fn is_xml(body: &[u8]) -> bool {
    let Ok(mut r) = XmlReader::new(body) else {
        return false;
    };
    loop {
        match r.next() {
            Ok(crate::codec::xml::XmlEvent::Eof) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

/// Moves `r` into the `<Error>` element of an error body: the root
/// (restXml without wrapping, as S3 sends), `ErrorResponse/Error`
/// (restXml, awsQuery), or `Response/Errors/Error` (ec2Query). `false`
/// when the document has none.
pub(crate) fn enter_error(r: &mut XmlShapeReader<'_>) -> Result<bool, ParseError> {
    match r.enter_root()? {
        "Error" => Ok(true),
        "ErrorResponse" => Ok(r.enter_child(&["Error"])?.is_some()),
        "Response" => {
            if r.enter_child(&["Errors"])?.is_none() {
                return Ok(false);
            }
            Ok(r.enter_child(&["Error"])?.is_some())
        }
        _ => Ok(false),
    }
}

/// Reads the structure `T` of a response body. An empty body, and an
/// error body that is not XML (a proxy's HTML page), read as no member
/// set; a success body that is not XML is an error.
pub(crate) fn read_xml<T: ReadValue + Shape>(
    body: &[u8],
    role: Role<'_>,
    output: OutputAt<'_>,
) -> Result<T, ParseError> {
    let empty = |body: &[u8]| body.iter().all(u8::is_ascii_whitespace);
    let read = |body: &[u8]| -> Result<T, ParseError> {
        if empty(body) {
            return XmlShapeReader::read_document(EMPTY);
        }
        let mut r = XmlShapeReader::new(body)?;
        let found = match (role, output) {
            (Role::Error, _) => enter_error(&mut r)?,
            (Role::Output { .. }, OutputAt::Root) => {
                r.enter_root()?;
                true
            }
            (Role::Output { .. }, OutputAt::Child(name)) => {
                r.enter_root()?;
                r.enter_child(&[name])?.is_some()
            }
        };
        if !found {
            r.finish()?;
            return XmlShapeReader::read_document(EMPTY);
        }
        let value = T::read(&mut r, &ROOT)?;
        r.finish()?;
        Ok(value)
    };
    let body = if role == Role::Error && !empty(body) && !is_xml(body) {
        EMPTY
    } else {
        body
    };
    read(body).map_err(|e| e.in_root(T::SCHEMA.name))
}
