//! Model shapes → Rust declarations in the macro user syntax
//! (`#[aws_operation]`, `#[aws_shape]`, `#[aws_shape(errors)]`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::model::{target, Gen};
mod declare;
mod xml;

use crate::naming::{
    default_enum_wire, default_field_wire, default_variant_wire, field_ident, pascal_ident, str_lit,
};

/// Names the generated code must not shadow (imports and prelude types).
const RESERVED: &[&str] = &[
    "Blob", "Box", "DateTime", "Default", "Document", "Err", "HashMap", "None", "Ok", "Option",
    "Result", "Self", "Some", "String", "Vec",
];

/// Where a structure sits: its members' HTTP bindings only count at the top.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The operation input (the `#[aws_operation]` struct).
    Input,
    /// The operation output or a modeled exception.
    Output,
    /// Anywhere inside a body: every member is a JSON member.
    Nested,
}

/// How a member travels.
#[derive(Clone, PartialEq, Eq)]
pub enum Binding {
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
pub struct Field {
    /// The model's member name (the key in `params` / `result`).
    pub member: String,
    pub ident: String,
    pub shape: String,
    pub attrs: Vec<String>,
    pub boxed: bool,
    pub optional: bool,
    pub ty: String,
}

/// What a shape becomes in Rust.
pub enum Kind {
    Scalar(&'static str),
    Timestamp,
    Enum,
    Struct,
    Union,
    Document,
    List { member: String, sparse: bool },
    Map { value: String, sparse: bool },
}

/// The declarations of one suite: names given to shapes, in a stable order.
pub struct Ctx<'a> {
    pub protocol: crate::protocol::Protocol,
    pub shapes: &'a Map<String, Value>,
    /// Shape → Rust type name, for structures, unions and string enums.
    names: BTreeMap<String, String>,
    taken: BTreeSet<String>,
    /// Shapes to declare with `#[aws_shape]`, in discovery order.
    order: Vec<String>,
    /// The input shape, declared as the operation struct instead.
    input: Option<String>,
    pub op_type: String,
    pub output_type: String,
    /// The output shape, or `None` when the synthetic empty output is used.
    pub output: Option<String>,
    pub error_type: Option<String>,
    pub errors: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// Names every shape reachable from the operation's input, output and errors.
    pub fn new(
        protocol: crate::protocol::Protocol,
        shapes: &'a Map<String, Value>,
        operation: &str,
        input: Option<&str>,
        output: Option<&str>,
        errors: &[&str],
    ) -> Gen<Ctx<'a>> {
        let mut ctx = Ctx {
            protocol,
            shapes,
            names: BTreeMap::new(),
            taken: RESERVED.iter().map(|s| s.to_string()).collect(),
            order: Vec::new(),
            input: input.map(str::to_string),
            op_type: String::new(),
            output_type: String::new(),
            output: output.map(str::to_string),
            error_type: None,
            errors: errors.iter().map(|s| s.to_string()).collect(),
        };
        ctx.op_type = ctx.unique(&pascal_ident(operation));
        if let Some(input) = input {
            if ctx.shape(input)?.get("type").and_then(Value::as_str) != Some("structure") {
                return Err(format!("input shape `{input}` is not a structure"));
            }
            ctx.discover_members(input)?;
        }
        match output {
            Some(output) => ctx.discover(output)?,
            None => ctx.output_type = ctx.unique(&format!("{}Output", ctx.op_type)),
        }
        if !errors.is_empty() {
            ctx.error_type = Some(ctx.unique(&format!("{}Error", ctx.op_type)));
            for error in errors {
                ctx.discover(error)?;
            }
        }
        if let Some(output) = output {
            ctx.output_type = ctx.type_name(output)?;
        }
        Ok(ctx)
    }

    fn unique(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    pub fn shape(&self, name: &str) -> Gen<&'a Map<String, Value>> {
        self.shapes
            .get(name)
            .and_then(Value::as_object)
            .ok_or_else(|| format!("shape `{name}` is not defined"))
    }

