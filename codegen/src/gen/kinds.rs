//! What a shape becomes in Rust: its kind, its type, whether it must be
//! boxed, whether it has a `Default`, and whether it is sensitive.

use std::collections::BTreeSet;

use super::Ctx;
use crate::json::Json;
use crate::model::target;

/// A shape's Rust form.
pub(crate) enum Kind {
    Scalar(&'static str),
    Timestamp,
    Enum,
    Struct,
    Union,
    Document,
    List { member: String, sparse: bool },
    Map { value: String, sparse: bool },
}

impl Ctx<'_> {
    pub(crate) fn kind(&self, name: &str) -> Result<Kind, String> {
        let shape = self.model.shape(name)?;
        let ty = shape.str("type").unwrap_or("");
        Ok(match ty {
            "string" if shape.has("enum") => Kind::Enum,
            "string" => Kind::Scalar("String"),
            "boolean" => Kind::Scalar("bool"),
            "byte" => Kind::Scalar("i8"),
            "short" => Kind::Scalar("i16"),
            "integer" => Kind::Scalar("i32"),
            "long" => Kind::Scalar("i64"),
            "float" => Kind::Scalar("f32"),
            "double" => Kind::Scalar("f64"),
            "blob" => Kind::Scalar("Blob"),
            "timestamp" => Kind::Timestamp,
            "structure" if shape.flag("document") => Kind::Document,
            "structure" if shape.flag("union") => Kind::Union,
            "structure" => Kind::Struct,
            "list" => Kind::List {
                member: target(shape.get("member"), &format!("list `{name}`"))?,
                sparse: shape.flag("sparse"),
            },
            "map" => {
                let key = target(shape.get("key"), &format!("map `{name}` key"))?;
                if !matches!(self.kind(&key)?, Kind::Scalar("String") | Kind::Enum) {
                    return Err(format!("map `{name}` has keys that are not strings"));
                }
                Kind::Map {
                    value: target(shape.get("value"), &format!("map `{name}` value"))?,
                    sparse: shape.flag("sparse"),
                }
            }
            other => return Err(format!("shape `{name}` has the unsupported type `{other}`")),
        })
    }

    /// The Rust type of a value of `shape`.
    pub(crate) fn rust_type(&self, shape: &str) -> Result<String, String> {
        Ok(match self.kind(shape)? {
            Kind::Scalar(t) => t.to_string(),
            Kind::Timestamp => "DateTime".to_string(),
            Kind::Document => "Document".to_string(),
            Kind::Enum | Kind::Struct | Kind::Union => self.type_name(shape)?,
            Kind::List { member, sparse } => {
                let inner = self.rust_type(&member)?;
                if sparse {
                    format!("Vec<Option<{inner}>>")
                } else {
                    format!("Vec<{inner}>")
                }
            }
            Kind::Map { value, sparse } => {
                let inner = self.rust_type(&value)?;
                if sparse {
                    format!("HashMap<String, Option<{inner}>>")
                } else {
                    format!("HashMap<String, {inner}>")
                }
            }
        })
    }

    /// The shapes a value of `shape` directly holds.
    fn children(&self, shape: &str) -> Vec<String> {
        match self.kind(shape) {
            Ok(Kind::Struct | Kind::Union) => self
                .members(shape)
                .unwrap_or(&[])
                .iter()
                .filter_map(|(_, r)| target(r, "member").ok())
                .collect(),
            Ok(Kind::List { member, .. }) => vec![member],
            Ok(Kind::Map { value, .. }) => vec![value],
            _ => Vec::new(),
        }
    }

