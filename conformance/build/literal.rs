//! JSON values from the fixtures (`params`, `result`, `error`) → Rust
//! expressions of the generated types.

use serde_json::Value;

use crate::model::Gen;
use crate::naming::str_lit;
use crate::shapes::{Ctx, Kind, Role};

/// A top-level float member whose expected value is NaN: `PartialEq` can
/// never hold for it, so the case checks it with `is_nan` and clears it.
pub struct NanField {
    pub ident: String,
    pub member: String,
}

fn pad(indent: usize) -> String {
    " ".repeat(indent)
}

impl Ctx<'_> {
    /// A struct literal for `shape` in `role`, every field spelled out.
    /// With `nan`, top-level NaN floats are collected there and left `None`.
    pub fn struct_literal(
        &self,
        type_name: &str,
        shape: Option<&str>,
        role: Role,
        value: &Value,
        indent: usize,
        mut nan: Option<&mut Vec<NanField>>,
    ) -> Gen<String> {
        let object = match value {
            Value::Object(o) => o,
            Value::Null => crate::model::empty_map(),
            other => {
                return Err(format!(
                    "expected an object for `{type_name}`, found {other}"
                ))
            }
        };
        let fields = match shape {
            Some(shape) => self.fields(shape, role)?,
            None => Vec::new(),
        };
        for key in object.keys() {
            if !fields.iter().any(|f| &f.member == key) {
                return Err(format!("`{key}` is not a member of `{type_name}`"));
            }
        }
        let mut lines = Vec::new();
        let mut defaulted = false;
        for field in &fields {
            let given = object.get(&field.member).filter(|v| !v.is_null());
            // Every generated struct derives `Default` (labels are scalars,
            // `DateTime` included), so unset members are left to it.
            if given.is_none() && field.optional {
                defaulted = true;
                continue;
            }
            let expr = match given {
                None if field.optional => "None".to_string(),
                None => return Err(format!("required member `{}` has no value", field.member)),
                Some(v) => {
                    if let (Some(nan), true) = (nan.as_deref_mut(), v.as_str() == Some("NaN")) {
                        if matches!(self.kind(&field.shape)?, Kind::Scalar("f32" | "f64")) {
                            nan.push(NanField {
                                ident: field.ident.clone(),
                                member: field.member.clone(),
                            });
                            lines.push(format!(
                                "{}{}: None, // NaN: checked below, as NaN != NaN",
                                pad(indent + 4),
                                field.ident
                            ));
                            continue;
                        }
                    }
                    let mut expr = self.literal(&field.shape, v, indent + 4)?;
                    if field.boxed {
                        expr = format!("Box::new({expr})");
                    }
                    if field.optional {
                        expr = format!("Some({expr})");
                    }
                    expr
                }
            };
            lines.push(format!("{}{}: {expr},", pad(indent + 4), field.ident));
        }
        if defaulted {
            lines.push(format!("{}..Default::default()", pad(indent + 4)));
        }
        if lines.is_empty() {
            return Ok(format!("{type_name} {{}}"));
        }
        Ok(format!(
            "{type_name} {{\n{}\n{}}}",
            lines.join("\n"),
            pad(indent)
        ))
    }

    /// An expression of `shape`'s Rust type for `value`.
    pub fn literal(&self, shape: &str, value: &Value, indent: usize) -> Gen<String> {
        let mismatch = || format!("value {value} does not fit shape `{shape}`");
        Ok(match self.kind(shape)? {
            Kind::Scalar("String") => format!(
                "{}.to_string()",
                str_lit(value.as_str().ok_or_else(mismatch)?)
            ),
            Kind::Scalar("bool") => value.as_bool().ok_or_else(mismatch)?.to_string(),
            Kind::Scalar(int @ ("i8" | "i16" | "i32" | "i64")) => {
                let n = value.as_i64().ok_or_else(mismatch)?;
                format!("{n}_{int}")
            }
            Kind::Scalar(float @ ("f32" | "f64")) => match value {
                Value::Number(n) => {
                    let f = n.as_f64().ok_or_else(mismatch)?;
                    format!("{f:?}_{float}")
                }
                Value::String(s) => match s.as_str() {
                    "NaN" => format!("{float}::NAN"),
                    "Infinity" => format!("{float}::INFINITY"),
                    "-Infinity" => format!("{float}::NEG_INFINITY"),
                    _ => return Err(mismatch()),
                },
                _ => return Err(mismatch()),
            },
            Kind::Scalar("Blob") => format!(
                "lit::blob({})",
                str_lit(value.as_str().ok_or_else(mismatch)?)
            ),
            Kind::Scalar(other) => return Err(format!("no literal for scalar type `{other}`")),
            Kind::Timestamp => {
                let Value::Number(n) = value else {
                    return Err(mismatch());
                };
                let (secs, nanos) = epoch_parts(&n.to_string()).ok_or_else(mismatch)?;
                format!("lit::timestamp({secs}, {nanos})")
            }
            Kind::Document => {
                let json = serde_json::to_string(value).map_err(|e| e.to_string())?;
                format!("lit::document({})", str_lit(&json))
            }
            Kind::Enum => {
                let text = value.as_str().ok_or_else(mismatch)?;
                let ty = self.type_name(shape)?;
                match self
                    .enum_variants(shape)?
                    .into_iter()
                    .find(|(_, v)| v == text)
                {
                    Some((variant, _)) => format!("{ty}::{variant}"),
                    None => format!("{ty}::Unknown({}.to_string())", str_lit(text)),
                }
            }
            Kind::List { member, sparse } => {
                let items = value.as_array().ok_or_else(mismatch)?;
                let items = items
                    .iter()
                    .map(|item| self.element(&member, item, sparse, indent + 4))
                    .collect::<Gen<Vec<_>>>()?;
                format!("vec![{}]", layout(&items, indent))
            }
            Kind::Map {
                value: value_shape,
                sparse,
            } => {
                let entries = value.as_object().ok_or_else(mismatch)?;
                if entries.is_empty() {
                    "HashMap::new()".to_string()
                } else {
                    let entries = entries
                        .iter()
                        .map(|(k, v)| {
                            Ok(format!(
                                "({}.to_string(), {})",
                                str_lit(k),
                                self.element(&value_shape, v, sparse, indent + 4)?
                            ))
                        })
                        .collect::<Gen<Vec<_>>>()?;
                    format!("HashMap::from([{}])", layout(&entries, indent))
                }
            }
            Kind::Struct => self.struct_literal(
                &self.type_name(shape)?,
                Some(shape),
                Role::Nested,
                value,
                indent,
                None,
            )?,
            Kind::Union => {
                let set: Vec<_> = value
                    .as_object()
                    .ok_or_else(mismatch)?
                    .iter()
                    .filter(|(_, v)| !v.is_null())
                    .collect();
                let [(member, v)] = set.as_slice() else {
                    return Err(format!(
                        "union `{shape}` value {value} must set exactly one member"
                    ));
                };
                let (_, variant, member_shape, boxed) = self
                    .union_variants(shape)?
                    .into_iter()
                    .find(|(m, ..)| m == *member)
                    .ok_or_else(|| format!("`{member}` is not a member of union `{shape}`"))?;
                let mut inner = self.literal(&member_shape, v, indent)?;
                if boxed {
                    inner = format!("Box::new({inner})");
                }
                format!("{}::{variant}({inner})", self.type_name(shape)?)
            }
        })
    }

    fn element(&self, shape: &str, value: &Value, sparse: bool, indent: usize) -> Gen<String> {
        match (value.is_null(), sparse) {
            (true, true) => Ok("None".to_string()),
            (true, false) => Err(format!("null element in a dense collection of `{shape}`")),
            (false, true) => Ok(format!("Some({})", self.literal(shape, value, indent)?)),
            (false, false) => self.literal(shape, value, indent),
        }
    }
}

/// Collection items inline when short, else one per line (each already
/// rendered for `indent + 4`).
fn layout(items: &[String], indent: usize) -> String {
    let inline = items.join(", ");
    if inline.len() <= 60 && !inline.contains('\n') {
        return inline;
    }
    let mut out = String::from("\n");
    for item in items {
        out.push_str(&format!("{}{item},\n", pad(indent + 4)));
    }
    out.push_str(&pad(indent));
    out
}

/// Epoch seconds as written in JSON (`1398796238`, `946845296.123`,
/// `-1.5`) → whole seconds (floored) and nanoseconds, without float rounding.
fn epoch_parts(text: &str) -> Option<(i64, u32)> {
    if text.contains(['e', 'E']) {
        return None;
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole: i64 = whole.parse().ok()?;
    let mut nanos_text: String = fraction.chars().take(9).collect();
    while nanos_text.len() < 9 {
        nanos_text.push('0');
    }
    let nanos: u32 = nanos_text.parse().ok()?;
    Some(match (negative, nanos) {
        (false, _) => (whole, nanos),
        (true, 0) => (-whole, 0),
        (true, n) => (-whole - 1, 1_000_000_000 - n),
    })
}
