//! Reads the macro arguments and `#[aws(...)]` attributes into the
//! [`ast`](crate::ast) model, reporting every malformed one.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Fields, Item, LitStr, Token};

use crate::args::{accept, Arg, ArgList};
use crate::ast::{
    Binding, Enum, Member, Operation, OperationArgs, Shape, ShapeArgs, Structure, TimestampFormat,
    Variant,
};
use crate::case::{lower_camel, lower_first, screaming_snake};
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::uri::UriTemplate;

fn parse_args(cx: &Ctxt, args: TokenStream) -> Vec<Arg> {
    match syn::parse2::<ArgList>(args) {
        Ok(list) => list.0,
        Err(e) => {
            cx.push(e);
            Vec::new()
        }
    }
}

/// `#[aws_operation(...)]` on `item`.
pub(crate) fn operation(cx: &Ctxt, args: TokenStream, item: &Item) -> Option<Operation> {
    let args = parse_args(cx, args);
    let item = match item {
        Item::Struct(s) => s,
        Item::Enum(e) => {
            cx.error(
                e.enum_token.span,
                "#[aws_operation] goes on a struct (the operation's input members); \
                 declare enums with #[aws_shape]",
            );
            return None;
        }
        Item::Union(u) => {
            cx.error(
                u.union_token.span,
                "#[aws_operation] goes on a struct (the operation's input members); \
                 declare AWS unions as enums with #[aws_shape]",
            );
            return None;
        }
        other => {
            cx.error_spanned(
                other,
                "#[aws_operation] goes on a struct (the operation's input members)",
            );
            return None;
        }
    };
    check_generics(cx, &item.generics, "#[aws_operation]");
    let members = match &item.fields {
        Fields::Named(named) => named
            .named
            .iter()
            .map(|f| {
                member(
                    cx,
                    f,
                    OPERATION_MEMBER_KEYS,
                    "#[aws(...)] on an operation input member",
                )
            })
            .collect(),
        Fields::Unnamed(unnamed) => {
            cx.error(
                unnamed.paren_token.span.join(),
                "#[aws_operation] needs named fields: each field is a member with a wire name \
                 (write `struct Name { field: Type }`)",
            );
            Vec::new()
        }
        Fields::Unit => Vec::new(),
    };
    Some(Operation {
        args: operation_args(cx, &args),
        members,
        derives_debug: derives_debug(&item.attrs),
        named: !matches!(item.fields, Fields::Unnamed(_)),
        item: item.clone(),
    })
}

fn check_generics(cx: &Ctxt, generics: &syn::Generics, what: &str) {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        cx.error_spanned(
            generics,
            format!("{what} cannot be generic: an AWS shape has one concrete wire form"),
        );
    }
}