    /// Whether a value of `from` can contain a value of `to`.
    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(shape) = stack.pop() {
            if shape == to {
                return true;
            }
            if seen.insert(shape.clone()) {
                stack.extend(self.children(&shape));
            }
        }
        false
    }

    /// Whether a member of `owner` typed `member_shape` must be boxed (the
    /// type would otherwise contain itself).
    pub(crate) fn needs_box(&self, owner: &str, member_shape: &str) -> Result<bool, String> {
        Ok(
            matches!(self.kind(member_shape)?, Kind::Struct | Kind::Union)
                && self.reaches(member_shape, owner),
        )
    }

    /// Whether values of `shape` are secret: the shape is marked
    /// `sensitive`, or the list or map it is holds sensitive values, or
    /// the union it is has a sensitive member.
    pub(crate) fn is_sensitive(&self, shape: &str) -> bool {
        self.is_sensitive_in(shape, &mut BTreeSet::new())
    }

    fn is_sensitive_in(&self, shape: &str, seen: &mut BTreeSet<String>) -> bool {
        let Ok(s) = self.model.shape(shape) else {
            return false;
        };
        if s.flag("sensitive") {
            return true;
        }
        // A recursive shape is as sensitive as its first visit finds.
        if !seen.insert(shape.to_string()) {
            return false;
        }
        match self.kind(shape) {
            Ok(Kind::List { member, .. }) => self.is_sensitive_in(&member, seen),
            Ok(Kind::Map { value, .. }) => self.is_sensitive_in(&value, seen),
            Ok(Kind::Union) => self.members(shape).unwrap_or(&[]).iter().any(|(_, r)| {
                r.flag("sensitive")
                    || target(r, "member").is_ok_and(|t| self.is_sensitive_in(&t, seen))
            }),
            _ => false,
        }
    }

    /// Whether the Rust type of `shape` implements `Default` (string enums
    /// and unions do not; a structure does when its plain members do).
    pub(crate) fn has_default(&self, shape: &str) -> bool {
        let mut visiting = BTreeSet::new();
        self.has_default_in(shape, &mut visiting)
    }

    fn has_default_in(&self, shape: &str, visiting: &mut BTreeSet<String>) -> bool {
        match self.kind(shape) {
            Ok(Kind::Enum | Kind::Union) | Err(_) => false,
            Ok(Kind::Struct) => {
                if !visiting.insert(shape.to_string()) {
                    return true;
                }
                let required = self.required(shape);
                self.members(shape)
                    .unwrap_or(&[])
                    .iter()
                    .all(|(member, r)| {
                        !required.contains(member)
                            || target(r, "member").is_ok_and(|t| self.has_default_in(&t, visiting))
                    })
            }
            _ => true,
        }
    }

    /// Whether the Rust type of `shape` can derive `Eq`: no floats or
    /// documents anywhere in it.
    /// Whether a member (`reference`, of `shape`) is a streaming blob.
    pub(crate) fn is_streaming_blob(&self, reference: &Json, shape: &str) -> bool {
        let Ok(s) = self.model.shape(shape) else {
            return false;
        };
        (reference.flag("streaming") || s.flag("streaming")) && s.str("type") == Some("blob")
    }

    pub(crate) fn has_eq(&self, shape: &str) -> bool {
        self.has_eq_in(shape, &mut BTreeSet::new())
    }

    fn has_eq_in(&self, shape: &str, visiting: &mut BTreeSet<String>) -> bool {
        match self.kind(shape) {
            Ok(Kind::Scalar("f32" | "f64") | Kind::Document) | Err(_) => false,
            Ok(Kind::Struct | Kind::Union) => {
                if !visiting.insert(shape.to_string()) {
                    return true;
                }
                self.children(shape)
                    .iter()
                    .all(|c| self.has_eq_in(c, visiting))
            }
            Ok(Kind::List { member, .. }) => self.has_eq_in(&member, visiting),
            Ok(Kind::Map { value, .. }) => self.has_eq_in(&value, visiting),
            _ => true,
        }
    }

    /// The `required` members of a structure.
    pub(crate) fn required(&self, shape: &str) -> Vec<String> {
        self.model
            .shape(shape)
            .map(|s| {
                s.get("required")
                    .items()
                    .iter()
                    .filter_map(Json::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The `timestamp_format` a member needs: its shape's (or its list
    /// items') `timestampFormat`.
    pub(crate) fn timestamp_format(&self, shape: &str) -> Result<Option<&'static str>, String> {
        let element = match self.kind(shape)? {
            Kind::Timestamp => shape.to_string(),
            Kind::List { member, .. } if matches!(self.kind(&member)?, Kind::Timestamp) => member,
            _ => return Ok(None),
        };
        match self.model.shape(&element)?.str("timestampFormat") {
            None => Ok(None),
            Some("iso8601") => Ok(Some("date-time")),
            Some("unixTimestamp") => Ok(Some("epoch-seconds")),
            Some("rfc822") => Ok(Some("http-date")),
            Some(other) => Err(format!(
                "timestamp shape `{element}` has the unknown format `{other}`"
            )),
        }
    }
}
