//! `#[aws_shape]` on a struct: its schema and generic read/write, reading
//! from a whole response (header, prefix-header, status and payload
//! members), and use as a payload.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Fields;

use super::body::{body_members, read_impl, shape_impl, write_impl};
use super::paths::Paths;
use super::{debug, strip};
use crate::ast::{Binding, Member, Structure};
use crate::types::{is_named, option_inner};

pub(crate) fn expand(s: &Structure, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let mut item = s.item.clone();
    strip::structure(&mut item);
    let ident = &item.ident;
    let unit = matches!(item.fields, Fields::Unit);
    let body = body_members(&s.members);

    let missing_fields = s.members.iter().map(|m| {
        let field = &m.ident;
        quote_spanned!(m.ty.span()=> #field: #private::shape::MissingValue::missing())
    });
    let missing = if unit {
        quote!(Self)
    } else {
        quote!(Self { #(#missing_fields),* })
    };

    let shape = shape_impl(
        ident,
        &body,
        &s.xml_root,
        paths,
        error_message(&body, paths),
    );
    let write = write_impl(ident, &body, paths);
    let read = read_impl(ident, &body, paths);
    let from_response = from_response(s, &body, paths);
    let debug = debug::sensitive(ident, &s.members, paths);
    let member_types = member_types(s, paths);

    quote! {
        #item
        #shape
        #write
        #read

        #[automatically_derived]
        impl #private::shape::MissingValue for #ident {
            fn missing() -> Self {
                #missing
            }
        }

        #from_response

        #[automatically_derived]
        impl #private::protocol::binding::Payload for #ident {
            fn to_payload<__P: #private::protocol::Protocol>(
                &self,
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<#private::protocol::binding::PayloadBody, #private::error::BuildError> {
                __P::write_shape_payload(self, __m)
            }

            fn absent_payload<__P: #private::protocol::Protocol>(
            ) -> ::core::option::Option<#private::protocol::binding::PayloadBody> {
                __P::absent_shape_payload()
            }

            fn from_payload<__P: #private::protocol::Protocol>(
                __body: &[u8],
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                __P::read_shape_payload(__body)
            }
        }

        #[automatically_derived]
        impl #private::pagination::PathMember for #ident {
            type Value = Self;
            fn value(&self) -> ::core::option::Option<&Self> {
                ::core::option::Option::Some(self)
            }
            fn value_mut(&mut self) -> ::core::option::Option<&mut Self> {
                ::core::option::Option::Some(self)
            }
        }

        #member_types
        #debug
    }
}

/// `MemberType` for each `pub` member that may be on a paginator's items
/// path (lists and structures, not scalars): how an operation declared
/// elsewhere names the items' type. Only `pub` members: a trait impl may
/// not name a private type.
fn member_types(s: &Structure, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let ident = &s.item.ident;
    let members = s.members.iter().filter(|m| m.public && !is_scalar(&m.ty));
    let impls = members.map(|m| {
        let hash = crate::case::field_hash(&syn::ext::IdentExt::unraw(&m.ident).to_string());
        let ty = &m.ty;
        quote! {
            #[automatically_derived]
            impl #private::pagination::MemberType<#hash> for #ident {
                type Type = #ty;
            }
        }
    });
    quote!(#(#impls)*)
}

/// Whether a member type is a scalar (or an `Option` of one): no
/// paginator path goes through it to items.
fn is_scalar(ty: &syn::Type) -> bool {
    const SCALARS: &[&str] = &[
        "String", "bool", "i8", "i16", "i32", "i64", "f32", "f64", "Blob", "DateTime",
    ];
    let inner = crate::types::strip_option(ty);
    SCALARS.iter().any(|name| is_named(inner, name))
}

