//! A structure's members → struct fields: the binding, the type, and the
//! `#[aws(...)]` options each needs.

use std::collections::BTreeSet;

use super::{Ctx, Kind};
use crate::json::Json;
use crate::model::target;
use crate::naming::{best_rule, field_ident, str_lit, Rule};

/// Where a structure sits: its members' HTTP bindings only count at the top.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The operation input (the `#[aws_operation]` struct).
    Input,
    /// An operation's output or a modeled exception.
    Output,
    /// Anywhere inside a body.
    Nested,
}

#[derive(Clone, PartialEq, Eq)]
enum Binding {
    Body,
    Label,
    Query(String),
    QueryMap,
    Header(String),
    PrefixHeaders(String),
    StatusCode,
    Payload,
}

/// One generated struct field.
pub(crate) struct Field {
    /// The model's member name.
    pub(crate) member: String,
    pub(crate) ident: String,
    /// Its wire name, when `rename_all` or `rename` must produce it.
    pub(crate) wire: Option<String>,
    /// A `rename` is needed whatever the rule (the name was escaped).
    pub(crate) escaped: bool,
    pub(crate) attrs: Vec<String>,
    pub(crate) ty: String,
    pub(crate) docs: Option<String>,
    pub(crate) deprecated: Option<Option<String>>,
    pub(crate) sensitive: bool,
}

/// A structure's fields, and the `rename_all` that names them best.
pub(crate) struct Fields {
    pub(crate) fields: Vec<Field>,
    pub(crate) rule: Rule,
    /// Deprecated members left out: their wire name is another member's.
    pub(crate) dropped: Vec<String>,
}

/// The type of a streaming payload (S3's `Body`): bytes, a file or a
/// reader going out, the connection coming in, never held whole.
pub(crate) const STREAM_TYPE: &str = "ByteStream";

