//! Checks across members and arguments, each error on the offending token.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::Type;

use crate::ast::{Binding, Enum, Member, Operation, Shape, Structure};
use crate::ctxt::Ctxt;
use crate::types::{collection, is_named, list_element, option_inner, strip_option, Collection};

pub(crate) fn operation(cx: &Ctxt, op: &Operation) {
    check_members(cx, &op.members, op.derives_debug);
    let labels: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.binding == Binding::Label)
        .collect();
    if let (Some((uri, uri_span)), true) = (&op.args.uri, op.named) {
        for (name, _) in uri.labels() {
            if labels.iter().any(|m| m.wire == name) {
                continue;
            }
            match op.members.iter().find(|m| m.wire == name) {
                Some(m) if m.had_errors => {}
                Some(m) => cx.error(
                    m.ident.span(),
                    format!(
                        "`{}` has the name of the uri label `{{{name}}}` but is not bound to it: add #[aws(label)]",
                        m.ident
                    ),
                ),
                None => {
                    let field = crate::case::lower_camel(name);
                    cx.error(
                        *uri_span,
                        format!(
                            "the uri label `{{{name}}}` has no member: add a field `#[aws(label)] {}: String` \
                             (its wire name must be `{name}`; use `#[aws(label = \"{name}\")]` to name it)",
                            snake(&field)
                        ),
                    );
                }
            }
        }
        for m in &labels {
            if !uri.labels().any(|(name, _)| name == m.wire) {
                cx.error(
                    m.binding_span,
                    format!(
                        "`{}` is bound to the label `{{{}}}`, which the uri does not have",
                        m.ident, m.wire
                    ),
                );
            }
        }
    }
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
                Binding::Body | Binding::Query(_) | Binding::Header(_)
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

pub(crate) fn shape(cx: &Ctxt, shape: &Shape) {
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
                if let Some(n) = v.value {
                    if seen.insert(n, ()).is_some() {
                        cx.error(v.ident.span(), format!("two variants have the value {n}"));
                    }
                }
            }
        }
        Shape::Union(e) => unique_wires(cx, e, "member name"),
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

/// Checks shared by operation inputs and structures.
fn check_members(cx: &Ctxt, members: &[Member], derives_debug: Option<Span>) {
    let payloads: Vec<&Member> = members
        .iter()
        .filter(|m| m.binding == Binding::Payload)
        .collect();
    if let Some(second) = payloads.get(1) {
        cx.error(
            second.binding_span,
            format!(
                "only one member can be the payload (the whole body); `{}` already is",
                payloads[0].ident
            ),
        );
    }
    let body: Vec<&Member> = members
        .iter()
        .filter(|m| m.binding == Binding::Body)
        .collect();
    if let Some(payload) = payloads.first() {
        for m in &body {
            cx.error(
                m.ident.span(),
                format!(
                    "`{}` is a body member, but `{}` is the payload (the whole body): bind `{}` to a \
                     label, query or header, or move it into the payload's structure",
                    m.ident, payload.ident, m.ident
                ),
            );
        }
    }
    let mut wires: HashMap<&str, ()> = HashMap::new();
    for m in &body {
        if wires.insert(m.wire.as_str(), ()).is_some() {
            cx.error(
                m.ident.span(),
                format!("two body members have the wire name \"{}\"", m.wire),
            );
        }
    }
    let mut headers: HashMap<&str, ()> = HashMap::new();
    for m in members {
        let inner = strip_option(&m.ty);
        match &m.binding {
            Binding::Header(name) => {
                if headers.insert(name.as_str(), ()).is_some() {
                    cx.error(
                        m.binding_span,
                        format!("two members are bound to the header `{name}`"),
                    );
                }
                if collection(inner) == Some(Collection::Map) {
                    cx.error_spanned(
                        &m.ty,
                        "a map cannot be one header; bind it with #[aws(prefix_headers = \"x-prefix-\")]",
                    );
                }
            }
            Binding::PrefixHeaders(_) | Binding::QueryParams
                if collection(inner) != Some(Collection::Map) =>
            {
                cx.error_spanned(
                    &m.ty,
                    format!(
                        "a `{}` member is a map, such as `Option<HashMap<String, String>>`",
                        m.binding.key()
                    ),
                );
            }
            Binding::Payload if collection(inner).is_some() => {
                cx.error_spanned(
                    &m.ty,
                    "a list or map cannot be a payload; the payload is a Blob, String, Document, \
                     or a structure, union or string enum",
                );
            }
            _ => {}
        }
        if let Some(media_type) = &m.media_type {
            let string = is_named(inner, "String");
            if !matches!(m.binding, Binding::Header(_)) || !string {
                cx.error(
                    media_type.span(),
                    "`media_type` marks a String header member, whose value then travels base64-encoded",
                );
            }
        }
        if m.timestamp_format.is_some() && !holds_datetime(&m.ty) {
            cx.error_spanned(
                &m.ty,
                "`timestamp_format` applies to `DateTime` members (or lists and maps of them)",
            );
        }
    }
    if let Some(debug) = derives_debug {
        if let Some(m) = members.iter().find(|m| m.sensitive.is_some()) {
            cx.error(
                debug,
                format!(
                    "remove `Debug` from the derive: `{}` is #[aws(sensitive)], so the macro writes a `Debug` that redacts it",
                    m.ident
                ),
            );
        }
    }
}

fn holds_datetime(ty: &Type) -> bool {
    let inner = strip_option(ty);
    if is_named(inner, "DateTime") {
        return true;
    }
    if let Some(elem) = list_element(inner) {
        return holds_datetime(elem);
    }
    if let Type::Path(tp) = inner {
        if let Some(seg) = tp.path.segments.last() {
            if let syn::PathArguments::AngleBracketed(ab) = &seg.arguments {
                return ab
                    .args
                    .iter()
                    .any(|a| matches!(a, syn::GenericArgument::Type(t) if holds_datetime(t)))
                    && (seg.ident == "HashMap" || seg.ident == "BTreeMap" || seg.ident == "Box");
            }
        }
    }
    false
}

/// `domainIdentifier` → `domain_identifier`, for suggestions.
fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
