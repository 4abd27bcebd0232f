//! The recording file: written by hand-placed newlines around the runtime's
//! own JSON writer (one header per line, so a re-recording diffs well),
//! read back with its pull reader.

use bytes::Bytes;

use super::{Exchange, Message};
use crate::codec::json::{JsonReader, JsonWriter};
use crate::encoding::base64;
use crate::error::ParseError;

/// The format version this runtime writes and reads.
const VERSION: &str = "1";
const VERSION_KEY: &str = "awsop_recording";

pub(super) fn write(exchanges: &[Exchange]) -> Vec<u8> {
    let mut w = JsonWriter::with_capacity(1024 * (exchanges.len() + 1));
    w.raw(&format!(
        "{{\n  \"{VERSION_KEY}\": {VERSION},\n  \"exchanges\": ["
    ));
    for (i, exchange) in exchanges.iter().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        w.raw("\n    {\n      \"request\": {\n        \"method\": ");
        w.string(&exchange.method);
        w.raw(",\n        \"uri\": ");
        w.string(&exchange.uri);
        write_message(&mut w, &exchange.request);
        w.raw("\n      },\n      \"response\": {\n        \"status\": ");
        w.u64(u64::from(exchange.status));
        write_message(&mut w, &exchange.response);
        w.raw("\n      }\n    }");
    }
    if !exchanges.is_empty() {
        w.raw("\n  ");
    }
    w.raw("]\n}\n");
    w.into_bytes()
}

fn write_message(w: &mut JsonWriter, message: &Message) {
    const INDENT: &str = "\n        ";
    w.raw(&format!(",{INDENT}\"headers\": ["));
    for (i, (name, value)) in message.headers.iter().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        w.raw(INDENT);
        w.raw("  [");
        w.string(name);
        w.raw(", ");
        w.string(value);
        w.raw("]");
    }
    if !message.headers.is_empty() {
        w.raw(INDENT);
    }
    w.raw("]");
    match std::str::from_utf8(&message.body) {
        Ok(text) => {
            w.raw(&format!(",{INDENT}\"body\": "));
            w.string(text);
        }
        Err(_) => {
            // Base64 needs no escaping.
            w.raw(&format!(",{INDENT}\"body_base64\": \""));
            w.raw(&base64::encode(&message.body));
            w.raw("\"");
        }
    }
}

pub(super) fn read(input: &[u8]) -> Result<Vec<Exchange>, ParseError> {
    let mut r = JsonReader::new(input);
    r.begin_object()?;
    let mut first = true;
    let mut version = None;
    let mut exchanges = None;
    while let Some(key) = r.next_key(&mut first)? {
        match &*key {
            VERSION_KEY => version = Some(r.number_text()?),
            "exchanges" => {
                let mut list = Vec::new();
                r.begin_array()?;
                let mut first_item = true;
                while r.next_item(&mut first_item)? {
                    let exchange = read_exchange(&mut r).map_err(|e| in_exchange(e, list.len()))?;
                    list.push(exchange);
                }
                exchanges = Some(list);
            }
            _ => r.skip()?,
        }
    }
    r.finish()?;
    match version {
        Some(VERSION) => {}
        Some(other) => {
            return Err(ParseError::new(format!(
                "format version {other}; this version of awsop reads version {VERSION}"
            )))
        }
        None => return Err(ParseError::new(format!("no `{VERSION_KEY}` version"))),
    }
    exchanges.ok_or_else(|| ParseError::new("no `exchanges` list"))
}

fn in_exchange(e: ParseError, index: usize) -> ParseError {
    ParseError::new(format!("exchange #{}: {e}", index + 1))
}

/// One side of an exchange as read: the keys of both sides.
#[derive(Default)]
struct Side {
    method: Option<String>,
    uri: Option<String>,
    status: Option<u16>,
    message: Message,
}