impl Ctx<'_> {
    /// The fields of structure `shape` in `role`.
    pub(crate) fn fields(&self, shape: &str, role: Role) -> Result<Fields, String> {
        let role = if self.service.http_bindings {
            role
        } else {
            Role::Nested
        };
        let payload = match role {
            Role::Nested => None,
            _ => self.model.shape(shape)?.str("payload"),
        };
        let required = self.required(shape);
        let mut idents = BTreeSet::new();
        let mut fields = Vec::new();
        for (member, reference) in self.members(shape)? {
            let what = format!("member `{shape}.{member}`");
            let member_shape = target(reference, &what)?;
            let location = reference.str("location");
            let location_name = reference.str("locationName");
            let wire = location_name.unwrap_or(member);
            let is_map = matches!(self.kind(&member_shape)?, Kind::Map { .. });
            let binding = match (role, location) {
                (Role::Nested, _) => Binding::Body,
                (Role::Input, Some("uri")) => Binding::Label,
                (Role::Input, Some("querystring")) if is_map && location_name.is_none() => {
                    Binding::QueryMap
                }
                (Role::Input, Some("querystring")) => Binding::Query(wire.to_string()),
                // Request bindings mean nothing in a response.
                (Role::Output, Some("uri" | "querystring")) => Binding::Body,
                (_, Some("header")) => Binding::Header(wire.to_string()),
                (_, Some("headers")) => {
                    Binding::PrefixHeaders(location_name.unwrap_or("").to_string())
                }
                (Role::Output, Some("statusCode")) => Binding::StatusCode,
                (_, None) if payload == Some(member.as_str()) => Binding::Payload,
                (_, None) => Binding::Body,
                (_, Some(other)) => {
                    return Err(format!("{what} has the unsupported location `{other}`"))
                }
            };

            let (mut ident, mut escaped) = field_ident(member);
            while !idents.insert(ident.clone()) {
                ident.push('_');
                escaped = true;
            }
            let mut attrs = Vec::new();
            let mut named = None;
            match &binding {
                Binding::Body => named = Some(wire.to_string()),
                Binding::Label => {
                    attrs.push("label".to_string());
                    named = Some(wire.to_string());
                }
                Binding::Query(name) => attrs.push(format!("query = {}", str_lit(name))),
                Binding::QueryMap => attrs.push("query_params".to_string()),
                Binding::Header(name) => attrs.push(format!("header = {}", str_lit(name))),
                Binding::PrefixHeaders(prefix) => {
                    attrs.push(format!("prefix_headers = {}", str_lit(prefix)))
                }
                Binding::StatusCode => attrs.push("response_code".to_string()),
                Binding::Payload => {
                    attrs.push("payload".to_string());
                    // An XML payload's own element name.
                    if self.service.is_xml() {
                        if let Some(name) = location_name.filter(|n| n != member) {
                            attrs.push(format!("rename = {}", str_lit(name)));
                        }
                    }
                }
            }
            if let Some(format) = self.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            if reference.flag("jsonvalue") && matches!(binding, Binding::Header(_)) {
                attrs.push("media_type = \"application/json\"".to_string());
            }
            if matches!(binding, Binding::Body | Binding::Payload) {
                attrs.extend(self.xml_member_args(reference, &member_shape)?);
            }
            let token = role == Role::Input && reference.flag("idempotencyToken");
            if token {
                attrs.push("idempotency_token".to_string());
            }
            // `{Name}` of the host prefix is the model's member name. (S3
            // Control marks host labels of operations whose host the
            // endpoint rules choose, with no prefix: nothing to fill there.)
            if role == Role::Input
                && reference.flag("hostLabel")
                && self.host_prefix_names(shape, member)
            {
                attrs.push(format!("host_label = {}", str_lit(member)));
            }
            let sensitive = reference.flag("sensitive") || self.is_sensitive(&member_shape);
            if sensitive {
                attrs.push("sensitive".to_string());
            }

            let streaming =
                binding == Binding::Payload && self.is_streaming_blob(reference, &member_shape);
            let mut ty = if streaming {
                STREAM_TYPE.to_string()
            } else {
                self.rust_type(&member_shape)?
            };
            if self.needs_box(shape, &member_shape)? {
                ty = format!("Box<{ty}>");
            }
            // Labels must be set; the status is always there; a stream is
            // empty by default; other members are plain when the model
            // requires them.
            let plain = match binding {
                _ if streaming => true,
                Binding::Label => true,
                Binding::StatusCode => false,
                _ => required.contains(member) && !token,
            };
            if !plain {
                ty = format!("Option<{ty}>");
            }
            let deprecated = (reference.flag("deprecated")
                || self.model.shape(&member_shape)?.flag("deprecated"))
            .then(|| reference.str("deprecatedMessage").map(str::to_string));
            fields.push(Field {
                member: wire.to_string(),
                ident,
                wire: named,
                escaped,
                attrs,
                ty,
                docs: reference.str("documentation").map(str::to_string),
                deprecated,
                sensitive,
            });
        }
        // Two body members under one wire name (S3's deprecated `Event`
        // next to the flattened `Events` list of `Event` elements): the
        // deprecated one goes, the wire being the other's.
        let mut dropped = Vec::new();
        let mut i = 0;
        while i < fields.len() {
            let clash = fields[i].wire.as_ref().is_some_and(|w| {
                fields
                    .iter()
                    .enumerate()
                    .any(|(j, f)| j != i && f.wire.as_ref() == Some(w))
            });
            if clash && fields[i].deprecated.is_some() {
                dropped.push(fields.remove(i).ident);
            } else {
                i += 1;
            }
        }
        let pairs: Vec<(String, String)> = fields
            .iter()
            .filter(|f| !f.escaped)
            .filter_map(|f| f.wire.clone().map(|w| (f.ident.clone(), w)))
            .collect();
        let rule = best_rule(&[Rule::Default, Rule::Pascal], &pairs, |r, n| r.field(n));
        for field in &mut fields {
            if let Some(wire) = &field.wire {
                if field.escaped || rule.field(&field.ident) != *wire {
                    field.attrs.push(format!("rename = {}", str_lit(wire)));
                }
            }
        }
        Ok(Fields {
            fields,
            rule,
            dropped,
        })
    }
}

impl Ctx<'_> {
    /// Whether an operation taking `input` has a host prefix with `{member}`.
    fn host_prefix_names(&self, input: &str, member: &str) -> bool {
        let label = format!("{{{member}}}");
        self.model.operations().iter().any(|(_, op)| {
            op.get("input").str("shape") == Some(input)
                && op
                    .get("endpoint")
                    .str("hostPrefix")
                    .is_some_and(|prefix| prefix.contains(&label))
        })
    }
}

/// The `#[deprecated]` attribute for a model's deprecation.
pub(crate) fn deprecated_attr(deprecated: &Option<Option<String>>) -> Option<String> {
    match deprecated {
        None => None,
        Some(None) => Some("#[deprecated]".to_string()),
        Some(Some(note)) => Some(format!("#[deprecated(note = {})]", str_lit(note))),
    }
}

/// A shape's or reference's deprecation, as [`deprecated_attr`] takes it.
pub(crate) fn deprecation(json: &Json) -> Option<Option<String>> {
    json.flag("deprecated")
        .then(|| json.str("deprecatedMessage").map(str::to_string))
}