fn operation_args(cx: &Ctxt, args: &[Arg]) -> OperationArgs {
    let mut out = OperationArgs::default();
    let mut seen = HashMap::new();
    for arg in accept(cx, args, OPERATION_ARGS, "#[aws_operation(...)]", &mut seen) {
        match arg.name.as_str() {
            SERVICE => out.service = non_empty(cx, arg.string(cx), SERVICE),
            METHOD => {
                if let Some(lit) = arg.string(cx) {
                    let value = lit.value();
                    if METHODS.contains(&value.as_str()) {
                        out.method = Some((value, lit.span()));
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
            }
            URI => {
                if let Some(lit) = arg.string(cx) {
                    match UriTemplate::parse(&lit.value()) {
                        Ok(t) => out.uri = Some((t, lit.span())),
                        Err(why) => cx.error(lit.span(), why),
                    }
                }
            }
            STATUS => {
                if let Some(lit) = arg.int(cx) {
                    match lit.base10_parse::<u16>() {
                        Ok(code @ 200..=299) => out.status = Some((code, lit.span())),
                        _ => cx.error(
                            lit.span(),
                            "`status` is the operation's success code and must be 2xx (200..=299)",
                        ),
                    }
                }
            }
            OUTPUT => out.output = arg.ty(cx),
            ERROR => out.error = arg.ty(cx),
            PROTOCOL => {
                if let Some(lit) = arg.string(cx) {
                    let value = lit.value();
                    if value == REST_JSON1 {
                    } else if OTHER_PROTOCOLS.contains(&value.as_str()) {
                        cx.error(
                            lit.span(),
                            format!(
                                "protocol \"{value}\" is not supported yet; awsop speaks \"{REST_JSON1}\" for now"
                            ),
                        );
                    } else {
                        cx.error(
                            lit.span(),
                            format!(
                                "unknown protocol \"{value}\"; AWS protocols are {REST_JSON1}, {} (only {REST_JSON1} is supported yet)",
                                OTHER_PROTOCOLS.join(", ")
                            ),
                        );
                    }
                }
            }
            ENDPOINT => {
                if let Some(lit) = arg.string(cx) {
                    let v = lit.value();
                    if !(v.starts_with("https://") || v.starts_with("http://")) || v.len() < 9 {
                        cx.error(
                            lit.span(),
                            "`endpoint` is a URL template such as \"https://datazone.{region}.api.aws\"",
                        );
                    } else {
                        out.endpoint = Some(lit);
                    }
                }
            }
            SERVICE_ID => out.service_id = non_empty(cx, arg.string(cx), SERVICE_ID),
            NAME => {
                if let Some(lit) = non_empty(cx, arg.string(cx), NAME) {
                    if lit
                        .value()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        out.name = Some(lit);
                    } else {
                        cx.error(
                            lit.span(),
                            "`name` is an operation name such as \"CreateUserProfile\"",
                        );
                    }
                }
            }
            CRATE => out.krate = crate_path(cx, arg),
            _ => {}
        }
    }
    for (key, present, hint) in [
        (
            SERVICE,
            out.service.is_some() || seen.contains_key(SERVICE),
            "service = \"datazone\" (the SigV4 signing name)",
        ),
        (
            METHOD,
            out.method.is_some() || seen.contains_key(METHOD),
            "method = \"POST\"",
        ),
        (
            URI,
            out.uri.is_some() || seen.contains_key(URI),
            "uri = \"/v2/domains/{domainIdentifier}/user-profiles\"",
        ),
    ] {
        if !present {
            cx.error(
                Span::call_site(),
                format!("#[aws_operation] is missing `{key}`: add {hint}"),
            );
        }
    }
    out
}

fn non_empty(cx: &Ctxt, lit: Option<LitStr>, key: &str) -> Option<LitStr> {
    let lit = lit?;
    if lit.value().is_empty() {
        cx.error(lit.span(), format!("`{key}` cannot be empty"));
        return None;
    }
    Some(lit)
}

fn crate_path(cx: &Ctxt, arg: &Arg) -> Option<syn::Path> {
    let lit = arg.string(cx)?;
    match lit.parse::<syn::Path>() {
        Ok(p) => Some(p),
        Err(_) => {
            cx.error(
                lit.span(),
                "`crate` is the path of the awsop crate, as in crate = \"::my_awsop\"",
            );
            None
        }
    }
}

/// The span of `Debug` in a `#[derive(...)]`, if the item derives it.
fn derives_debug(attrs: &[Attribute]) -> Option<Span> {
    derives(attrs, "Debug")
}

/// The span of `name` in a `#[derive(...)]` (e.g. `Copy`), if the item derives it.
pub(crate) fn derives(attrs: &[Attribute], name: &str) -> Option<Span> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .find(|p| p.segments.last().is_some_and(|s| s.ident == name))
        .map(|p| p.span())
}

/// The `#[aws(...)]` argument lists on a field or variant.
fn aws_args(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Arg> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident(AWS)) {
        match &attr.meta {
            syn::Meta::List(list) => match syn::parse2::<ArgList>(list.tokens.clone()) {
                Ok(l) => out.extend(l.0),
                Err(e) => cx.push(e),
            },
            other => cx.error_spanned(other, "write the member options as #[aws(...)]"),
        }
    }
    out
}

