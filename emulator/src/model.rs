//! The vendored DataZone service model, read into what the emulator needs:
//! each operation's HTTP binding and each shape's constraints.
//!
// The emulator reads the model itself (not the client's Rust shapes) so that
// a mistake in the client's declarations cannot hide by being made twice.

use std::collections::HashMap;

use serde_json::Value;

use crate::pattern::Pattern;

/// The model JSON (botocore, Apache-2.0: see `model/LICENSE.txt`).
pub(crate) const MODEL_JSON: &str = include_str!("../model/datazone-user-profiles.json");

/// The parts of the service model the emulator serves.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) signing_name: String,
    pub(crate) operations: Vec<Operation>,
    shapes: HashMap<String, Shape>,
}

/// One operation's HTTP binding.
#[derive(Debug)]
pub(crate) struct Operation {
    pub(crate) name: String,
    pub(crate) method: String,
    pub(crate) uri: Vec<Segment>,
    pub(crate) status: u16,
    pub(crate) input: String,
}

/// A request matched to an operation, with its decoded URI labels.
#[derive(Debug)]
pub(crate) struct Route<'a> {
    pub(crate) op: &'a Operation,
    pub(crate) labels: Vec<(String, String)>,
}

/// One `/`-separated piece of a request URI template.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    Literal(String),
    Label(String),
    /// `{name+}`: the rest of the path, slashes included.
    Greedy(String),
}

/// A shape and its constraints.
#[derive(Debug)]
pub(crate) struct Shape {
    pub(crate) kind: ShapeKind,
    /// Values of sensitive shapes never appear in error messages.
    pub(crate) sensitive: bool,
}

/// The kinds of shape the emulator checks, with their constraints.
#[derive(Debug)]
pub(crate) enum ShapeKind {
    String {
        min: Option<u64>,
        max: Option<u64>,
        pattern: Option<Pattern>,
        values: Option<Vec<String>>,
    },
    /// `integer` or `long`, with its range and the type's own bounds.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
        bits: u32,
    },
    Boolean,
    Structure {
        members: Vec<Member>,
        required: Vec<String>,
    },
    List {
        member: String,
        min: Option<u64>,
        max: Option<u64>,
    },
    Map {
        key: String,
        value: String,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// Types no input here uses (float, timestamp, blob, ...): accepted as is.
    Other,
}

/// A structure member and where it travels.
#[derive(Debug)]
pub(crate) struct Member {
    pub(crate) name: String,
    pub(crate) shape: String,
    pub(crate) location: Location,
}

/// Where a member travels in the HTTP request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    Body,
    Label(String),
    Query(String),
    Header(String),
}

impl Model {
    /// The embedded model.
    pub(crate) fn embedded() -> Result<Model, String> {
        Model::parse(MODEL_JSON)
    }

    /// Reads a botocore-style model document.
    pub(crate) fn parse(text: &str) -> Result<Model, String> {
        let doc: Value = serde_json::from_str(text).map_err(|e| format!("model JSON: {e}"))?;
        let signing_name = doc["metadata"]["signingName"]
            .as_str()
            .or_else(|| doc["metadata"]["endpointPrefix"].as_str())
            .ok_or("model has no metadata.signingName")?
            .to_owned();
        let shapes = doc["shapes"]
            .as_object()
            .ok_or("model has no shapes")?
            .iter()
            .map(|(name, shape)| Ok((name.clone(), parse_shape(name, shape)?)))
            .collect::<Result<HashMap<_, _>, String>>()?;
        let mut operations = Vec::new();
        for (name, op) in doc["operations"]
            .as_object()
            .ok_or("model has no operations")?
        {
            let http = &op["http"];
            let method = http["method"]
                .as_str()
                .ok_or_else(|| format!("{name}: no http.method"))?;
            let uri = http["requestUri"]
                .as_str()
                .ok_or_else(|| format!("{name}: no http.requestUri"))?;
            let status = http["responseCode"].as_u64().unwrap_or(200);
            let input = op["input"]["shape"]
                .as_str()
                .ok_or_else(|| format!("{name}: no input shape"))?;
            if !shapes.contains_key(input) {
                return Err(format!("{name}: input shape {input} is missing"));
            }
            operations.push(Operation {
                name: name.clone(),
                method: method.to_owned(),
                uri: parse_uri(uri).map_err(|e| format!("{name}: {e}"))?,
                status: u16::try_from(status).map_err(|_| format!("{name}: bad responseCode"))?,
                input: input.to_owned(),
            });
        }
        let model = Model {
            signing_name,
            operations,
            shapes,
        };
        model.check_references()?;
        Ok(model)
    }

