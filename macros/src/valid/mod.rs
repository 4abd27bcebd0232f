//! Checks the model: argument values, members across each other, enum
//! variants. Every error is collected (none stops the others), each on the
//! offending token.
//!
//! - [`host_prefix`]: `host_prefix = "..."` against the host-label members;
//! - [`members`]: the checks of members, in inputs and structures alike;
//! - [`operation_args`]: the arguments of `#[aws_operation]`;
//! - [`paginator`]: `paginator(...)` against the members it names;
//! - [`uri`]: the uri's labels against the members bound to them;
//! - [`xml`]: the XML and ec2Query options.

mod host_prefix;
mod members;
mod operation_args;
mod paginator;
mod uri;
mod xml;

use std::collections::HashMap;

use proc_macro2::Span;
use syn::LitStr;

use crate::ast::{Binding, Enum, Member, Operation, Shape, ShapeArgs, Structure, TimestampFormat};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::protocol;
use crate::symbol::*;
use crate::types::{collection, is_named, option_inner, strip_option};
use members::check_members;

pub(crate) use paginator::input_member;

pub(crate) fn operation(cx: &Ctxt, op: &Operation) {
    operation_args::operation_args(cx, op);
    xml::operation(cx, op);
    check_members(cx, &op.members, op.derives_debug);
    rpc_bindings(cx, op);
    if let Some(p) = &op.args.paginator {
        paginator::paginator(cx, op, p);
    }
    uri::uri_labels(cx, op);
    host_prefix::host_prefix(cx, op);
    for m in &op.members {
        if m.binding == Binding::ResponseCode {
            cx.error(
                m.binding_span,
                "`response_code` belongs on output structures",
            );
        }
        if m.binding == Binding::Label {
            let inner = strip_option(&m.ty);
            if collection(inner).is_some() || is_named(inner, "Blob") || is_named(inner, "Document")
            {
                cx.error_spanned(
                    &m.ty,
                    "a URI label must be a scalar: a string, number, boolean, timestamp or enum",
                );
            }
        }
        if let Some(span) = m.idempotency_token {
            let ok = option_inner(&m.ty).is_some_and(|t| is_named(t, "String"));
            if !ok {
                cx.error_spanned(
                    &m.ty,
                    "an idempotency token must be `Option<String>`: `None` is filled with a fresh UUID once per call",
                );
            }
            if !matches!(
                m.binding,
                Binding::Body | Binding::Query(_) | Binding::Header(..)
            ) {
                cx.error(
                    span,
                    format!("an idempotency token travels in the body, a query parameter or a header, not as `{}`", m.binding.key()),
                );
            }
        }
    }
    let query_params: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.binding == Binding::QueryParams)
        .collect();
    if let Some(second) = query_params.get(1) {
        cx.error(
            second.binding_span,
            "an operation has at most one `query_params` member",
        );
    }
    let mut query_keys: HashMap<&str, Span> = HashMap::new();
    for m in &op.members {
        if let Binding::Query(key) = &m.binding {
            if query_keys.insert(key, m.binding_span).is_some() {
                cx.error(
                    m.binding_span,
                    format!("two members are bound to the query parameter `{key}`"),
                );
            }
        }
    }
}

/// Protocols without HTTP bindings send the whole input as the body: a
/// member bound elsewhere would silently not be sent.
fn rpc_bindings(cx: &Ctxt, op: &Operation) {
    let Some(lit) = &op.args.protocol else {
        return;
    };
    let Some(protocol) = protocol::find(&lit.value()) else {
        return;
    };
    if protocol.http_bindings {
        return;
    }
    for m in op.members.iter().filter(|m| m.binding != Binding::Body) {
        cx.error(
            m.binding_span,
            format!(
                "`{}` is an HTTP binding, and {} has none: every member of its input travels in the body",
                m.binding.key(),
                protocol.name
            ),
        );
    }
}