    pub fn kind(&self, name: &str) -> Gen<Kind> {
        let shape = self.shape(name)?;
        let ty = shape.get("type").and_then(Value::as_str).unwrap_or("");
        let flag = |k: &str| shape.get(k).and_then(Value::as_bool).unwrap_or(false);
        Ok(match ty {
            "string" if shape.contains_key("enum") => Kind::Enum,
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
            "structure" if flag("document") => Kind::Document,
            "structure" if flag("union") => Kind::Union,
            "structure" => Kind::Struct,
            "list" => Kind::List {
                member: target(
                    shape.get("member").unwrap_or(&Value::Null),
                    &format!("list `{name}`"),
                )?,
                sparse: flag("sparse"),
            },
            "map" => {
                let key = target(
                    shape.get("key").unwrap_or(&Value::Null),
                    &format!("map `{name}` key"),
                )?;
                if !matches!(self.kind(&key)?, Kind::Scalar("String") | Kind::Enum) {
                    return Err(format!("map `{name}` has non-string keys"));
                }
                Kind::Map {
                    value: target(
                        shape.get("value").unwrap_or(&Value::Null),
                        &format!("map `{name}` value"),
                    )?,
                    sparse: flag("sparse"),
                }
            }
            other => return Err(format!("shape `{name}` has unsupported type `{other}`")),
        })
    }

    fn discover(&mut self, name: &str) -> Gen<()> {
        if self.names.contains_key(name) {
            return Ok(());
        }
        // An input shape also used as a member is declared twice: as the
        // operation struct, and as a structure of its own name.
        match self.kind(name)? {
            Kind::Enum | Kind::Struct | Kind::Union => {
                let rust = self.unique(&pascal_ident(name));
                self.names.insert(name.to_string(), rust);
                self.order.push(name.to_string());
                self.discover_members(name)
            }
            Kind::List { member, .. } => self.discover(&member),
            Kind::Map { value, .. } => self.discover(&value),
            Kind::Scalar(_) | Kind::Timestamp | Kind::Document => Ok(()),
        }
    }

    fn discover_members(&mut self, name: &str) -> Gen<()> {
        for (member, reference) in self.members(name)? {
            self.discover(&target(reference, &format!("member `{name}.{member}`"))?)?;
        }
        Ok(())
    }

