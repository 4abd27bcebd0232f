//! Writing the module: operation structs, the service's error enum, and
//! every structure, enum and union, in the macro user syntax.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::fields::{deprecated_attr, deprecation, Field, Role, STREAM_TYPE};
use super::{Ctx, Kind, Op};
use crate::docs::markdown;
use crate::model::target;
use crate::naming::{best_rule, str_lit, variant_ident, Rule};

/// Lines longer than this are broken, one argument per line (rustfmt's width).
const MAX_WIDTH: usize = 100;

/// Variants the macros add themselves.
const MACRO_VARIANTS: &[&str] = &["Unknown", "Unhandled"];

/// `#[name(args)]` on one line, or one argument per line when too long.
fn attribute(out: &mut String, indent: &str, name: &str, args: &[String]) {
    let one_line = format!("{indent}#[{name}({})]", args.join(", "));
    if one_line.len() <= MAX_WIDTH {
        writeln!(out, "{one_line}").ok();
    } else {
        writeln!(out, "{indent}#[{name}(").ok();
        for arg in args {
            writeln!(out, "{indent}    {arg},").ok();
        }
        writeln!(out, "{indent})]").ok();
    }
}

/// The model's documentation, or `fallback` when it has none (every
/// public item is documented: awsop's crates deny `missing_docs`).
fn docs(out: &mut String, indent: &str, html: Option<&str>, fallback: impl FnOnce() -> String) {
    let mut lines = html.map(markdown).unwrap_or_default();
    if lines.is_empty() {
        lines.push(fallback());
    }
    for line in lines {
        if line.is_empty() {
            writeln!(out, "{indent}///").ok();
        } else {
            writeln!(out, "{indent}/// {line}").ok();
        }
    }
}

fn derive(out: &mut String, traits: &[&str]) {
    writeln!(out, "#[derive({})]", traits.join(", ")).ok();
}

/// A variant name not yet in `used` (nor one the macros add).
fn unique_variant(base: String, used: &mut BTreeSet<String>) -> String {
    let mut name = base.clone();
    let mut n = 2;
    while MACRO_VARIANTS.contains(&name.as_str()) || used.contains(&name) {
        name = format!("{base}{n}");
        n += 1;
    }
    used.insert(name.clone());
    name
}

struct Writer<'c, 'a> {
    ctx: &'c Ctx<'a>,
    out: String,
    /// Every field and variant type written, for the imports.
    types: Vec<String>,
    /// The types of deprecated shapes: items naming them allow it.
    deprecated: BTreeSet<String>,
}

