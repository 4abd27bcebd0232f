//! Model shapes → Rust declarations in the macro user syntax
//! (`#[aws_operation]`, `#[aws_shape]`, `#[aws_shape(errors)]`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::model::{target, Gen};
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
    /// A request-only binding (URI, query) on an output: never read from a response.
    Omitted(&'static str),
}

/// One generated struct field.
pub struct Field {
    /// The model's member name (the key in `params` / `result`).
    pub member: String,
    pub ident: String,
    pub shape: String,
    pub binding: Binding,
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
        shapes: &'a Map<String, Value>,
        operation: &str,
        input: Option<&str>,
        output: Option<&str>,
        errors: &[&str],
    ) -> Gen<Ctx<'a>> {
        let mut ctx = Ctx {
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
        if self.input.as_deref() == Some(name) {
            return Err(format!("the input shape `{name}` is also used as a member"));
        }
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
            if reference.get("jsonvalue").and_then(Value::as_bool) == Some(true) {
                return Err(format!(
                    "{what} is a `jsonvalue` (mediaType) header: no macro syntax for it"
                ));
            }
            let is_map = matches!(self.kind(&member_shape)?, Kind::Map { .. });
            let binding = match (role, location) {
                (Role::Nested, _) => Binding::Body,
                (Role::Input, Some("uri")) => Binding::Label,
                (Role::Input, Some("querystring")) if is_map && location_name.is_none() => {
                    Binding::QueryMap
                }
                (Role::Input, Some("querystring")) => Binding::Query(wire.to_string()),
                (Role::Output, Some("uri")) => Binding::Omitted("bound to the request URI"),
                (Role::Output, Some("querystring")) => {
                    Binding::Omitted("bound to the request query string")
                }
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
                Binding::Body | Binding::Omitted(_) => {}
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
            if let Some(format) = self.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            if role == Role::Input
                && reference.get("idempotencyToken").and_then(Value::as_bool) == Some(true)
            {
                attrs.push("idempotency_token".to_string());
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
                binding,
                attrs,
                boxed,
                optional,
                ty,
            });
        }
        Ok(fields)
    }

    /// Every declaration of the suite.
    /// With `only_errors`, the operation and output structs are never built
    /// (only the error enum is exercised) and say so to the dead-code lint.
    pub fn declarations(
        &self,
        operation: &crate::model::Given<'_>,
        only_errors: bool,
    ) -> Gen<String> {
        let unused = if only_errors {
            "#[allow(dead_code)] // only the operation's errors are exercised\n"
        } else {
            ""
        };
        let mut out = String::new();
        self.operation_struct(operation, unused, &mut out)?;
        if self.output.is_none() {
            out.push_str(unused);
            writeln!(out, "#[aws_shape]").ok();
            writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
            writeln!(out, "pub struct {} {{}}\n", self.output_type).ok();
        }
        if let Some(error_type) = &self.error_type {
            writeln!(out, "#[aws_shape(errors)]").ok();
            writeln!(out, "#[derive(Debug, Clone, PartialEq)]").ok();
            writeln!(out, "pub enum {error_type} {{").ok();
            for error in &self.errors {
                let rust = self.type_name(error)?;
                let variant = pascal_ident(error);
                if variant != *error {
                    writeln!(out, "    #[aws(rename = {})]", str_lit(error)).ok();
                }
                writeln!(out, "    {variant}({rust}),").ok();
            }
            writeln!(out, "}}\n").ok();
        }
        for shape in &self.order {
            let is_output = Some(shape) == self.output.as_ref();
            let role = if is_output || self.errors.contains(shape) {
                Role::Output
            } else {
                Role::Nested
            };
            if is_output {
                out.push_str(unused);
            }
            match self.kind(shape)? {
                Kind::Struct => self.struct_decl(shape, role, &mut out)?,
                Kind::Union => self.union_decl(shape, &mut out)?,
                Kind::Enum => self.enum_decl(shape, &mut out)?,
                _ => {}
            }
        }
        Ok(out)
    }

    fn operation_struct(
        &self,
        op: &crate::model::Given<'_>,
        unused: &str,
        out: &mut String,
    ) -> Gen<()> {
        let fields = match &self.input {
            Some(input) => self.fields(input, Role::Input)?,
            None => Vec::new(),
        };
        let mut args = vec![
            "service = \"restjson\"".to_string(),
            format!("method = {}", str_lit(op.method)),
            format!("uri = {}", str_lit(op.uri)),
            format!("status = {}", op.status),
            format!("output = {}", self.output_type),
        ];
        if let Some(error_type) = &self.error_type {
            args.push(format!("error = {error_type}"));
        }
        args.push(format!("name = {}", str_lit(op.name)));
        out.push_str(unused);
        writeln!(out, "#[aws_operation(\n    {}\n)]", args.join(",\n    ")).ok();
        writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
        self.struct_body(&self.op_type, &fields, out);
        Ok(())
    }

    fn struct_decl(&self, shape: &str, role: Role, out: &mut String) -> Gen<()> {
        let fields = self.fields(shape, role)?;
        writeln!(out, "#[aws_shape]").ok();
        writeln!(out, "#[derive(Debug, Clone, Default, PartialEq)]").ok();
        self.struct_body(&self.type_name(shape)?, &fields, out);
        Ok(())
    }

    fn struct_body(&self, name: &str, fields: &[Field], out: &mut String) {
        if fields.is_empty() {
            writeln!(out, "pub struct {name} {{}}\n").ok();
            return;
        }
        writeln!(out, "pub struct {name} {{").ok();
        for field in fields {
            if let Binding::Omitted(why) = field.binding {
                writeln!(
                    out,
                    "    // `{}`: {why}; a response never carries it.",
                    field.member
                )
                .ok();
                continue;
            }
            if !field.attrs.is_empty() {
                writeln!(out, "    #[aws({})]", field.attrs.join(", ")).ok();
            }
            writeln!(out, "    pub {}: {},", field.ident, field.ty).ok();
        }
        writeln!(out, "}}\n").ok();
    }

    /// Variant name → wire value, for a string enum (the macro adds `Unknown`).
    pub fn enum_variants(&self, shape: &str) -> Gen<Vec<(String, String)>> {
        let values = self
            .shape(shape)?
            .get("enum")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("enum `{shape}` has no value list"))?;
        let mut used = BTreeSet::from(["Unknown".to_string()]);
        values
            .iter()
            .map(|v| {
                let value = v
                    .as_str()
                    .ok_or_else(|| format!("enum `{shape}` has a non-string value"))?;
                let mut variant = pascal_ident(value);
                while !used.insert(variant.clone()) {
                    variant.push('_');
                }
                Ok((variant, value.to_string()))
            })
            .collect()
    }

    fn enum_decl(&self, shape: &str, out: &mut String) -> Gen<()> {
        writeln!(out, "#[aws_shape]").ok();
        writeln!(out, "#[derive(Debug, Clone, PartialEq, Eq, Hash)]").ok();
        writeln!(out, "pub enum {} {{", self.type_name(shape)?).ok();
        for (variant, value) in self.enum_variants(shape)? {
            if default_enum_wire(&variant) != value {
                writeln!(out, "    #[aws(rename = {})]", str_lit(&value)).ok();
            }
            writeln!(out, "    {variant},").ok();
        }
        writeln!(out, "}}\n").ok();
        Ok(())
    }

    /// Member name → (variant, member shape, boxed), for a union.
    pub fn union_variants(&self, shape: &str) -> Gen<Vec<(String, String, String, bool)>> {
        let mut used = BTreeSet::from(["Unknown".to_string()]);
        self.members(shape)?
            .iter()
            .map(|(member, reference)| {
                let member_shape = target(reference, &format!("union member `{shape}.{member}`"))?;
                let mut variant = pascal_ident(member);
                while !used.insert(variant.clone()) {
                    variant.push('_');
                }
                let boxed = self.needs_box(shape, &member_shape)?;
                Ok((member.clone(), variant, member_shape, boxed))
            })
            .collect()
    }

    fn union_decl(&self, shape: &str, out: &mut String) -> Gen<()> {
        writeln!(out, "#[aws_shape]").ok();
        writeln!(out, "#[derive(Debug, Clone, PartialEq)]").ok();
        writeln!(out, "pub enum {} {{", self.type_name(shape)?).ok();
        let members = self.members(shape)?;
        for (member, variant, member_shape, boxed) in self.union_variants(shape)? {
            let wire = members
                .get(&member)
                .and_then(|r| r.get("locationName"))
                .and_then(Value::as_str)
                .unwrap_or(&member);
            let mut attrs = Vec::new();
            if default_variant_wire(&variant) != wire {
                attrs.push(format!("rename = {}", str_lit(wire)));
            }
            if let Some(format) = self.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            if !attrs.is_empty() {
                writeln!(out, "    #[aws({})]", attrs.join(", ")).ok();
            }
            let mut ty = self.rust_type(&member_shape)?;
            if boxed {
                ty = format!("Box<{ty}>");
            }
            writeln!(out, "    {variant}({ty}),").ok();
        }
        writeln!(out, "}}\n").ok();
        Ok(())
    }

    /// The input shape's name, if the operation has one.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }
}
