//! The model the macros work from: what the user declared, with the spans
//! to point errors at.

use proc_macro2::Span;
use syn::{Ident, LitStr, Path, Type};

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

/// The arguments of `#[aws_operation(...)]`, each with its span.
#[derive(Default)]
pub(crate) struct OperationArgs {
    pub(crate) service: Option<LitStr>,
    pub(crate) method: Option<(String, Span)>,
    pub(crate) uri: Option<(UriTemplate, Span)>,
    pub(crate) status: Option<(u16, Span)>,
    pub(crate) output: Option<Type>,
    pub(crate) error: Option<Type>,
    pub(crate) endpoint: Option<LitStr>,
    pub(crate) service_id: Option<LitStr>,
    pub(crate) name: Option<LitStr>,
    pub(crate) krate: Option<Path>,
}

/// A struct field: an operation input member or a structure member.
pub(crate) struct Member {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// The name on the wire: JSON key, label name or query key fallback.
    pub(crate) wire: String,
    pub(crate) binding: Binding,
    /// Where the binding was declared (the field name for body members).
    pub(crate) binding_span: Span,
    pub(crate) timestamp_format: Option<TimestampFormat>,
    pub(crate) idempotency_token: Option<Span>,
    pub(crate) sensitive: Option<Span>,
    pub(crate) rename: Option<LitStr>,
    /// `media_type = "..."`: a string header sent base64-encoded.
    pub(crate) media_type: Option<LitStr>,
    /// Whether its `#[aws(...)]` had errors: checks across members skip it
    /// rather than report consequences of the same mistake.
    pub(crate) had_errors: bool,
}

/// Where a member travels.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Binding {
    Body,
    Label,
    Query(String),
    QueryParams,
    Header(String),
    PrefixHeaders(String),
    Payload,
    ResponseCode,
}

impl Binding {
    /// The attribute key that declares it, for messages.
    pub(crate) fn key(&self) -> &'static str {
        use crate::symbol::*;
        match self {
            Binding::Body => "body",
            Binding::Label => LABEL,
            Binding::Query(_) => QUERY,
            Binding::QueryParams => QUERY_PARAMS,
            Binding::Header(_) => HEADER,
            Binding::PrefixHeaders(_) => PREFIX_HEADERS,
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
}

pub(crate) struct Enum {
    pub(crate) item: syn::ItemEnum,
    pub(crate) variants: Vec<Variant>,
}

pub(crate) struct Variant {
    pub(crate) ident: Ident,
    /// Wire value (string enums), member name (unions) or error code.
    pub(crate) wire: String,
    /// The discriminant of an int enum variant.
    pub(crate) value: Option<i32>,
    /// The one field of a union or errors variant.
    pub(crate) ty: Option<Type>,
    pub(crate) timestamp_format: Option<TimestampFormat>,
    pub(crate) retryable: bool,
    pub(crate) throttling: bool,
}

/// Options shared by both macros.
pub(crate) struct ShapeArgs {
    pub(crate) errors: bool,
    pub(crate) krate: Option<Path>,
}