impl Writer<'_, '_> {
    /// `#[allow(deprecated)]` when `types` name a deprecated shape's type:
    /// the generated code's own references are no use by the user.
    fn allow_deprecated<'t>(&mut self, types: impl IntoIterator<Item = &'t String>) {
        let mentions = types.into_iter().any(|t| {
            t.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|w| self.deprecated.contains(w))
        });
        if mentions {
            writeln!(self.out, "#[allow(deprecated)]").ok();
        }
    }

    /// A comment for deprecated members left out.
    fn dropped(&mut self, dropped: &[String]) {
        for ident in dropped {
            writeln!(
                self.out,
                "// `{ident}` is left out: deprecated, and its wire name is another member's."
            )
            .ok();
        }
    }

    fn crate_arg(&self) -> Option<String> {
        self.ctx
            .crate_path
            .as_ref()
            .map(|c| format!("crate = {}", str_lit(c)))
    }

    fn shape_attr(&mut self, mut args: Vec<String>) {
        args.extend(self.crate_arg());
        if args.is_empty() {
            writeln!(self.out, "#[aws_shape]").ok();
        } else {
            attribute(&mut self.out, "", "aws_shape", &args);
        }
    }

    fn struct_body(&mut self, name: &str, fields: &[Field]) {
        if fields.is_empty() {
            writeln!(self.out, "pub struct {name} {{}}\n").ok();
            return;
        }
        writeln!(self.out, "pub struct {name} {{").ok();
        for field in fields {
            docs(&mut self.out, "    ", field.docs.as_deref(), || {
                format!("The `{}` member.", field.member)
            });
            if let Some(attr) = deprecated_attr(&field.deprecated) {
                writeln!(self.out, "    {attr}").ok();
            }
            if !field.attrs.is_empty() {
                attribute(&mut self.out, "    ", "aws", &field.attrs);
            }
            writeln!(self.out, "    pub {}: {},", field.ident, field.ty).ok();
            self.types.push(field.ty.clone());
        }
        writeln!(self.out, "}}\n").ok();
    }

    /// `Debug` unless a member is sensitive (the macro writes a redacting one).
    fn struct_derives(&mut self, fields: &[Field], default: bool, eq: bool) {
        let mut traits = Vec::new();
        if !fields.iter().any(|f| f.sensitive) {
            traits.push("Debug");
        }
        traits.push("Clone");
        if default {
            traits.push("Default");
        }
        // A streamed body is read once: it has no equality.
        if !fields.iter().any(|f| f.ty == STREAM_TYPE) {
            traits.push("PartialEq");
            if eq {
                traits.push("Eq");
            }
        }
        derive(&mut self.out, &traits);
    }

    fn operation(&mut self, op: &Op) -> Result<(), String> {
        let ctx = self.ctx;
        let model_op = ctx
            .model
            .operation(&op.name)
            .ok_or_else(|| format!("no operation `{}`", op.name))?;
        let fields = match &op.input {
            Some(input) => Some(ctx.fields(input, Role::Input)?),
            None => None,
        };
        let mut args = ctx.service.operation_args(op.endpoint.as_deref());
        if let Some(prefix) = model_op.get("endpoint").str("hostPrefix") {
            args.push(format!("host_prefix = {}", str_lit(prefix)));
        }
        let checksum = model_op.get("httpChecksum");
        if model_op.flag("httpChecksumRequired") || checksum.flag("requestChecksumRequired") {
            args.push("request_checksum = \"required\"".to_string());
        } else if checksum.str("requestAlgorithmMember").is_some() {
            args.push("request_checksum = \"supported\"".to_string());
        }
        if ctx.service.http_bindings {
            let http = model_op.get("http");
            args.push(format!(
                "method = {}",
                str_lit(http.str("method").unwrap_or(""))
            ));
            args.push(format!(
                "uri = {}",
                str_lit(http.str("requestUri").unwrap_or(""))
            ));
            let status = http.get("responseCode").as_f64().unwrap_or(200.0) as u64;
            if status != 200 {
                args.push(format!("status = {status}"));
            }
        }
        if let Some(output) = &op.output {
            args.push(format!("output = {}", ctx.type_name(output)?));
        }
        if !op.errors.is_empty() {
            args.push(format!("error = {}", ctx.error_type));
        }
        if op.struct_name != op.name {
            args.push(format!("name = {}", str_lit(&op.name)));
        }
        if let Some(rule) = fields.as_ref().and_then(|f| f.rule.name()) {
            args.push(format!("rename_all = {}", str_lit(rule)));
        }
        if let Some(input) = &op.input {
            args.extend(ctx.xml_operation_args(input, model_op.get("input"))?);
        }
        match ctx.paginator_args(op) {
            Some(Ok((paginator, note))) => {
                if let Some(note) = note {
                    writeln!(self.out, "// {note}.").ok();
                }
                args.push(paginator)
            }
            Some(Err(why)) => writeln!(
                self.out,
                "// No `paginate`: botocore's paginator for {} is not one the macros express ({why}).",
                op.name
            )
            .map_err(|e| e.to_string())?,
            None => {}
        }
        args.extend(self.crate_arg());
        docs(&mut self.out, "", model_op.str("documentation"), || {
            format!("The {} operation `{}`.", ctx.service.service_id, op.name)
        });
        if let Some(attr) = deprecated_attr(&deprecation(model_op)) {
            writeln!(self.out, "{attr}").ok();
        }
        if let Some(fields) = &fields {
            self.dropped(&fields.dropped);
            self.allow_deprecated(fields.fields.iter().map(|f| &f.ty));
        }
        attribute(&mut self.out, "", "aws_operation", &args);
        match (&op.input, fields) {
            (Some(input), Some(fields)) => {
                self.struct_derives(&fields.fields, ctx.has_default(input), ctx.has_eq(input));
                self.struct_body(&op.struct_name, &fields.fields);
            }
            _ => {
                derive(
                    &mut self.out,
                    &["Debug", "Clone", "Default", "PartialEq", "Eq"],
                );
                writeln!(self.out, "pub struct {};\n", op.struct_name).ok();
            }
        }
        Ok(())
    }

    fn errors(&mut self) -> Result<(), String> {
        let ctx = self.ctx;
        if ctx.errors.is_empty() {
            return Ok(());
        }
        writeln!(
            self.out,
            "/// The modeled errors of {}'s operations in this module; any other code is `Unhandled`.",
            ctx.service.service_id
        )
        .ok();
        let types: Vec<String> = ctx
            .errors
            .iter()
            .filter_map(|e| ctx.type_name(e).ok())
            .collect();
        self.allow_deprecated(&types);
        self.shape_attr(vec!["errors".to_string()]);
        derive(&mut self.out, &["Debug", "Clone", "PartialEq"]);
        writeln!(self.out, "pub enum {} {{", ctx.error_type).ok();
        let mut used = BTreeSet::new();
        let mut codes = BTreeSet::new();
        // awsQuery-style services answer with the model's `error.code`
        // (`AWS.SimpleQueueService.NonExistentQueue`); the others with the
        // shape's name.
        let legacy_codes =
            matches!(ctx.service.protocol, "awsQuery" | "ec2Query") || ctx.service.query_compatible;
        for error in &ctx.errors {
            let shape = ctx.model.shape(error)?;
            let variant = unique_variant(crate::naming::type_ident(error), &mut used);
            let code = match shape.get("error").str("code") {
                Some(code) if legacy_codes => code,
                _ => error.as_str(),
            };
            if !codes.insert(code.to_string()) {
                // The runtime tells errors apart by code alone.
                writeln!(
                    self.out,
                    "    // {error} answers with the code `{code}` of an error above, so it is that one."
                )
                .ok();
                continue;
            }
            let mut attrs = Vec::new();
            if variant != code {
                attrs.push(format!("rename = {}", str_lit(code)));
            }
            if shape.has("retryable") {
                attrs.push("retryable".to_string());
                if shape.get("retryable").flag("throttling") {
                    attrs.push("throttling".to_string());
                }
            }
            docs(&mut self.out, "    ", shape.str("documentation"), || {
                format!("The `{error}` error.")
            });
            if !attrs.is_empty() {
                attribute(&mut self.out, "    ", "aws", &attrs);
            }
            writeln!(self.out, "    {variant}({}),", ctx.type_name(error)?).ok();
        }
        writeln!(self.out, "}}\n").ok();
        Ok(())
    }

    fn structure(&mut self, shape: &str) -> Result<(), String> {
        let ctx = self.ctx;
        let role = if ctx.outputs.contains(shape) {
            Role::Output
        } else {
            Role::Nested
        };
        let fields = ctx.fields(shape, role)?;
        let mut args: Vec<String> = fields
            .rule
            .name()
            .map(|r| format!("rename_all = {}", str_lit(r)))
            .into_iter()
            .collect();
        args.extend(ctx.xml_shape_args(shape)?);
        let model_shape = ctx.model.shape(shape)?;
        let returned_by = ctx.ops.iter().find(|o| o.output.as_deref() == Some(shape));
        docs(
            &mut self.out,
            "",
            model_shape.str("documentation"),
            || match returned_by {
                Some(op) => format!("What [`{}`] returns.", op.struct_name),
                None if ctx.errors.iter().any(|e| e == shape) => {
                    format!("The body of the `{shape}` error.")
                }
                None => format!("The `{shape}` structure."),
            },
        );
        if let Some(attr) = deprecated_attr(&deprecation(model_shape)) {
            writeln!(self.out, "{attr}").ok();
        }
        self.dropped(&fields.dropped);
        self.allow_deprecated(fields.fields.iter().map(|f| &f.ty));
        self.shape_attr(args);
        self.struct_derives(&fields.fields, ctx.has_default(shape), ctx.has_eq(shape));
        self.struct_body(&ctx.type_name(shape)?, &fields.fields);
        Ok(())
    }

    fn string_enum(&mut self, shape: &str) -> Result<(), String> {
        let ctx = self.ctx;
        let model_shape = ctx.model.shape(shape)?;
        let mut used = BTreeSet::new();
        let mut variants = Vec::new();
        for value in model_shape.get("enum").items() {
            let value = value
                .as_str()
                .ok_or_else(|| format!("enum `{shape}` has a value that is not a string"))?;
            if variants.iter().any(|(_, v)| v == value) {
                continue;
            }
            variants.push((
                unique_variant(variant_ident(value), &mut used),
                value.to_string(),
            ));
        }
        let rules = [
            Rule::Default,
            Rule::Pascal,
            Rule::Camel,
            Rule::Kebab,
            Rule::Snake,
        ];
        let rule = best_rule(&rules, &variants, |r, v| r.enum_value(v));
        docs(&mut self.out, "", model_shape.str("documentation"), || {
            format!("The values of `{shape}`; others arrive as `Unknown`.")
        });
        if let Some(attr) = deprecated_attr(&deprecation(model_shape)) {
            writeln!(self.out, "{attr}").ok();
        }
        self.shape_attr(
            rule.name()
                .map(|r| format!("rename_all = {}", str_lit(r)))
                .into_iter()
                .collect(),
        );
        derive(
            &mut self.out,
            &["Debug", "Clone", "PartialEq", "Eq", "Hash"],
        );
        writeln!(self.out, "pub enum {} {{", ctx.type_name(shape)?).ok();
        for (variant, value) in &variants {
            writeln!(self.out, "    /// `{}`", value.replace('`', "'")).ok();
            if rule.enum_value(variant) != *value {
                writeln!(self.out, "    #[aws(rename = {})]", str_lit(value)).ok();
            }
            writeln!(self.out, "    {variant},").ok();
        }
        writeln!(self.out, "}}\n").ok();
        Ok(())
    }

    fn union(&mut self, shape: &str) -> Result<(), String> {
        let ctx = self.ctx;
        let model_shape = ctx.model.shape(shape)?;
        let mut used = BTreeSet::new();
        let mut variants = Vec::new();
        for (member, reference) in ctx.members(shape)? {
            let member_shape = target(reference, &format!("union member `{shape}.{member}`"))?;
            let wire = reference.str("locationName").unwrap_or(member).to_string();
            let variant = unique_variant(variant_ident(member), &mut used);
            variants.push((variant, wire, member_shape, reference));
        }
        let pairs: Vec<(String, String)> = variants
            .iter()
            .map(|(v, w, _, _)| (v.clone(), w.clone()))
            .collect();
        let rule = best_rule(&[Rule::Default, Rule::Pascal], &pairs, |r, v| {
            r.union_member(v)
        });
        docs(&mut self.out, "", model_shape.str("documentation"), || {
            format!("One of the members of `{shape}`.")
        });
        if let Some(attr) = deprecated_attr(&deprecation(model_shape)) {
            writeln!(self.out, "{attr}").ok();
        }
        let types = variants
            .iter()
            .map(|(_, _, member_shape, _)| ctx.rust_type(member_shape))
            .collect::<Result<Vec<_>, _>>()?;
        self.allow_deprecated(&types);
        self.shape_attr(
            rule.name()
                .map(|r| format!("rename_all = {}", str_lit(r)))
                .into_iter()
                .collect(),
        );
        if ctx.has_eq(shape) {
            derive(&mut self.out, &["Debug", "Clone", "PartialEq", "Eq"]);
        } else {
            derive(&mut self.out, &["Debug", "Clone", "PartialEq"]);
        }
        writeln!(self.out, "pub enum {} {{", ctx.type_name(shape)?).ok();
        for (variant, wire, member_shape, reference) in variants {
            let mut attrs = Vec::new();
            if rule.union_member(&variant) != wire {
                attrs.push(format!("rename = {}", str_lit(&wire)));
            }
            if let Some(format) = ctx.timestamp_format(&member_shape)? {
                attrs.push(format!("timestamp_format = {}", str_lit(format)));
            }
            docs(
                &mut self.out,
                "    ",
                reference.str("documentation"),
                || format!("The `{wire}` member."),
            );
            if let Some(attr) = deprecated_attr(&deprecation(reference)) {
                writeln!(self.out, "    {attr}").ok();
            }
            if !attrs.is_empty() {
                attribute(&mut self.out, "    ", "aws", &attrs);
            }
            let mut ty = ctx.rust_type(&member_shape)?;
            if ctx.needs_box(shape, &member_shape)? {
                ty = format!("Box<{ty}>");
            }
            writeln!(self.out, "    {variant}({ty}),").ok();
            self.types.push(ty);
        }
        writeln!(self.out, "}}\n").ok();
        Ok(())
    }

    /// The `use` lines: the macros, and the value types the fields name.
    fn imports(&self) -> String {
        let root = self.ctx.crate_path.as_deref().unwrap_or("awsop");
        let words: BTreeSet<&str> = self
            .types
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_ascii_alphanumeric() && c != '_'))
            .collect();
        let mut items = vec!["aws_operation", "aws_shape"];
        if self.ctx.ops.is_empty() {
            items.retain(|i| *i != "aws_operation");
        }
        if self.ctx.ops.is_empty() && self.ctx.order.is_empty() && self.ctx.errors.is_empty() {
            items.clear();
        }
        for value in ["Blob", "ByteStream", "DateTime", "Document"] {
            if words.contains(value) {
                items.push(value);
            }
        }
        let mut out = String::new();
        if words.contains("HashMap") {
            out.push_str("use std::collections::HashMap;\n\n");
        }
        match items.len() {
            0 => {}
            1 => writeln!(out, "use {root}::{};", items[0]).unwrap_or(()),
            _ => writeln!(out, "use {root}::{{{}}};", items.join(", ")).unwrap_or(()),
        }
        out
    }
}