fn read_exchange(r: &mut JsonReader<'_>) -> Result<Exchange, ParseError> {
    r.begin_object()?;
    let mut first = true;
    let (mut request, mut response) = (None, None);
    while let Some(key) = r.next_key(&mut first)? {
        match &*key {
            "request" => request = Some(read_side(r)?),
            "response" => response = Some(read_side(r)?),
            _ => r.skip()?,
        }
    }
    let request = request.ok_or_else(|| ParseError::new("no `request`"))?;
    let response = response.ok_or_else(|| ParseError::new("no `response`"))?;
    Ok(Exchange {
        method: request
            .method
            .ok_or_else(|| ParseError::new("the request has no `method`"))?,
        uri: request
            .uri
            .ok_or_else(|| ParseError::new("the request has no `uri`"))?,
        request: request.message,
        status: response
            .status
            .ok_or_else(|| ParseError::new("the response has no `status`"))?,
        response: response.message,
    })
}

fn read_side(r: &mut JsonReader<'_>) -> Result<Side, ParseError> {
    let mut side = Side::default();
    r.begin_object()?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut first)? {
        match &*key {
            "method" => side.method = Some(r.string()?.into_owned()),
            "uri" => side.uri = Some(r.string()?.into_owned()),
            "status" => {
                let text = r.number_text()?;
                let status = text
                    .parse::<u16>()
                    .ok()
                    .filter(|s| (100..=999).contains(s))
                    .ok_or_else(|| ParseError::new(format!("`status` {text} is not a status")))?;
                side.status = Some(status);
            }
            "headers" => side.message.headers = read_headers(r)?,
            "body" => side.message.body = Bytes::from(r.string()?.into_owned()),
            "body_base64" => {
                let text = r.string()?;
                let bytes = base64::decode(&text)
                    .map_err(|e| ParseError::new(format!("`body_base64`: {e}")))?;
                side.message.body = Bytes::from(bytes);
            }
            _ => r.skip()?,
        }
    }
    Ok(side)
}

fn read_headers(r: &mut JsonReader<'_>) -> Result<Vec<(String, String)>, ParseError> {
    let mut headers = Vec::new();
    r.begin_array()?;
    let mut first = true;
    while r.next_item(&mut first)? {
        r.begin_array()?;
        let mut first_part = true;
        let mut pair = Vec::with_capacity(2);
        while r.next_item(&mut first_part)? {
            pair.push(r.string()?.into_owned());
        }
        let [name, value]: [String; 2] = pair
            .try_into()
            .map_err(|_| ParseError::new("a header is not a [name, value] pair"))?;
        headers.push((name, value));
    }
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exchange(body: &'static [u8]) -> Exchange {
        Exchange {
            method: "POST".into(),
            uri: "/v2/x?a=1".into(),
            request: Message {
                headers: vec![("content-type".into(), "application/json".into())],
                body: Bytes::from_static(br#"{"a":"\"q\"\n"}"#),
            },
            status: 201,
            response: Message {
                headers: Vec::new(),
                body: Bytes::from_static(body),
            },
        }
    }

    #[test]
    fn round_trips_text_and_binary_bodies() {
        let exchanges = vec![exchange(b"{}"), exchange(b"\xff\x00binary")];
        let text = write(&exchanges);
        let shown = String::from_utf8(text.clone()).unwrap();
        assert!(
            shown.contains("\"body_base64\": \"/wBiaW5hcnk=\""),
            "{shown}"
        );
        assert!(shown.contains("\n          [\"content-type\", \"application/json\"]\n"));
        assert_eq!(read(&text).unwrap(), exchanges);
        assert_eq!(read(&write(&[])).unwrap(), []);
    }

    #[test]
    fn refuses_what_is_not_a_recording() {
        let err = |text: &str| read(text.as_bytes()).unwrap_err().to_string();
        assert!(err(r#"{"exchanges": []}"#).contains("no `awsop_recording` version"));
        assert!(err(r#"{"awsop_recording": 2, "exchanges": []}"#).contains("version 2"));
        let no_status = r#"{"awsop_recording": 1, "exchanges": [{"request": {"method": "GET", "uri": "/"}, "response": {}}]}"#;
        assert!(err(no_status).contains("exchange #1: the response has no `status`"));
        assert!(err("[").contains("expected an object"));
    }
}
