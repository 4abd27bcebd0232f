//! Gathers an operation's input members from wherever the model says they
//! travel (labels, query string, headers, JSON body) into one JSON object,
//! so that validation and the handlers see every member the same way.

use serde_json::{Map, Value};

use crate::error::ServiceError;
use crate::model::{Location, Model, Operation, ShapeKind};
use crate::server::request::Request;

/// The input members of `op` found in `request`, keyed by member name.
/// `labels` are the decoded URI labels from routing.
pub(crate) fn gather(
    model: &Model,
    op: &Operation,
    labels: &[(String, String)],
    request: &Request,
) -> Result<Map<String, Value>, ServiceError> {
    let Some(ShapeKind::Structure { members, .. }) = model.shape(&op.input).map(|s| &s.kind) else {
        return Ok(Map::new());
    };
    let body = if members.iter().any(|m| m.location == Location::Body) {
        parse_body(&request.body)?
    } else {
        Map::new()
    };
    let query = parse_query(request.query())?;
    let mut params = Map::new();
    for member in members {
        let value = match &member.location {
            Location::Body => body.get(&member.name).cloned(),
            Location::Label(name) => text_member(model, &member.shape, find(labels, name)),
            Location::Query(name) => text_member(model, &member.shape, find(&query, name)),
            Location::Header(name) => text_member(
                model,
                &member.shape,
                request.header(&name.to_ascii_lowercase()),
            ),
        };
        if let Some(value) = value {
            params.insert(member.name.clone(), value);
        }
    }
    Ok(params)
}

fn find<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A label, query or header value, typed as its target shape wants, or
/// left a string for validation to reject.
fn text_member(model: &Model, shape: &str, text: Option<&str>) -> Option<Value> {
    let text = text?;
    let typed = match model.shape(shape).map(|s| &s.kind) {
        Some(ShapeKind::Integer { .. }) => text.parse::<i64>().ok().map(Value::from),
        Some(ShapeKind::Boolean) => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    };
    Some(typed.unwrap_or_else(|| Value::String(text.to_owned())))
}

/// The JSON body: empty means no members; anything but an object is an
/// error, as for AWS's deserializers.
fn parse_body(body: &[u8]) -> Result<Map<String, Value>, ServiceError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ServiceError::serialization(
            "The request body must be a JSON object",
        )),
        Err(e) => Err(ServiceError::serialization(format!(
            "The request body is not valid JSON: {e}"
        ))),
    }
}

/// Decoded `name=value` pairs of a query string.
fn parse_query(query: &str) -> Result<Vec<(String, String)>, ServiceError> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (crate::percent::decode(name), crate::percent::decode(value)) {
                (Some(name), Some(value)) => Ok((name, value)),
                _ => Err(ServiceError::validation(format!(
                    "The query parameter '{}' is not valid percent-encoded UTF-8",
                    name
                ))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(target: &str, body: &str) -> Request {
        Request {
            method: "GET".into(),
            target: target.into(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
            keep_alive: true,
        }
    }

    #[test]
    fn gathers_labels_query_and_body() {
        let model = Model::embedded().unwrap();
        let op = model
            .operations
            .iter()
            .find(|o| o.name == "GetUserProfile")
            .unwrap();
        let labels = [
            ("domainIdentifier".to_owned(), "dzd_a".to_owned()),
            ("userIdentifier".to_owned(), "u 1".to_owned()),
        ];
        let params = gather(
            &model,
            op,
            &labels,
            &request("/x?type=SSO&sessionName=s%20n&extra", ""),
        )
        .unwrap();
        assert_eq!(params["domainIdentifier"], "dzd_a");
        assert_eq!(params["userIdentifier"], "u 1");
        assert_eq!(params["type"], "SSO");
        assert_eq!(params["sessionName"], "s n");

        let search = model
            .operations
            .iter()
            .find(|o| o.name == "SearchUserProfiles")
            .unwrap();
        let params = gather(
            &model,
            search,
            &labels[..1],
            &request("/x", r#"{"maxResults": 3, "userType": "DATAZONE_USER"}"#),
        )
        .unwrap();
        assert_eq!(params["maxResults"], 3);
    }

    #[test]
    fn body_errors_are_serialization_errors() {
        assert_eq!(parse_body(b"  ").unwrap().len(), 0);
        for bad in [&b"[1]"[..], b"{", b"\xff", b"\"s\"", b"{} x"] {
            assert_eq!(parse_body(bad).unwrap_err().code, "SerializationException");
        }
    }

    #[test]
    fn bad_query_escapes() {
        assert!(parse_query("a=%zz").is_err());
        assert_eq!(
            parse_query("a&b=").unwrap(),
            [("a".into(), "".into()), ("b".into(), "".into())]
        );
    }
}
