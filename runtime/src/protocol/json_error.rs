//! The fields of a JSON error body that error metadata needs, shared by
//! restJson1 and awsJson (which differ only in which wins).

use crate::codec::json::{JsonKind, JsonReader};
use crate::error::{ErrorMetadata, ParseError};
use crate::shape::ERROR_MESSAGE_KEYS;

/// The top-level string members `code`, `__type` and the message of a JSON
/// error body. All `None` when the body is not a JSON object, which
/// `unreadable` then says (for a non-empty body).
#[derive(Debug, Default)]
pub(crate) struct JsonErrorFields {
    pub(crate) code: Option<String>,
    pub(crate) type_name: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) unreadable: bool,
}

impl JsonErrorFields {
    pub(crate) fn read(body: &[u8]) -> Self {
        if body.iter().all(u8::is_ascii_whitespace) {
            return JsonErrorFields::default();
        }
        read_fields(body).unwrap_or(JsonErrorFields {
            unreadable: true,
            ..JsonErrorFields::default()
        })
    }

    /// `meta`, with the body's excerpt when it was not a JSON object.
    pub(crate) fn note_unreadable(&self, meta: ErrorMetadata, body: &[u8]) -> ErrorMetadata {
        if self.unreadable {
            meta.with_unreadable_body(body)
        } else {
            meta
        }
    }
}

fn read_fields(body: &[u8]) -> Result<JsonErrorFields, ParseError> {
    let mut fields = JsonErrorFields::default();
    // By priority: `message` before `Message` before `errorMessage`.
    let mut messages: [Option<String>; 3] = Default::default();
    let mut r = JsonReader::new(body);
    r.begin_object()?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut first)? {
        let slot = match &*key {
            "code" => &mut fields.code,
            "__type" => &mut fields.type_name,
            other => match ERROR_MESSAGE_KEYS.iter().position(|k| *k == other) {
                Some(i) => &mut messages[i],
                None => {
                    r.skip()?;
                    continue;
                }
            },
        };
        // Only strings count: `"code": 5` says nothing.
        if r.peek()? == JsonKind::String {
            *slot = Some(r.string()?.into_owned());
        } else {
            r.skip()?;
        }
    }
    r.finish()?;
    fields.message = messages.into_iter().flatten().next();
    Ok(fields)
}
