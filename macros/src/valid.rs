//! Checks the model: argument values, members across each other, enum
//! variants. Every error is collected (none stops the others), each on the
//! offending token.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{LitStr, Type};

use crate::ast::{Binding, Enum, Member, Operation, Shape, ShapeArgs, Structure, TimestampFormat};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::protocol::{self, PROTOCOLS};
use crate::symbol::*;
use crate::types::{collection, is_named, list_element, option_inner, strip_option, Collection};

pub(crate) fn operation(cx: &Ctxt, op: &Operation) {
    operation_args(cx, op);
    check_members(cx, &op.members, op.derives_debug);
    rpc_bindings(cx, op);
    if let Some(p) = &op.args.paginator {
        paginator(cx, op, p);
    }
    uri_labels(cx, op);
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
    let Some(protocol) = protocol::find(&lit.value()).filter(|p| p.supported) else {
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

fn rename_all(cx: &Ctxt, lit: &Option<LitStr>) {
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

/// The input member a paginator string names: by wire name, else by
/// field name.
pub(crate) fn input_member<'a>(op: &'a Operation, name: &str) -> Option<&'a Member> {
    op.members.iter().find(|m| m.wire == name).or_else(|| {
        op.members
            .iter()
            .find(|m| syn::ext::IdentExt::unraw(&m.ident) == name)
    })
}

/// A dotted path of member names (`Result.NextToken`): each segment a
/// name of letters, digits and `_`.
pub(crate) fn is_member_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('.').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !segment.starts_with(|c: char| c.is_ascii_digit())
        })
}

fn paginator(cx: &Ctxt, op: &Operation, p: &crate::attr::PaginatorAttrs) {
    let members = || {
        op.members
            .iter()
            .map(|m| format!("`{}`", m.wire))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (key, lit) in [(INPUT_TOKEN, &p.input_token), (PAGE_SIZE, &p.page_size)] {
        let Some(lit) = lit else { continue };
        match input_member(op, &lit.value()) {
            Some(m) if key == INPUT_TOKEN && option_inner(&m.ty).is_none() => cx.error_spanned(
                &m.ty,
                "a paginator's input token is an `Option`: the first page is sent without one",
            ),
            Some(_) => {}
            None => cx.error(
                lit.span(),
                format!(
                    "`{}` is not a member of this operation's input; its members are: {}",
                    lit.value(),
                    members()
                ),
            ),
        }
    }
    for (key, lit) in [
        (INPUT_TOKEN, &p.input_token),
        (OUTPUT_TOKEN, &p.output_token),
    ] {
        if lit.is_none() {
            cx.error(
                p.span,
                format!("paginator(...) needs `{key}`: the member that carries the page token"),
            );
        }
    }
    for lit in [&p.output_token, &p.items, &p.more_results]
        .into_iter()
        .flatten()
    {
        if !is_member_path(&lit.value()) {
            cx.error(
                lit.span(),
                "a paginator names an output member by its wire name, or a dotted path to one (\"Result.NextToken\")",
            );
        }
    }
    if op.args.output.is_none() {
        cx.error(
            p.span,
            "a paginated operation names its `output`, where the token comes from",
        );
    }
    if crate::attr::derives(&op.item.attrs, "Clone").is_none() {
        cx.error(
            p.span,
            "a paginated operation derives `Clone`: each page is sent from a copy of the request",
        );
    }
}

fn non_empty(cx: &Ctxt, lit: &Option<LitStr>, key: &str) {
    if let Some(lit) = lit {
        if lit.value().is_empty() {
            cx.error(lit.span(), format!("`{key}` cannot be empty"));
        }
    }
}

fn operation_args(cx: &Ctxt, op: &Operation) {
    let args = &op.args;
    rename_all(cx, &args.rename_all);
    non_empty(cx, &args.service, SERVICE);
    non_empty(cx, &args.service_id, SERVICE_ID);
    non_empty(cx, &args.name, NAME);
    if let Some(lit) = &args.method {
        let value = lit.value();
        if METHODS.contains(&value.as_str()) {
        } else if METHODS.contains(&value.to_ascii_uppercase().as_str()) {
            cx.error(
                lit.span(),
                format!(
                    "write the method in upper case: \"{}\"",
                    value.to_ascii_uppercase()
                ),
            );
        } else {
            cx.error(
                lit.span(),
                format!(
                    "unknown HTTP method \"{value}\"; use one of: {}",
                    METHODS.join(", ")
                ),
            );
        }
    }
    if let Some(lit) = &args.status {
        if !matches!(lit.base10_parse::<u16>(), Ok(200..=299)) {
            cx.error(
                lit.span(),
                "`status` is the operation's success code and must be 2xx (200..=299)",
            );
        }
    }
    if let Some(lit) = &args.protocol {
        let value = lit.value();
        let supported = || {
            PROTOCOLS
                .iter()
                .filter(|p| p.supported)
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match protocol::find(&value) {
            Some(p) if p.supported => {}
            Some(_) => cx.error(
                lit.span(),
                format!(
                    "protocol \"{value}\" is not supported yet; awsop speaks {}",
                    supported()
                ),
            ),
            None => {
                let all: Vec<&str> = PROTOCOLS.iter().map(|p| p.name).collect();
                cx.error(
                    lit.span(),
                    format!(
                        "unknown protocol \"{value}\"; AWS protocols are {} (supported: {})",
                        all.join(", "),
                        supported()
                    ),
                );
            }
        }
    }
    protocol_arguments(cx, op);
    if let Some(lit) = &args.endpoint {
        if !is_endpoint_template(&lit.value()) {
            cx.error(
                lit.span(),
                "`endpoint` is a URL template such as \"https://datazone.{region}.api.aws\"",
            );
        }
    }
    if let Some(lit) = &args.name {
        let value = lit.value();
        if !value.is_empty() && !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            cx.error(
                lit.span(),
                "`name` is an operation name such as \"CreateUserProfile\"",
            );
        }
    }
    // RPC protocols fix the method and path themselves.
    let rest = args.protocol().http_bindings;
    for (key, hint, required) in [
        (
            SERVICE,
            "service = \"datazone\" (the SigV4 signing name)",
            true,
        ),
        (METHOD, "method = \"POST\"", rest),
        (
            URI,
            "uri = \"/v2/domains/{domainIdentifier}/user-profiles\"",
            rest,
        ),
    ] {
        if required && !args.given.contains(&key) {
            cx.error(
                Span::call_site(),
                format!("#[aws_operation] is missing `{key}`: add {hint}"),
            );
        }
    }
}

/// The service arguments the protocol needs, and none it cannot use; an
/// RPC protocol's method and path, when given, are its own.
fn protocol_arguments(cx: &Ctxt, op: &Operation) {
    let args = &op.args;
    let protocol = args.protocol();
    if !protocol.supported {
        return;
    }
    let given = |lit: &Option<LitStr>| lit.is_some();
    for (key, lit) in [
        (TARGET_PREFIX, &args.target_prefix),
        (API_VERSION, &args.api_version),
    ] {
        let needed = protocol.needs == Some(key);
        if needed && !given(lit) && !args.given.contains(&key) {
            let at = args
                .protocol
                .as_ref()
                .map_or_else(Span::call_site, LitStr::span);
            cx.error(
                at,
                format!(
                    "protocol \"{}\" needs `{key}`: the service's {}",
                    protocol.name,
                    if key == TARGET_PREFIX {
                        "target prefix (botocore `metadata.targetPrefix`, e.g. \"DynamoDB_20120810\")"
                    } else {
                        "API version (botocore `metadata.apiVersion`, e.g. \"2011-06-15\")"
                    }
                ),
            );
        }
        if let (false, Some(lit)) = (needed, lit) {
            cx.error(
                lit.span(),
                format!("protocol \"{}\" has no use for `{key}`", protocol.name),
            );
        }
        non_empty(cx, lit, key);
    }
    if let (Some(span), true) = (args.query_compatible, protocol.http_bindings) {
        cx.error(
            span,
            "`query_compatible` is for services that moved from awsQuery to awsJson or rpcv2Cbor",
        );
    }
    if protocol.http_bindings {
        return;
    }
    if let Some(lit) = &args.method {
        if lit.value() != "POST" {
            cx.error(
                lit.span(),
                format!("protocol \"{}\" always sends POST", protocol.name),
            );
        }
    }
    if let Some((uri, span)) = &args.uri {
        let root = matches!(uri.parts.as_slice(), [crate::uri::UriPart::Literal(l)] if l == "/");
        if !root || uri.query.is_some() {
            cx.error(
                *span,
                format!(
                    "protocol \"{}\" chooses the path itself: write uri = \"/\" or leave it out",
                    protocol.name
                ),
            );
        }
    }
}

/// `http://` or `https://` and a host part.
fn is_endpoint_template(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|host| !host.is_empty() && !host.starts_with('/'))
}