/// The whole module. `source` names the model in the header comment.
pub(crate) fn render(ctx: &Ctx<'_>, source: &str) -> Result<String, String> {
    let deprecated = ctx
        .order
        .iter()
        .filter(|s| ctx.model.shape(s).is_ok_and(|s| s.flag("deprecated")))
        .filter_map(|s| ctx.type_name(s).ok())
        .collect();
    let mut w = Writer {
        ctx,
        out: String::new(),
        types: Vec::new(),
        deprecated,
    };
    for op in &ctx.ops {
        w.operation(op)?;
    }
    w.errors()?;
    for shape in &ctx.order {
        match ctx.kind(shape)? {
            Kind::Struct => w.structure(shape)?,
            Kind::Enum => w.string_enum(shape)?,
            Kind::Union => w.union(shape)?,
            _ => {}
        }
    }
    let mut head = String::new();
    let metadata = ctx.model.metadata();
    writeln!(
        head,
        "// @generated by awsop-codegen from {source} ({}, API version {}, protocol {}): do not edit.",
        metadata.str("serviceFullName").unwrap_or(&ctx.service.service_id),
        metadata.str("apiVersion").unwrap_or("unknown"),
        ctx.service.protocol,
    )
    .ok();
    let names: Vec<&str> = ctx.ops.iter().map(|o| o.name.as_str()).collect();
    writeln!(
        head,
        "// Operations ({}): {}.",
        names.len(),
        names.join(", ")
    )
    .ok();
    if !ctx.left_out.is_empty() {
        writeln!(
            head,
            "//\n// Left out ({}), because the macros cannot express them yet:",
            ctx.left_out.len()
        )
        .ok();
        for (name, why) in &ctx.left_out {
            writeln!(head, "// - {name}: {why}").ok();
        }
    }
    head.push('\n');
    let imports = w.imports();
    if !imports.is_empty() {
        head.push_str(&imports);
        head.push('\n');
    }
    let body = w.out.trim_end().to_string();
    Ok(format!("{head}{body}\n"))
}
