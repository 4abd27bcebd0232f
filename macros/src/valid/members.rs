//! The checks of members, shared by operation inputs and structures.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{LitStr, Type};

use super::{non_empty, timestamp_format};
use crate::ast::{Binding, Member};
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::types::{collection, is_named, list_element, strip_option, Collection};

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

fn header_name(cx: &Ctxt, lit: &LitStr, allow_empty: bool) {
    let v = lit.value();
    if (v.is_empty() && !allow_empty) || !v.chars().all(is_token_char) {
        cx.error(
            lit.span(),
            format!("\"{}\" is not a valid HTTP header name", v.escape_debug()),
        );
    }
}

/// The checks of one member on its own.
fn check_member(cx: &Ctxt, m: &Member) {
    for (key, span) in &m.extra_bindings {
        cx.error(
            *span,
            format!(
                "a member has one binding: `{key}` conflicts with `{}`",
                m.binding.key()
            ),
        );
    }
    non_empty(cx, &m.rename, RENAME);
    non_empty(cx, &m.media_type, MEDIA_TYPE);
    if let (Some(label), Some(rename)) = (&m.label_name, &m.rename) {
        cx.error(
            rename.span(),
            format!(
                "the member is already named \"{}\" by `label = ...`",
                label.value()
            ),
        );
    }
    match &m.binding {
        Binding::Header(_, lit) => header_name(cx, lit, false),
        Binding::PrefixHeaders(_, lit) => header_name(cx, lit, true),
        _ => {}
    }
    timestamp_format(cx, &m.timestamp_format);
}

/// Checks shared by operation inputs and structures.
pub(super) fn check_members(cx: &Ctxt, members: &[Member], derives_debug: Option<Span>) {
    for m in members {
        check_member(cx, m);
    }
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
            Binding::Header(name, _) => {
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
            Binding::PrefixHeaders(..) | Binding::QueryParams
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
            binding if crate::types::is_streaming(&m.ty) && *binding != Binding::Payload => {
                cx.error_spanned(
                    &m.ty,
                    "a ByteStream member is a streaming body: bind it with #[aws(payload)]",
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
            if !matches!(m.binding, Binding::Header(..)) || !string {
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