fn uri_labels(cx: &Ctxt, op: &Operation) {
    let (Some((uri, uri_span)), true) = (&op.args.uri, op.named) else {
        return;
    };
    let labels: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.binding == Binding::Label)
        .collect();
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
                // A member whose wire name differs only in case is the
                // likely intent: say so, rather than suggest a new field.
                if let Some(m) = op
                    .members
                    .iter()
                    .find(|m| !m.had_errors && m.wire.eq_ignore_ascii_case(name))
                {
                    cx.error(
                        m.ident.span(),
                        format!(
                            "the uri label `{{{name}}}` matches `{}` but for case: its wire name is `{}`; \
                             bind it with `#[aws(label = \"{name}\")]` (or name every member with `rename_all`)",
                            m.ident, m.wire
                        ),
                    );
                    continue;
                }
                let field = crate::case::lower_camel(name);
                cx.error(
                    *uri_span,
                    format!(
                        "the uri label `{{{name}}}` has no member: add a field `#[aws(label)] {}: String` \
                         (its wire name must be `{name}`; use `#[aws(label = \"{name}\")]` to name it)",
                        crate::case::snake(&field)
                    ),
                );
            }
        }
    }
    for m in &labels {
        // A label that matches but for case was reported above.
        if !uri
            .labels()
            .any(|(name, _)| name.eq_ignore_ascii_case(&m.wire))
        {
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

pub(crate) fn shape(cx: &Ctxt, shape: &Shape, args: &ShapeArgs) {
    rename_all(cx, &args.rename_all);
    if let (Some(lit), Shape::IntEnum(_) | Shape::Errors(_)) = (&args.rename_all, shape) {
        cx.error(
            lit.span(),
            "`rename_all` names the members of structures and unions and the values of string enums; \
             an int enum's values are numbers and error codes are exception names",
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

fn timestamp_format(cx: &Ctxt, lit: &Option<LitStr>) {
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
fn check_members(cx: &Ctxt, members: &[Member], derives_debug: Option<Span>) {
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