    /// A shape by name (every reference was checked at load time).
    pub(crate) fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.get(name)
    }

    /// The operation for `method` and the raw (still percent-encoded) `path`,
    /// with its labels decoded. `Some(Err(label))` when the path matches a
    /// template but that label is not valid percent-encoded UTF-8.
    pub(crate) fn route(&self, method: &str, path: &str) -> Option<Result<Route<'_>, String>> {
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        self.operations
            .iter()
            .filter(|op| op.method == method)
            .find_map(|op| {
                match_template(&op.uri, &segments)
                    .map(|labels| labels.map(|labels| Route { op, labels }))
            })
    }

    fn check_references(&self) -> Result<(), String> {
        let missing = |from: &str, to: &str| format!("shape {from} refers to missing {to}");
        for (name, shape) in &self.shapes {
            let targets: Vec<&str> = match &shape.kind {
                ShapeKind::Structure { members, .. } => {
                    members.iter().map(|m| m.shape.as_str()).collect()
                }
                ShapeKind::List { member, .. } => vec![member.as_str()],
                ShapeKind::Map { key, value, .. } => vec![key.as_str(), value.as_str()],
                _ => Vec::new(),
            };
            if let Some(target) = targets.iter().find(|t| !self.shapes.contains_key(**t)) {
                return Err(missing(name, target));
            }
        }
        Ok(())
    }
}

/// Matches decoded labels against one template; `None` if the shape of the
/// path differs, `Some(Err)` if it matches but a label does not decode.
fn match_template(
    template: &[Segment],
    segments: &[&str],
) -> Option<Result<Vec<(String, String)>, String>> {
    let mut labels = Vec::new();
    let mut rest = segments;
    for (i, part) in template.iter().enumerate() {
        match part {
            Segment::Literal(literal) => {
                let (first, tail) = rest.split_first()?;
                if first != literal {
                    return None;
                }
                rest = tail;
            }
            Segment::Label(name) => {
                let (first, tail) = rest.split_first()?;
                labels.push((name.clone(), (*first).to_owned()));
                rest = tail;
            }
            Segment::Greedy(name) => {
                // A greedy label takes everything but the literals after it.
                let after = template.len() - i - 1;
                if rest.len() < after + 1 {
                    return None;
                }
                let (taken, tail) = rest.split_at(rest.len() - after);
                labels.push((name.clone(), taken.join("/")));
                rest = tail;
            }
        }
    }
    if !rest.is_empty() {
        return None;
    }
    let decoded = labels
        .into_iter()
        .map(|(name, raw)| match crate::percent::decode(&raw) {
            Some(value) => Ok((name, value)),
            None => Err(name),
        })
        .collect();
    Some(decoded)
}

fn parse_uri(uri: &str) -> Result<Vec<Segment>, String> {
    if uri.contains('?') {
        return Err(format!(
            "query literals in requestUri `{uri}` are not supported"
        ));
    }
    let path = uri
        .strip_prefix('/')
        .ok_or_else(|| format!("requestUri `{uri}` must start with /"))?;
    Ok(path
        .split('/')
        .map(
            |piece| match piece.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(label) => match label.strip_suffix('+') {
                    Some(greedy) => Segment::Greedy(greedy.to_owned()),
                    None => Segment::Label(label.to_owned()),
                },
                None => Segment::Literal(piece.to_owned()),
            },
        )
        .collect())
}

fn bound(shape: &Value, key: &str) -> Option<u64> {
    let v = &shape[key];
    v.as_u64().or_else(|| v.as_f64().map(|f| f.max(0.0) as u64))
}

fn signed_bound(shape: &Value, key: &str) -> Option<i64> {
    let v = &shape[key];
    v.as_i64().or_else(|| v.as_f64().map(|f| f as i64))
}