/// Keys that exist, but not where they were written.
fn misplaced(cx: &Ctxt, args: &[Arg], keys: &[&str]) {
    for arg in args {
        let name = arg.name.as_str();
        if keys.contains(&name) {
            continue;
        }
        let hint = match name {
            LABEL | QUERY | QUERY_PARAMS | IDEMPOTENCY_TOKEN => {
                "binds members of an operation's input and goes in a struct with #[aws_operation]"
            }
            RESPONSE_CODE => {
                "reads the status of a response and goes in an output structure with #[aws_shape]"
            }
            _ => continue,
        };
        cx.error(
            arg.key.span(),
            format!(
                "`{name}` {hint}; here the accepted keys are: {}",
                keys.join(", ")
            ),
        );
    }
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

fn header_name(cx: &Ctxt, lit: LitStr, allow_empty: bool) -> Option<String> {
    let v = lit.value();
    if (v.is_empty() && !allow_empty) || !v.chars().all(is_token_char) {
        cx.error(
            lit.span(),
            format!("\"{}\" is not a valid HTTP header name", v.escape_debug()),
        );
        return None;
    }
    Some(v.to_ascii_lowercase())
}

fn timestamp_format(cx: &Ctxt, arg: &Arg) -> Option<TimestampFormat> {
    let lit = arg.string(cx)?;
    match lit.value().as_str() {
        EPOCH_SECONDS => Some(TimestampFormat::EpochSeconds),
        DATE_TIME => Some(TimestampFormat::DateTime),
        HTTP_DATE => Some(TimestampFormat::HttpDate),
        other => {
            cx.error(
                lit.span(),
                format!(
                    "unknown timestamp format \"{other}\"; use one of: {}",
                    TIMESTAMP_FORMATS.join(", ")
                ),
            );
            None
        }
    }
}

/// One field of an operation input or a structure.
fn member(cx: &Ctxt, field: &syn::Field, keys: &[&str], what: &str) -> Member {
    let ident = field
        .ident
        .clone()
        .unwrap_or_else(|| syn::Ident::new("_", field.span()));
    let errors_before = cx.count();
    let args = aws_args(cx, &field.attrs);
    misplaced(cx, &args, keys);
    let args: Vec<Arg> = args
        .into_iter()
        .filter(|a| keys.contains(&a.name.as_str()) || !is_misplaced(&a.name))
        .collect();
    let mut seen = HashMap::new();
    let mut binding: Option<(Binding, Span)> = None;
    let mut label_name: Option<LitStr> = None;
    let mut query_key: Option<Option<LitStr>> = None;
    let mut out = Member {
        ident: ident.clone(),
        ty: field.ty.clone(),
        wire: String::new(),
        binding: Binding::Body,
        binding_span: ident.span(),
        timestamp_format: None,
        idempotency_token: None,
        sensitive: None,
        rename: None,
        media_type: None,
        had_errors: false,
    };
    let mut set_binding = |b: Binding, span: Span| match &binding {
        Some((prev, _)) => cx.error(
            span,
            format!(
                "a member has one binding: `{}` conflicts with `{}`",
                b.key(),
                prev.key()
            ),
        ),
        None => binding = Some((b, span)),
    };
    for arg in accept(cx, &args, keys, what, &mut seen) {
        let span = arg.key.span();
        match arg.name.as_str() {
            LABEL => {
                if let Some(name) = arg.optional_string(cx) {
                    label_name = name;
                    set_binding(Binding::Label, span);
                }
            }
            QUERY => {
                if let Some(key) = arg.optional_string(cx) {
                    query_key = Some(key);
                    set_binding(Binding::Query(String::new()), span);
                }
            }
            QUERY_PARAMS => {
                arg.flag(cx);
                set_binding(Binding::QueryParams, span);
            }
            HEADER => {
                if let Some(name) = arg.string(cx).and_then(|l| header_name(cx, l, false)) {
                    set_binding(Binding::Header(name), span);
                }
            }
            PREFIX_HEADERS => {
                if let Some(prefix) = arg.string(cx).and_then(|l| header_name(cx, l, true)) {
                    set_binding(Binding::PrefixHeaders(prefix), span);
                }
            }
            PAYLOAD => {
                arg.flag(cx);
                set_binding(Binding::Payload, span);
            }
            RESPONSE_CODE => {
                arg.flag(cx);
                set_binding(Binding::ResponseCode, span);
            }
            IDEMPOTENCY_TOKEN => {
                arg.flag(cx);
                out.idempotency_token = Some(span);
            }
            RENAME => out.rename = non_empty(cx, arg.string(cx), RENAME),
            TIMESTAMP_FORMAT => out.timestamp_format = timestamp_format(cx, arg),
            SENSITIVE => {
                arg.flag(cx);
                out.sensitive = Some(span);
            }
            MEDIA_TYPE => out.media_type = non_empty(cx, arg.string(cx), MEDIA_TYPE),
            _ => {}
        }
    }
    if let (Some(label), Some(rename)) = (&label_name, &out.rename) {
        cx.error(
            rename.span(),
            format!(
                "the member is already named \"{}\" by `label = ...`",
                label.value()
            ),
        );
    }
    let unraw = syn::ext::IdentExt::unraw(&ident).to_string();
    out.wire = label_name
        .or_else(|| out.rename.clone())
        .map(|l| l.value())
        .unwrap_or_else(|| lower_camel(&unraw));
    if let Some((b, span)) = binding {
        out.binding = match b {
            Binding::Query(_) => Binding::Query(
                query_key
                    .flatten()
                    .map(|l| l.value())
                    .unwrap_or_else(|| out.wire.clone()),
            ),
            other => other,
        };
        out.binding_span = span;
    }
    out.had_errors = cx.count() > errors_before;
    out
}

fn is_misplaced(name: &str) -> bool {
    matches!(
        name,
        LABEL | QUERY | QUERY_PARAMS | IDEMPOTENCY_TOKEN | RESPONSE_CODE
    )
}

/// `#[aws_shape(...)]` on `item`.
pub(crate) fn shape(cx: &Ctxt, args: TokenStream, item: &Item) -> Option<(Shape, ShapeArgs)> {
    let args = parse_args(cx, args);
    let mut shape_args = ShapeArgs {
        errors: false,
        krate: None,
    };
    let mut seen = HashMap::new();
    for arg in accept(cx, &args, SHAPE_ARGS, "#[aws_shape(...)]", &mut seen) {
        match arg.name.as_str() {
            ERRORS => shape_args.errors = arg.flag(cx),
            CRATE => shape_args.krate = crate_path(cx, arg),
            _ => {}
        }
    }
    let shape = match item {
        Item::Struct(s) => {
            check_generics(cx, &s.generics, "#[aws_shape]");
            if shape_args.errors {
                cx.error(
                    Span::call_site(),
                    "#[aws_shape(errors)] goes on the enum of an operation's errors; \
                     exception structures take a plain #[aws_shape]",
                );
            }
            let members = match &s.fields {
                Fields::Named(named) => named
                    .named
                    .iter()
                    .map(|f| {
                        member(
                            cx,
                            f,
                            SHAPE_MEMBER_KEYS,
                            "#[aws(...)] on a structure member",
                        )
                    })
                    .collect(),
                Fields::Unnamed(unnamed) => {
                    cx.error(
                        unnamed.paren_token.span.join(),
                        "an #[aws_shape] structure needs named fields: each is a member with a wire name",
                    );
                    Vec::new()
                }
                Fields::Unit => Vec::new(),
            };
            Shape::Structure(Structure {
                item: s.clone(),
                members,
                derives_debug: derives_debug(&s.attrs),
            })
        }
        Item::Enum(e) => {
            check_generics(cx, &e.generics, "#[aws_shape]");
            enum_shape(cx, e, shape_args.errors)?
        }
        Item::Union(u) => {
            cx.error(
                u.union_token.span,
                "declare an AWS union as an enum with one-field tuple variants, not a Rust union",
            );
            return None;
        }
        other => {
            cx.error_spanned(other, "#[aws_shape] goes on a struct or an enum");
            return None;
        }
    };
    Some((shape, shape_args))
}

#[derive(PartialEq)]
enum VariantKind {
    Unit,
    Newtype,
}

fn enum_shape(cx: &Ctxt, e: &syn::ItemEnum, errors: bool) -> Option<Shape> {
    if e.variants.is_empty() {
        cx.error(
            e.ident.span(),
            "an #[aws_shape] enum needs at least one variant",
        );
        return None;
    }
    let added = if errors { UNHANDLED } else { UNKNOWN };
    let mut kinds = Vec::new();
    for v in &e.variants {
        if v.ident == added {
            cx.error(
                v.ident.span(),
                format!("#[aws_shape] adds the `{added}` variant itself; remove this one"),
            );
            return None;
        }
        match &v.fields {
            Fields::Unit => kinds.push(VariantKind::Unit),
            Fields::Unnamed(f) if f.unnamed.len() == 1 => kinds.push(VariantKind::Newtype),
            other => {
                cx.error_spanned(
                    other,
                    if errors {
                        "an error variant holds its exception structure: `Name(NameException)`"
                    } else {
                        "variants are either unit (a string or int enum) or hold one value (a union member): `Name(Type)`"
                    },
                );
                return None;
            }
        }
    }
    if errors {
        if let Some((v, _)) = e
            .variants
            .iter()
            .zip(&kinds)
            .find(|(_, k)| **k == VariantKind::Unit)
        {
            cx.error(
                v.ident.span(),
                "an error variant holds its exception structure: `Name(NameException)`",
            );
            return None;
        }
        let variants = e
            .variants
            .iter()
            .map(|v| variant(cx, v, ERROR_VARIANT_KEYS, v.ident.to_string()))
            .collect();
        return Some(Shape::Errors(Enum {
            item: e.clone(),
            variants,
        }));
    }
    let first = &kinds[0];
    if let Some((v, _)) = e.variants.iter().zip(&kinds).find(|(_, k)| *k != first) {
        cx.error(
            v.ident.span(),
            "an #[aws_shape] enum has either all unit variants (a string or int enum) \
             or all one-value variants (a union); this variant is the odd one out",
        );
        return None;
    }
    if *first == VariantKind::Newtype {
        let variants = e
            .variants
            .iter()
            .map(|v| variant(cx, v, UNION_VARIANT_KEYS, lower_first(&v.ident.to_string())))
            .collect();
        return Some(Shape::Union(Enum {
            item: e.clone(),
            variants,
        }));
    }
    let with_value = e
        .variants
        .iter()
        .filter(|v| v.discriminant.is_some())
        .count();
    if with_value == 0 {
        let variants = e
            .variants
            .iter()
            .map(|v| {
                variant(
                    cx,
                    v,
                    ENUM_VARIANT_KEYS,
                    screaming_snake(&v.ident.to_string()),
                )
            })
            .collect();
        return Some(Shape::StringEnum(Enum {
            item: e.clone(),
            variants,
        }));
    }
    let mut variants = Vec::new();
    for v in &e.variants {
        let mut out = variant(cx, v, &[], v.ident.to_string());
        match &v.discriminant {
            Some((_, expr)) => match int_value(expr) {
                Some(n) => out.value = Some(n),
                None => cx.error_spanned(
                    expr,
                    "an int enum value must be an i32 literal, as in `A = 1`",
                ),
            },
            None => cx.error(
                v.ident.span(),
                "give every variant of an int enum its value (`A = 1`), or none for a string enum",
            ),
        }
        variants.push(out);
    }
    Some(Shape::IntEnum(Enum {
        item: e.clone(),
        variants,
    }))
}

fn int_value(expr: &syn::Expr) -> Option<i32> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse().ok(),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => int_value(expr).and_then(i32::checked_neg),
        syn::Expr::Group(g) => int_value(&g.expr),
        syn::Expr::Paren(p) => int_value(&p.expr),
        _ => None,
    }
}

fn variant(cx: &Ctxt, v: &syn::Variant, keys: &[&str], default_wire: String) -> Variant {
    let args = aws_args(cx, &v.attrs);
    let mut seen = HashMap::new();
    let what = if keys.is_empty() {
        "#[aws(...)] on an int enum variant"
    } else {
        "#[aws(...)] on a variant"
    };
    let mut out = Variant {
        ident: v.ident.clone(),
        wire: default_wire,
        value: None,
        ty: match &v.fields {
            Fields::Unnamed(f) => f.unnamed.first().map(|f| f.ty.clone()),
            _ => None,
        },
        timestamp_format: None,
        retryable: false,
        throttling: false,
    };
    for arg in accept(cx, &args, keys, what, &mut seen) {
        match arg.name.as_str() {
            RENAME => {
                if let Some(l) = arg.string(cx) {
                    out.wire = l.value();
                }
            }
            TIMESTAMP_FORMAT => out.timestamp_format = timestamp_format(cx, arg),
            RETRYABLE => out.retryable = arg.flag(cx),
            THROTTLING => out.throttling = arg.flag(cx),
            _ => {}
        }
    }
    out
}
