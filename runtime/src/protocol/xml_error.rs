//! The fields of an XML error body that error metadata needs: `Code`,
//! `Message` and the request id, wherever the protocol puts them.

use crate::codec::xml::{XmlEvent, XmlReader};
use crate::error::{ErrorMetadata, ParseError};
use crate::http::HttpResponse;

use super::request_id;

/// Text longer than this in a code, message or request id is cut: they are
/// short, and an error body is no place to spend memory.
const MAX_FIELD: usize = 8 * 1024;

/// `Code`, `Message` and `RequestId` of an XML error body, found in the
/// `<Error>` element (the root, `ErrorResponse/Error` or
/// `Response/Errors/Error`) and, for the request id, beside it
/// (`RequestId`, or ec2Query's `RequestID`).
#[derive(Debug, Default)]
pub(crate) struct XmlErrorFields {
    pub(crate) code: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    /// The body is not XML (all `None` then).
    pub(crate) unreadable: bool,
}

impl XmlErrorFields {
    pub(crate) fn read(body: &[u8]) -> Self {
        if body.iter().all(u8::is_ascii_whitespace) {
            return XmlErrorFields::default();
        }
        read_fields(body).unwrap_or(XmlErrorFields {
            unreadable: true,
            ..XmlErrorFields::default()
        })
    }

    /// The error metadata of `response`: these fields, the request id of
    /// the headers before the body's, and the body's excerpt when it was
    /// not XML.
    pub(crate) fn metadata(self, response: &HttpResponse) -> ErrorMetadata {
        let request_id = request_id::from_headers(response)
            .map(str::to_owned)
            .or(self.request_id);
        let code = self.code.filter(|c| !c.is_empty());
        let meta = ErrorMetadata::new(code, self.message, response.status, request_id);
        if self.unreadable {
            meta.with_unreadable_body(&response.body)
        } else {
            meta
        }
    }
}

fn read_fields(body: &[u8]) -> Result<XmlErrorFields, ParseError> {
    let mut fields = XmlErrorFields::default();
    let mut r = XmlReader::new(body)?;
    // The names of the open elements, and the text of the one open now.
    let mut path: Vec<&str> = Vec::new();
    let mut text = String::new();
    // Only the first `<Error>` counts (ec2Query may list several).
    let mut errors_seen = 0usize;
    loop {
        match r.next()? {
            XmlEvent::Start { name, .. } => {
                if name == "Error" {
                    errors_seen += 1;
                }
                path.push(name);
                text.clear();
            }
            XmlEvent::Text(t) => {
                let room = MAX_FIELD.saturating_sub(text.len());
                text.push_str(cut(&t, room));
            }
            XmlEvent::End => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().copied();
                let value = || Some(text.trim().to_owned());
                match (parent, name) {
                    (Some("Error"), "Code") if errors_seen == 1 => fields.code = value(),
                    (Some("Error"), "Message" | "message") if errors_seen == 1 => {
                        fields.message = value()
                    }
                    (_, "RequestId" | "RequestID") if path.len() <= 2 => {
                        fields.request_id = value()
                    }
                    _ => {}
                }
                text.clear();
            }
            XmlEvent::Eof => return Ok(fields),
        }
    }
}

/// The longest prefix of `s` of at most `max` bytes, on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