/// `impl FromResponse`: the body members through the protocol, then each
/// HTTP-bound member from where it is bound.
fn from_response(s: &Structure, body: &[&Member], paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let binding = quote!(#private::protocol::binding);
    let ident = &s.item.ident;
    let payload = s.members.iter().find(|m| m.binding == Binding::Payload);
    let reads: Vec<TokenStream> = s
        .members
        .iter()
        .filter_map(|m| {
            let field = &m.ident;
            let wire = &m.wire;
            let read = match &m.binding {
                Binding::Header(header, _) if m.media_type.is_some() => {
                    quote!(#binding::read_header_base64(__response, #header, #wire)?)
                }
                Binding::Header(header, _) => {
                    let ts = paths.ts_option(&m.timestamp_format);
                    quote!(#binding::read_header(__response, #header, #ts, #wire)?)
                }
                Binding::PrefixHeaders(prefix, _) => {
                    quote!(#binding::read_prefix_headers(__response, #prefix, #wire)?)
                }
                Binding::ResponseCode => quote!(#binding::read_status(__response)),
                Binding::Payload if crate::types::is_streaming(&m.ty) => {
                    quote!(#binding::read_streaming_payload(__response))
                }
                Binding::Payload => quote!(#binding::read_payload::<__P, _>(__response, #wire)?),
                _ => return None,
            };
            Some(quote_spanned! {m.ty.span()=>
                __out.#field = #read.unwrap_or_else(#private::shape::MissingValue::missing);
            })
        })
        .collect();
    let mutable = (!reads.is_empty()).then(|| quote!(mut));
    let start = if payload.is_none() && !body.is_empty() {
        quote!(let #mutable __out: Self = __P::read_body(&__response.body, __role)?;)
    } else {
        quote!(let #mutable __out = <Self as #private::shape::MissingValue>::missing();)
    };
    let role = if payload.is_none() && !body.is_empty() {
        quote!(__role)
    } else {
        quote!(_)
    };
    let streaming = payload
        .filter(|m| crate::types::is_streaming(&m.ty))
        .map(|m| {
            let field = &m.ident;
            quote! {
                const STREAMING: bool = true;

                fn attach_body(&mut self, __body: #private::body::ByteStream) {
                    self.#field = #binding::StreamingPayload::from_body(__body);
                }
            }
        });
    quote! {
        #[automatically_derived]
        impl #binding::FromResponse for #ident {
            #streaming

            fn from_response<__P: #private::protocol::Protocol>(
                __response: &#private::http::HttpResponse,
                #role: #private::protocol::Role<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                let __read = || -> ::core::result::Result<Self, #private::error::ParseError> {
                    #start
                    #(#reads)*
                    ::core::result::Result::Ok(__out)
                };
                __read().map_err(|__e| __e.in_root(<Self as #private::shape::Shape>::SCHEMA.name))
            }
        }
    }
}

/// `Shape::error_message` and `fill_error_message`, when a string body
/// member may be the exception's message: the runtime's one list of
/// message keys decides which (at compile time: the check is `const`).
fn error_message(body: &[&Member], paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let candidates: Vec<(&Member, bool)> = body
        .iter()
        .filter(|m| {
            let lower = m.wire.to_ascii_lowercase();
            lower == "message" || lower == "errormessage"
        })
        .filter_map(|m| {
            if is_named(&m.ty, "String") {
                Some((*m, false))
            } else if option_inner(&m.ty).is_some_and(|t| is_named(t, "String")) {
                Some((*m, true))
            } else {
                None
            }
        })
        .collect();
    if candidates.is_empty() {
        return TokenStream::new();
    }
    let gets = candidates.iter().map(|(m, optional)| {
        let field = &m.ident;
        let wire = &m.wire;
        let value = if *optional {
            quote!(self.#field.as_deref())
        } else {
            quote!(::core::option::Option::Some(self.#field.as_str()))
        };
        quote! {
            if #private::shape::is_error_message_key(#wire) {
                return #value;
            }
        }
    });
    let fills = candidates.iter().map(|(m, optional)| {
        let field = &m.ident;
        let wire = &m.wire;
        let fill = if *optional {
            quote! {
                if self.#field.as_deref().map_or(true, str::is_empty) {
                    self.#field = ::core::option::Option::Some(::std::borrow::ToOwned::to_owned(__message));
                }
            }
        } else {
            quote! {
                if self.#field.is_empty() {
                    self.#field = ::std::borrow::ToOwned::to_owned(__message);
                }
            }
        };
        quote! {
            if #private::shape::is_error_message_key(#wire) {
                #fill
                return;
            }
        }
    });
    quote! {
        fn error_message(&self) -> ::core::option::Option<&str> {
            #(#gets)*
            ::core::option::Option::None
        }

        fn fill_error_message(&mut self, __message: &str) {
            #(#fills)*
        }
    }
}
