//! The model the macros work from, built from the user's item and its
//! attributes: operations, shapes (classified into structures, string and
//! int enums, unions and error enums), members with their bindings and wire
//! names, each with the spans to point errors at.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Fields, Ident, Item, LitInt, LitStr, Path, Type};

use crate::attr::{
    self, MemberAttrs, OperationAttrs, PaginatorAttrs, VariantAttrs, XmlMemberAttrs, XmlRootAttrs,
};
use crate::case::{lower_camel, lower_first, screaming_snake, RenameRule};
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::uri::UriTemplate;

/// `#[aws_operation(...)]` on a struct.
pub(crate) struct Operation {
    pub(crate) item: syn::ItemStruct,
    pub(crate) args: OperationArgs,
    pub(crate) members: Vec<Member>,
    pub(crate) derives_debug: Option<Span>,
    /// Whether the struct has named fields (or none): otherwise member
    /// checks would only repeat the error about its shape.
    pub(crate) named: bool,
}

/// The arguments of `#[aws_operation(...)]`.
pub(crate) struct OperationArgs {
    pub(crate) service: Option<LitStr>,
    pub(crate) method: Option<LitStr>,
    pub(crate) uri: Option<(UriTemplate, Span)>,
    pub(crate) status: Option<LitInt>,
    pub(crate) output: Option<Type>,
    pub(crate) error: Option<Type>,
    pub(crate) protocol: Option<LitStr>,
    pub(crate) endpoint: Option<LitStr>,
    pub(crate) service_id: Option<LitStr>,
    pub(crate) name: Option<LitStr>,
    pub(crate) rename_all: Option<LitStr>,
    pub(crate) paginator: Option<PaginatorAttrs>,
    pub(crate) target_prefix: Option<LitStr>,
    pub(crate) api_version: Option<LitStr>,
    pub(crate) query_compatible: Option<Span>,
    pub(crate) request_checksum: Option<LitStr>,
    pub(crate) host_prefix: Option<LitStr>,
    pub(crate) xml_root: XmlRootAttrs,
    pub(crate) krate: Option<Path>,
    pub(crate) given: Vec<&'static str>,
}

impl OperationArgs {
    /// The protocol the operation names, or the default (checked by `valid`).
    pub(crate) fn protocol(&self) -> &'static crate::protocol::ProtocolInfo {
        self.protocol
            .as_ref()
            .and_then(|lit| crate::protocol::find(&lit.value()))
            .unwrap_or_else(crate::protocol::default)
    }
}