pub(super) fn rename_all(cx: &Ctxt, lit: &Option<LitStr>) {
    if let Some(lit) = lit {
        if RenameRule::parse(&lit.value()).is_none() {
            cx.error(
                lit.span(),
                format!(
                    "unknown rename_all rule \"{}\"; use one of: {}",
                    lit.value(),
                    RENAME_RULES.join(", ")
                ),
            );
        }
    }
}

pub(super) fn non_empty(cx: &Ctxt, lit: &Option<LitStr>, key: &str) {
    if let Some(lit) = lit {
        if lit.value().is_empty() {
            cx.error(lit.span(), format!("`{key}` cannot be empty"));
        }
    }
}

pub(crate) fn shape(cx: &Ctxt, shape: &Shape, args: &ShapeArgs) {
    rename_all(cx, &args.rename_all);
    if let (Some(lit), Shape::IntEnum(_) | Shape::Errors(_)) = (&args.rename_all, shape) {
        cx.error(
            lit.span(),
            "`rename_all` names the members of structures and unions and the values of string enums; \
             an int enum's values are numbers and error codes are exception names",
        );
    }
    let root = &args.xml_root;
    for lit in [&root.name, &root.namespace, &root.prefix]
        .into_iter()
        .flatten()
    {
        // Structures keep theirs; an enum is never an element of its own.
        cx.error(
            lit.span(),
            "`xml_name`, `xml_namespace` and `xml_prefix` name a structure's XML element",
        );
    }
    match shape {
        Shape::Structure(s) => structure(cx, s),
        Shape::StringEnum(e) => {
            if let Some(span) = crate::attr::derives(&e.item.attrs, "Copy") {
                cx.error(
                    span,
                    "a string enum cannot be `Copy`: #[aws_shape] adds `Unknown(String)` to keep values this version does not know",
                );
            }
            unique_wires(cx, e, "value");
        }
        Shape::IntEnum(e) => {
            let mut seen = HashMap::new();
            for v in &e.variants {
                match (&v.discriminant, v.int_value()) {
                    (Some(_), Some(n)) => {
                        if seen.insert(n, ()).is_some() {
                            cx.error(v.ident.span(), format!("two variants have the value {n}"));
                        }
                    }
                    (Some(expr), None) => cx.error_spanned(
                        expr,
                        "an int enum value must be an i32 literal, as in `A = 1`",
                    ),
                    (None, _) => cx.error(
                        v.ident.span(),
                        "give every variant of an int enum its value (`A = 1`), or none for a string enum",
                    ),
                }
            }
        }
        Shape::Union(e) => {
            for v in &e.variants {
                timestamp_format(cx, &v.timestamp_format);
            }
            unique_wires(cx, e, "member name");
        }
        Shape::Errors(e) => unique_wires(cx, e, "error code"),
    }
}

fn unique_wires(cx: &Ctxt, e: &Enum, what: &str) {
    let mut seen = HashMap::new();
    for v in &e.variants {
        if seen.insert(v.wire.as_str(), ()).is_some() {
            cx.error(
                v.ident.span(),
                format!("two variants have the {what} \"{}\"", v.wire),
            );
        }
    }
}

fn structure(cx: &Ctxt, s: &Structure) {
    xml::structure(cx, s);
    if s.errors_flag {
        cx.error(
            Span::call_site(),
            "#[aws_shape(errors)] goes on the enum of an operation's errors; \
             exception structures take a plain #[aws_shape]",
        );
    }
    check_members(cx, &s.members, s.derives_debug);
    let codes: Vec<&Member> = s
        .members
        .iter()
        .filter(|m| m.binding == Binding::ResponseCode)
        .collect();
    if let Some(second) = codes.get(1) {
        cx.error(
            second.binding_span,
            "a structure has at most one `response_code` member",
        );
    }
}

pub(super) fn timestamp_format(cx: &Ctxt, lit: &Option<LitStr>) {
    if let Some(lit) = lit {
        if TimestampFormat::from_lit(lit).is_none() {
            cx.error(
                lit.span(),
                format!(
                    "unknown timestamp format \"{}\"; use one of: {}",
                    lit.value(),
                    TIMESTAMP_FORMATS.join(", ")
                ),
            );
        }
    }
}