fn parse_shape(name: &str, shape: &Value) -> Result<Shape, String> {
    let text = |key: &str| shape[key].as_str().map(str::to_owned);
    let kind = match shape["type"].as_str() {
        Some("string") => ShapeKind::String {
            min: bound(shape, "min"),
            max: bound(shape, "max"),
            pattern: match shape["pattern"].as_str() {
                Some(p) => Some(Pattern::new(p).map_err(|e| format!("shape {name}: {e}"))?),
                None => None,
            },
            values: shape["enum"].as_array().map(|values| {
                values
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            }),
        },
        Some(t @ ("integer" | "long")) => ShapeKind::Integer {
            min: signed_bound(shape, "min"),
            max: signed_bound(shape, "max"),
            bits: if t == "integer" { 32 } else { 64 },
        },
        Some("boolean") => ShapeKind::Boolean,
        Some("structure") => {
            let members = shape["members"]
                .as_object()
                .ok_or_else(|| format!("shape {name}: structure without members"))?
                .iter()
                .map(|(member, def)| {
                    let target = def["shape"]
                        .as_str()
                        .ok_or_else(|| format!("shape {name}.{member}: no target"))?;
                    let location_name = def["locationName"]
                        .as_str()
                        .unwrap_or(member.as_str())
                        .to_owned();
                    let location = match def["location"].as_str() {
                        None => Location::Body,
                        Some("uri") => Location::Label(location_name),
                        Some("querystring") => Location::Query(location_name),
                        Some("header") => Location::Header(location_name),
                        Some(other) => {
                            return Err(format!("shape {name}.{member}: location {other}"))
                        }
                    };
                    Ok(Member {
                        name: member.clone(),
                        shape: target.to_owned(),
                        location,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            let required = shape["required"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            ShapeKind::Structure { members, required }
        }
        Some("list") => ShapeKind::List {
            member: text("member")
                .or_else(|| shape["member"]["shape"].as_str().map(str::to_owned))
                .ok_or_else(|| format!("shape {name}: list without member"))?,
            min: bound(shape, "min"),
            max: bound(shape, "max"),
        },
        Some("map") => ShapeKind::Map {
            key: shape["key"]["shape"]
                .as_str()
                .ok_or_else(|| format!("shape {name}: map without key"))?
                .to_owned(),
            value: shape["value"]["shape"]
                .as_str()
                .ok_or_else(|| format!("shape {name}: map without value"))?
                .to_owned(),
            min: bound(shape, "min"),
            max: bound(shape, "max"),
        },
        Some(_) => ShapeKind::Other,
        None => return Err(format!("shape {name}: no type")),
    };
    Ok(Shape {
        kind,
        sensitive: shape["sensitive"].as_bool().unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_with_all_patterns() {
        let model = Model::embedded().unwrap();
        assert_eq!(model.signing_name, "datazone");
        let mut names: Vec<&str> = model.operations.iter().map(|o| o.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "CreateUserProfile",
                "GetUserProfile",
                "SearchUserProfiles",
                "UpdateUserProfile"
            ]
        );
        let create = model
            .operations
            .iter()
            .find(|o| o.name == "CreateUserProfile")
            .unwrap();
        assert_eq!((create.method.as_str(), create.status), ("POST", 201));
        match &model.shape("MaxResults").unwrap().kind {
            ShapeKind::Integer { min, max, .. } => assert_eq!((*min, *max), (Some(1), Some(50))),
            other => panic!("{other:?}"),
        }
        assert!(model.shape("UserSearchText").unwrap().sensitive);
    }

    #[test]
    fn routes_by_method_and_path() {
        let model = Model::embedded().unwrap();
        let route = model
            .route("GET", "/v2/domains/dzd_1/user-profiles/a%20b%2Fc")
            .unwrap()
            .unwrap();
        assert_eq!(route.op.name, "GetUserProfile");
        assert_eq!(
            route.labels,
            [
                ("domainIdentifier".to_owned(), "dzd_1".to_owned()),
                ("userIdentifier".to_owned(), "a b/c".to_owned())
            ]
        );
        let route = model
            .route("PUT", "/v2/domains/dzd_1/user-profiles/x")
            .unwrap()
            .unwrap();
        assert_eq!(route.op.name, "UpdateUserProfile");
        assert!(model
            .route("DELETE", "/v2/domains/dzd_1/user-profiles/x")
            .is_none());
        assert!(model
            .route("GET", "/v2/domains/dzd_1/user-profiles/x/y")
            .is_none());
        assert!(model.route("GET", "no-slash").is_none());
        assert_eq!(
            model
                .route("GET", "/v2/domains/dzd_1/user-profiles/%FF")
                .unwrap()
                .unwrap_err(),
            "userIdentifier"
        );
    }

    #[test]
    fn greedy_labels_take_the_middle() {
        let template = parse_uri("/a/{key+}/z").unwrap();
        let labels = match_template(&template, &["a", "b", "c", "z"])
            .unwrap()
            .unwrap();
        assert_eq!(labels, [("key".to_owned(), "b/c".to_owned())]);
        assert!(match_template(&template, &["a", "z"]).is_none());
    }

    #[test]
    fn rejects_broken_models() {
        assert!(Model::parse("{").is_err());
        assert!(Model::parse(r#"{"metadata":{},"shapes":{},"operations":{}}"#).is_err());
        let dangling = r#"{"metadata":{"signingName":"x"},"operations":{},
            "shapes":{"S":{"type":"structure","members":{"a":{"shape":"Nope"}}}}}"#;
        assert!(Model::parse(dangling).unwrap_err().contains("Nope"));
        let bad_pattern = r#"{"metadata":{"signingName":"x"},"operations":{},
            "shapes":{"S":{"type":"string","pattern":"(?=x)"}}}"#;
        assert!(Model::parse(bad_pattern).is_err());
    }
}