/// A struct field: an operation input member or a structure member.
pub(crate) struct Member {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// Whether the field is `pub` (reachable from anywhere).
    pub(crate) public: bool,
    /// The name on the wire: body key, label name, query key fallback.
    pub(crate) wire: String,
    pub(crate) binding: Binding,
    /// Where the binding was declared (the field name for body members).
    pub(crate) binding_span: Span,
    /// `label = "name"`: the label's wire name.
    pub(crate) label_name: Option<LitStr>,
    /// The binding keys written after the first: each is a conflict.
    pub(crate) extra_bindings: Vec<(&'static str, Span)>,
    pub(crate) timestamp_format: Option<LitStr>,
    pub(crate) idempotency_token: Option<Span>,
    /// `host_label`: fills a `{name}` of the operation's `host_prefix`.
    pub(crate) host_label: Option<Span>,
    /// The `{name}` a host label fills: `host_label = "Name"`, else the wire name.
    pub(crate) host_label_name: Option<LitStr>,
    pub(crate) sensitive: Option<Span>,
    pub(crate) rename: Option<LitStr>,
    /// `media_type = "..."`: a string header sent base64-encoded.
    pub(crate) media_type: Option<LitStr>,
    /// `ec2_name = "..."`: the ec2Query form key.
    pub(crate) ec2_name: Option<LitStr>,
    pub(crate) xml: XmlMemberAttrs,
    /// Whether its `#[aws(...)]` had errors: checks across members skip it.
    pub(crate) had_errors: bool,
}

impl Member {
    /// The `{name}` of the host prefix this member fills, if it is a host label.
    pub(crate) fn host_label_name(&self) -> Option<String> {
        self.host_label?;
        Some(
            self.host_label_name
                .as_ref()
                .map_or_else(|| self.wire.clone(), LitStr::value),
        )
    }
}

/// Where a member travels.
#[derive(Clone)]
pub(crate) enum Binding {
    Body,
    Label,
    Query(String),
    QueryParams,
    /// The header name, lower-cased.
    Header(String, LitStr),
    /// The prefix, lower-cased.
    PrefixHeaders(String, LitStr),
    Payload,
    ResponseCode,
}

// By hand: the literals are kept for their spans, and comparing them
// would need syn's `extra-traits` (equality for every syntax type, ~1 s
// more to build syn, for programs already building it for tokio-macros).
// Two bindings are the same when they put a member in the same place.
impl PartialEq for Binding {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Binding::Query(a), Binding::Query(b))
            | (Binding::Header(a, _), Binding::Header(b, _))
            | (Binding::PrefixHeaders(a, _), Binding::PrefixHeaders(b, _)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Eq for Binding {}

impl Binding {
    /// The attribute key that declares it, for messages.
    pub(crate) fn key(&self) -> &'static str {
        match self {
            Binding::Body => "body",
            Binding::Label => LABEL,
            Binding::Query(_) => QUERY,
            Binding::QueryParams => QUERY_PARAMS,
            Binding::Header(..) => HEADER,
            Binding::PrefixHeaders(..) => PREFIX_HEADERS,
            Binding::Payload => PAYLOAD,
            Binding::ResponseCode => RESPONSE_CODE,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimestampFormat {
    EpochSeconds,
    DateTime,
    HttpDate,
}

impl TimestampFormat {
    /// The format a `timestamp_format = "..."` names (checked by `valid`).
    pub(crate) fn from_lit(lit: &LitStr) -> Option<Self> {
        match lit.value().as_str() {
            EPOCH_SECONDS => Some(TimestampFormat::EpochSeconds),
            DATE_TIME => Some(TimestampFormat::DateTime),
            HTTP_DATE => Some(TimestampFormat::HttpDate),
            _ => None,
        }
    }
}

/// `#[aws_shape]` on a struct or enum.
pub(crate) enum Shape {
    Structure(Structure),
    StringEnum(Enum),
    IntEnum(Enum),
    Union(Enum),
    Errors(Enum),
}

pub(crate) struct Structure {
    pub(crate) item: syn::ItemStruct,
    pub(crate) members: Vec<Member>,
    pub(crate) derives_debug: Option<Span>,
    /// `#[aws_shape(errors)]` was written on this struct (an error).
    pub(crate) errors_flag: bool,
    pub(crate) xml_root: XmlRootAttrs,
}

pub(crate) struct Enum {
    pub(crate) item: syn::ItemEnum,
    pub(crate) variants: Vec<Variant>,
}

pub(crate) struct Variant {
    pub(crate) ident: Ident,
    /// Wire value (string enums), member name (unions) or error code.
    pub(crate) wire: String,
    /// The discriminant of an int enum variant, as written.
    pub(crate) discriminant: Option<syn::Expr>,
    /// The one field of a union or errors variant.
    pub(crate) ty: Option<Type>,
    pub(crate) timestamp_format: Option<LitStr>,
    pub(crate) retryable: bool,
    pub(crate) throttling: bool,
}

/// `#[aws_operation(...)]` on `item`: the model, or `None` when the item
/// is no struct (reported).
pub(crate) fn operation(cx: &Ctxt, args: TokenStream, item: &Item) -> Option<Operation> {
    let item = match item {
        Item::Struct(s) => s,
        Item::Enum(e) => {
            attr::operation(cx, args);
            cx.error(
                e.enum_token.span,
                "#[aws_operation] goes on a struct (the operation's input members); \
                 declare enums with #[aws_shape]",
            );
            return None;
        }
        Item::Union(u) => {
            attr::operation(cx, args);
            cx.error(
                u.union_token.span,
                "#[aws_operation] goes on a struct (the operation's input members); \
                 declare AWS unions as enums with #[aws_shape]",
            );
            return None;
        }
        other => {
            attr::operation(cx, args);
            cx.error_spanned(
                other,
                "#[aws_operation] goes on a struct (the operation's input members)",
            );
            return None;
        }
    };
    check_generics(cx, &item.generics, "#[aws_operation]");
    // The arguments are read first (`rename_all` names the members), but
    // their errors are reported after the members', in reading order.
    let args_cx = Ctxt::default();
    let attrs = attr::operation(&args_cx, args);
    let rule = rename_rule(&attrs.rename_all);
    let members = match &item.fields {
        Fields::Named(named) => named
            .named
            .iter()
            .map(|f| {
                member(
                    cx,
                    f,
                    MemberPlace::Input,
                    "#[aws(...)] on an operation input member",
                    rule,
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
    cx.absorb(args_cx);
    Some(Operation {
        args: operation_args(cx, attrs),
        members,
        derives_debug: attr::derives(&item.attrs, "Debug"),
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

fn operation_args(cx: &Ctxt, attrs: OperationAttrs) -> OperationArgs {
    let uri = attrs
        .uri
        .and_then(|lit| match UriTemplate::parse(&lit.value()) {
            Ok(t) => Some((t, lit.span())),
            Err(why) => {
                cx.error(lit.span(), why);
                None
            }
        });
    OperationArgs {
        service: attrs.service,
        method: attrs.method,
        uri,
        status: attrs.status,
        output: attrs.output,
        error: attrs.error,
        protocol: attrs.protocol,
        endpoint: attrs.endpoint,
        service_id: attrs.service_id,
        name: attrs.name,
        rename_all: attrs.rename_all,
        paginator: attrs.paginator,
        target_prefix: attrs.target_prefix,
        api_version: attrs.api_version,
        query_compatible: attrs.query_compatible,
        request_checksum: attrs.request_checksum,
        host_prefix: attrs.host_prefix,
        xml_root: attrs.xml_root,
        krate: attrs.krate,
        given: attrs.given,
    }
}

/// The rule `rename_all` names, if it names one (`valid` reports the rest).
fn rename_rule(lit: &Option<LitStr>) -> Option<RenameRule> {
    lit.as_ref().and_then(|l| RenameRule::parse(&l.value()))
}

/// One field of an operation input or a structure.
fn member(
    cx: &Ctxt,
    field: &syn::Field,
    place: MemberPlace,
    what: &str,
    rule: Option<RenameRule>,
) -> Member {
    let ident = field
        .ident
        .clone()
        .unwrap_or_else(|| Ident::new("_", field.span()));
    let attrs: MemberAttrs = attr::member(cx, &field.attrs, place, what);
    let mut bindings = attrs.bindings.into_iter();
    let first = bindings.next();
    let extra_bindings = bindings.map(|(key, span, _)| (key, span)).collect();
    let label_name = match &first {
        Some((LABEL, _, name)) => name.clone(),
        _ => None,
    };
    let unraw = syn::ext::IdentExt::unraw(&ident).to_string();
    let wire = label_name
        .as_ref()
        .or(attrs.rename.as_ref())
        .map(LitStr::value)
        .unwrap_or_else(|| match rule {
            Some(rule) => rule.field(&unraw),
            None => lower_camel(&unraw),
        });
    let (binding, binding_span) = match first {
        None => (Binding::Body, ident.span()),
        Some((key, span, value)) => {
            let binding = match key {
                LABEL => Binding::Label,
                QUERY => Binding::Query(value.map_or_else(|| wire.clone(), |l| l.value())),
                QUERY_PARAMS => Binding::QueryParams,
                HEADER => match value {
                    Some(lit) => Binding::Header(lit.value().to_ascii_lowercase(), lit),
                    None => Binding::Body,
                },
                PREFIX_HEADERS => match value {
                    Some(lit) => Binding::PrefixHeaders(lit.value().to_ascii_lowercase(), lit),
                    None => Binding::Body,
                },
                PAYLOAD => Binding::Payload,
                _ => Binding::ResponseCode,
            };
            (binding, span)
        }
    };
    Member {
        ident,
        ty: field.ty.clone(),
        public: matches!(field.vis, syn::Visibility::Public(_)),
        wire,
        binding,
        binding_span,
        label_name,
        extra_bindings,
        timestamp_format: attrs.timestamp_format,
        idempotency_token: attrs.idempotency_token,
        host_label: attrs.host_label,
        host_label_name: attrs.host_label_name,
        sensitive: attrs.sensitive,
        rename: attrs.rename,
        media_type: attrs.media_type,
        ec2_name: attrs.ec2_name,
        xml: attrs.xml,
        had_errors: attrs.had_errors,
    }
}

/// The arguments of `#[aws_shape(...)]` the later stages need.
pub(crate) struct ShapeArgs {
    pub(crate) rename_all: Option<LitStr>,
    /// The XML root options, when the item is no structure (an error).
    pub(crate) xml_root: XmlRootAttrs,
    pub(crate) krate: Option<Path>,
}

/// `#[aws_shape(...)]` on `item`: the model and its arguments, or no
/// model when the item cannot be a shape (reported).
pub(crate) fn shape(cx: &Ctxt, args: TokenStream, item: &Item) -> (Option<Shape>, ShapeArgs) {
    let mut attrs = attr::shape(cx, args);
    let shape = match item {
        Item::Struct(s) => {
            check_generics(cx, &s.generics, "#[aws_shape]");
            let members = match &s.fields {
                Fields::Named(named) => named
                    .named
                    .iter()
                    .map(|f| {
                        member(
                            cx,
                            f,
                            MemberPlace::Structure,
                            "#[aws(...)] on a structure member",
                            rename_rule(&attrs.rename_all),
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
            Some(Shape::Structure(Structure {
                item: s.clone(),
                members,
                derives_debug: attr::derives(&s.attrs, "Debug"),
                errors_flag: attrs.errors,
                xml_root: std::mem::take(&mut attrs.xml_root),
            }))
        }
        Item::Enum(e) => {
            check_generics(cx, &e.generics, "#[aws_shape]");
            enum_shape(cx, e, attrs.errors, rename_rule(&attrs.rename_all))
        }
        Item::Union(u) => {
            cx.error(
                u.union_token.span,
                "declare an AWS union as an enum with one-field tuple variants, not a Rust union",
            );
            None
        }
        other => {
            cx.error_spanned(other, "#[aws_shape] goes on a struct or an enum");
            None
        }
    };
    let args = ShapeArgs {
        rename_all: attrs.rename_all,
        xml_root: attrs.xml_root,
        krate: attrs.krate,
    };
    (shape, args)
}

#[derive(PartialEq)]
enum VariantKind {
    Unit,
    Newtype,
    Other,
}

fn variant_kind(v: &syn::Variant) -> VariantKind {
    match &v.fields {
        Fields::Unit => VariantKind::Unit,
        Fields::Unnamed(f) if f.unnamed.len() == 1 => VariantKind::Newtype,
        _ => VariantKind::Other,
    }
}

/// Classifies an enum: errors (with `errors`), a union (one-value
/// variants), an int enum (unit variants with values) or a string enum.
/// Every problem with its form is reported, not only the first.
fn enum_shape(
    cx: &Ctxt,
    e: &syn::ItemEnum,
    errors: bool,
    rule: Option<RenameRule>,
) -> Option<Shape> {
    if e.variants.is_empty() {
        cx.error(
            e.ident.span(),
            "an #[aws_shape] enum needs at least one variant",
        );
        return None;
    }
    let added = if errors { UNHANDLED } else { UNKNOWN };
    let before = cx.count();
    for v in &e.variants {
        if v.ident == added {
            cx.error(
                v.ident.span(),
                format!("#[aws_shape] adds the `{added}` variant itself; remove this one"),
            );
        } else if variant_kind(v) == VariantKind::Other {
            cx.error_spanned(
                &v.fields,
                if errors {
                    "an error variant holds its exception structure: `Name(NameException)`"
                } else {
                    "variants are either unit (a string or int enum) or hold one value (a union member): `Name(Type)`"
                },
            );
        } else if errors && variant_kind(v) == VariantKind::Unit {
            cx.error(
                v.ident.span(),
                "an error variant holds its exception structure: `Name(NameException)`",
            );
        }
    }
    if cx.count() > before {
        return None;
    }
    let item = e.clone();
    if errors {
        let variants = e
            .variants
            .iter()
            .map(|v| variant(cx, v, VariantPlace::Errors, v.ident.to_string()))
            .collect();
        return Some(Shape::Errors(Enum { item, variants }));
    }
    let first = variant_kind(&e.variants[0]);
    for v in e.variants.iter().filter(|v| variant_kind(v) != first) {
        cx.error(
            v.ident.span(),
            "an #[aws_shape] enum has either all unit variants (a string or int enum) \
             or all one-value variants (a union); this variant is the odd one out",
        );
    }
    if cx.count() > before {
        return None;
    }
    if first == VariantKind::Newtype {
        let variants = e
            .variants
            .iter()
            .map(|v| {
                // Member names: lowerCamelCase unless `rename_all` names a rule.
                let name = v.ident.to_string();
                let wire = rule.map_or_else(|| lower_first(&name), |r| r.variant(&name));
                variant(cx, v, VariantPlace::Union, wire)
            })
            .collect();
        return Some(Shape::Union(Enum { item, variants }));
    }
    if e.variants.iter().all(|v| v.discriminant.is_none()) {
        let variants = e
            .variants
            .iter()
            .map(|v| {
                let name = v.ident.to_string();
                let wire = rule.map_or_else(|| screaming_snake(&name), |r| r.variant(&name));
                variant(cx, v, VariantPlace::StringEnum, wire)
            })
            .collect();
        return Some(Shape::StringEnum(Enum { item, variants }));
    }
    let variants = e
        .variants
        .iter()
        .map(|v| variant(cx, v, VariantPlace::IntEnum, v.ident.to_string()))
        .collect();
    Some(Shape::IntEnum(Enum { item, variants }))
}

fn variant(cx: &Ctxt, v: &syn::Variant, place: VariantPlace, default_wire: String) -> Variant {
    let attrs: VariantAttrs = attr::variant(cx, &v.attrs, place);
    Variant {
        ident: v.ident.clone(),
        wire: attrs.rename.as_ref().map_or(default_wire, LitStr::value),
        discriminant: v.discriminant.as_ref().map(|(_, expr)| expr.clone()),
        ty: match &v.fields {
            Fields::Unnamed(f) => f.unnamed.first().map(|f| f.ty.clone()),
            _ => None,
        },
        timestamp_format: attrs.timestamp_format,
        retryable: attrs.retryable,
        throttling: attrs.throttling,
    }
}

impl Variant {
    /// The value of an int enum variant, when its discriminant is an i32
    /// literal (checked by `valid`).
    pub(crate) fn int_value(&self) -> Option<i32> {
        self.discriminant.as_ref().and_then(int_value)
    }
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