    pub fn members(&self, name: &str) -> Gen<&'a Map<String, Value>> {
        match self.shape(name)?.get("members") {
            None => Ok(crate::model::empty_map()),
            Some(m) => m
                .as_object()
                .ok_or_else(|| format!("shape `{name}`: `members` is not an object")),
        }
    }

    pub fn type_name(&self, shape: &str) -> Gen<String> {
        self.names
            .get(shape)
            .cloned()
            .ok_or_else(|| format!("shape `{shape}` has no generated type"))
    }

    /// The Rust type of a value of `shape`.
    pub fn rust_type(&self, shape: &str) -> Gen<String> {
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

    /// Whether a value of `from` can contain a value of `to` (then a member
    /// of `to` typed `from` must be boxed).
    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(shape) = stack.pop() {
            if shape == to {
                return true;
            }
            if !seen.insert(shape.clone()) {
                continue;
            }
            match self.kind(&shape) {
                Ok(Kind::Struct | Kind::Union) => {
                    if let Ok(members) = self.members(&shape) {
                        for reference in members.values() {
                            if let Ok(t) = target(reference, "member") {
                                stack.push(t);
                            }
                        }
                    }
                }
                Ok(Kind::List { member, .. }) => stack.push(member),
                Ok(Kind::Map { value, .. }) => stack.push(value),
                _ => {}
            }
        }
        false
    }

    fn needs_box(&self, owner: &str, member_shape: &str) -> Gen<bool> {
        Ok(
            matches!(self.kind(member_shape)?, Kind::Struct | Kind::Union)
                && self.reaches(member_shape, owner),
        )
    }

    /// The `timestamp_format` a member needs (its shape's, or its list
    /// element's, `timestampFormat`).
    fn timestamp_format(&self, shape: &str) -> Gen<Option<&'static str>> {
        let element = match self.kind(shape)? {
            Kind::Timestamp => shape.to_string(),
            Kind::List { member, .. } if matches!(self.kind(&member)?, Kind::Timestamp) => member,
            _ => return Ok(None),
        };
        match self
            .shape(&element)?
            .get("timestampFormat")
            .and_then(Value::as_str)
        {
            None => Ok(None),
            Some("iso8601") => Ok(Some("date-time")),
            Some("unixTimestamp") => Ok(Some("epoch-seconds")),
            Some("rfc822") => Ok(Some("http-date")),
            Some(other) => Err(format!(
                "timestamp shape `{element}` has unknown format `{other}`"
            )),
        }
    }

    /// The fields of structure `shape` in `role`.
    pub fn fields(&self, shape: &str, role: Role) -> Gen<Vec<Field>> {
        let payload = match role {
            _ if !self.protocol.http_bindings => None,
            Role::Nested => None,
            _ => self.shape(shape)?.get("payload").and_then(Value::as_str),
        };
        let mut idents = BTreeSet::new();
        let mut fields = Vec::new();
        for (member, reference) in self.members(shape)? {
            let what = format!("member `{shape}.{member}`");
            let member_shape = target(reference, &what)?;
            let location = reference.get("location").and_then(Value::as_str);
            let location_name = reference.get("locationName").and_then(Value::as_str);
            let wire = location_name.unwrap_or(member);
            // `jsonvalue` only changes how a header carries its string
            // (base64); in a body it is a plain string.
            let json_header = reference.get("jsonvalue").and_then(Value::as_bool) == Some(true)
                && location == Some("header");
            let is_map = matches!(self.kind(&member_shape)?, Kind::Map { .. });
            // RPC protocols have no HTTP bindings: `location` and
            // `payload` in their fixtures mean nothing.
            let role_here = if self.protocol.http_bindings {
                role
            } else {
                Role::Nested
            };
            let binding = match (role_here, location) {
                (Role::Nested, _) => Binding::Body,
                (Role::Input, Some("uri")) => Binding::Label,
                (Role::Input, Some("querystring")) if is_map && location_name.is_none() => {
                    Binding::QueryMap
                }
                (Role::Input, Some("querystring")) => Binding::Query(wire.to_string()),
                // Request bindings mean nothing in a response: such a
                // member is a body member there (Smithy ignores httpLabel and
                // httpQuery on output).
                (Role::Output, Some("uri" | "querystring")) => Binding::Body,
                (_, Some("header")) => Binding::Header(wire.to_string()),
                (_, Some("headers")) => {
                    Binding::PrefixHeaders(location_name.unwrap_or("").to_string())
                }
                (Role::Output, Some("statusCode")) => Binding::StatusCode,
                (_, None) if payload == Some(member.as_str()) => Binding::Payload,
                (_, None) => Binding::Body,
                (_, Some(other)) => {
                    return Err(format!("{what} has unsupported location `{other}`"))
                }
            };

            let (mut ident, escaped) = field_ident(member);
            while !idents.insert(ident.clone()) {
                ident.push('_');
            }
            let renamed =
                escaped || ident != field_ident(member).0 || default_field_wire(&ident) != wire;

            let mut attrs = Vec::new();
            match &binding {
                Binding::Body => {}
                Binding::Label => attrs.push("label".to_string()),
                Binding::Query(name) => attrs.push(format!("query = {}", str_lit(name))),
                Binding::QueryMap => attrs.push("query_params".to_string()),
                Binding::Header(name) => attrs.push(format!("header = {}", str_lit(name))),
                Binding::PrefixHeaders(prefix) => {
                    attrs.push(format!("prefix_headers = {}", str_lit(prefix)))
                }
                Binding::StatusCode => attrs.push("response_code".to_string()),
                Binding::Payload => attrs.push("payload".to_string()),
            }
            if matches!(binding, Binding::Body | Binding::Label) && renamed {
                attrs.push(format!("rename = {}", str_lit(wire)));
            }
            // An XML payload's own element name (one equal to the member
            // name says nothing: the payload's shape names the root then).
            if binding == Binding::Payload && self.is_xml() {
                if let Some(name) = location_name.filter(|n| n != member) {
                    attrs.push(format!("rename = {}", str_lit(name)));
                }
            }
            if let Some(format) = self.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            if json_header && matches!(binding, Binding::Header(_)) {
                attrs.push("media_type = \"application/json\"".to_string());
            }
            if matches!(binding, Binding::Body | Binding::Payload) {
                attrs.extend(self.xml_member_args(reference, &member_shape)?);
            }
            if role == Role::Input
                && reference.get("idempotencyToken").and_then(Value::as_bool) == Some(true)
            {
                attrs.push("idempotency_token".to_string());
            }
            if role == Role::Input
                && reference.get("hostLabel").and_then(Value::as_bool) == Some(true)
            {
                attrs.push(format!("host_label = {}", str_lit(member)));
            }

            let boxed = self.needs_box(shape, &member_shape)?;
            let optional = binding != Binding::Label;
            let mut ty = self.rust_type(&member_shape)?;
            if boxed {
                ty = format!("Box<{ty}>");
            }
            if optional {
                ty = format!("Option<{ty}>");
            }
            fields.push(Field {
                member: member.clone(),
                ident,
                shape: member_shape,
                attrs,
                boxed,
                optional,
                ty,
            });
        }
        Ok(fields)
    }
}
