//! `#[aws_shape]` on a struct: JSON codec, reading from a whole response
//! (header, prefix-header, status and payload members), use as a payload.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Fields;

use super::paths::{quoted_key, Paths};
use super::{debug, strip};
use crate::ast::{Binding, Member, Structure, TimestampFormat};
use crate::types::{is_named, option_inner};

pub(crate) fn expand(s: &Structure, paths: &Paths) -> TokenStream {
    let proto = &paths.proto;
    let private = &paths.private;
    let mut item = s.item.clone();
    strip::structure(&mut item);
    let ident = &item.ident;
    let shape_name = ident.to_string();
    let unit = matches!(item.fields, Fields::Unit);
    let body: Vec<&Member> = s
        .members
        .iter()
        .filter(|m| m.binding == Binding::Body)
        .collect();

    let construct = |values: &dyn Fn(&Member) -> TokenStream| -> TokenStream {
        if unit {
            return quote!(Self);
        }
        let fields = s.members.iter().map(|m| {
            let ident = &m.ident;
            let value = values(m);
            quote!(#ident: #value)
        });
        quote!(Self { #(#fields),* })
    };

    // ToJson
    let writes = body.iter().map(|m| {
        let ident = &m.ident;
        let key = quoted_key(&m.wire);
        let ts = paths.ts(m.timestamp_format, TimestampFormat::EpochSeconds);
        quote_spanned! {m.ty.span()=>
            #proto::json::write_member(__w, &mut __first, #key, &self.#ident, #ts);
        }
    });
    let first = (!body.is_empty()).then(|| quote!(let mut __first = true;));
    let hints = body.iter().map(|m| {
        let ident = &m.ident;
        let key_len = quoted_key(&m.wire).len() + 1;
        quote_spanned!(m.ty.span()=> + #proto::json::member_size_hint(&self.#ident, #key_len))
    });

    // FromJson
    let locals: Vec<syn::Ident> = (0..body.len())
        .map(|i| syn::Ident::new(&format!("__m{i}"), proc_macro2::Span::call_site()))
        .collect();
    let declare = body.iter().zip(&locals).map(|(m, local)| {
        let ty = &m.ty;
        quote_spanned!(m.ty.span()=> let mut #local: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = body.iter().zip(&locals).map(|(m, local)| {
        let wire = &m.wire;
        let ts = paths.ts(m.timestamp_format, TimestampFormat::EpochSeconds);
        quote_spanned!(m.ty.span()=> #wire => #local = #proto::json::read_member(__value, #ts, __path, #wire)?,)
    });
    let read = construct(
        &|m: &Member| match body.iter().position(|b| b.ident == m.ident) {
            Some(i) => {
                let local = &locals[i];
                quote_spanned!(m.ty.span()=> #local.unwrap_or_else(#proto::MissingValue::missing))
            }
            None => quote_spanned!(m.ty.span()=> #proto::MissingValue::missing()),
        },
    );
    let read_json = if body.is_empty() {
        quote! {
            #proto::json::expect_object(__v, __path)?;
            ::core::result::Result::Ok(#read)
        }
    } else {
        quote! {
            let __obj = #proto::json::expect_object(__v, __path)?;
            #(#declare)*
            for (__key, __value) in __obj {
                match __key.as_str() {
                    #(#arms)*
                    _ => {}
                }
            }
            ::core::result::Result::Ok(#read)
        }
    };
    let missing =
        construct(&|m: &Member| quote_spanned!(m.ty.span()=> #proto::MissingValue::missing()));

    // FromResponse
    let payload = s.members.iter().find(|m| m.binding == Binding::Payload);
    let http_reads: Vec<TokenStream> = s
        .members
        .iter()
        .filter_map(|m| {
            let ident = &m.ident;
            let wire = &m.wire;
            Some(match &m.binding {
                Binding::Header(header) if m.media_type.is_some() => quote_spanned! {m.ty.span()=>
                    __out.#ident = #proto::binding::read_header_base64(__response, #header, &#proto::json::JsonPath::root(#shape_name).field(#wire))?
                        .unwrap_or_else(#proto::MissingValue::missing);
                },
                Binding::Header(header) => {
                    let ts = paths.ts(m.timestamp_format, TimestampFormat::HttpDate);
                    quote_spanned! {m.ty.span()=>
                        __out.#ident = #proto::binding::read_header(__response, #header, #ts, &#proto::json::JsonPath::root(#shape_name).field(#wire))?
                            .unwrap_or_else(#proto::MissingValue::missing);
                    }
                }
                Binding::PrefixHeaders(prefix) => quote_spanned! {m.ty.span()=>
                    __out.#ident = #proto::binding::read_prefix_headers(__response, #prefix, &#proto::json::JsonPath::root(#shape_name).field(#wire))?
                        .unwrap_or_else(#proto::MissingValue::missing);
                },
                Binding::ResponseCode => quote_spanned! {m.ty.span()=>
                    __out.#ident = #proto::binding::read_status(__response)
                        .unwrap_or_else(#proto::MissingValue::missing);
                },
                _ => return None,
            })
        })
        .collect();
    let mutable = (payload.is_some() || !http_reads.is_empty()).then(|| quote!(mut));
    let start = if let Some(m) = payload {
        let ident = &m.ident;
        let wire = &m.wire;
        quote_spanned! {m.ty.span()=>
            let mut __out = <Self as #proto::MissingValue>::missing();
            __out.#ident = #proto::binding::read_payload(__response, &#proto::json::JsonPath::root(#shape_name).field(#wire))?
                .unwrap_or_else(#proto::MissingValue::missing);
        }
    } else if body.is_empty() {
        quote!(let #mutable __out = <Self as #proto::MissingValue>::missing();)
    } else {
        quote! {
            let #mutable __out = <Self as #proto::json::FromJson>::read_json(
                &#proto::binding::json_body(__response, __mode)?,
                #proto::TimestampFormat::EpochSeconds,
                &#proto::json::JsonPath::root(#shape_name),
            )?;
        }
    };
    let mode = if payload.is_some() || body.is_empty() {
        quote!(_)
    } else {
        quote!(__mode)
    };

    // Structure::error_message
    let message = body
        .iter()
        .find(|m| matches!(m.wire.as_str(), "message" | "Message" | "errorMessage"))
        .and_then(|m| {
            let ident = &m.ident;
            if is_named(&m.ty, "String") {
                Some(quote!(::core::option::Option::Some(self.#ident.as_str())))
            } else if option_inner(&m.ty).is_some_and(|t| is_named(t, "String")) {
                Some(quote!(self.#ident.as_deref()))
            } else {
                None
            }
        })
        .map(|value| {
            quote! {
                fn error_message(&self) -> ::core::option::Option<&str> {
                    #value
                }
            }
        });

    let debug = debug::sensitive(ident, &s.members, paths);

    quote! {
        #item

        #[automatically_derived]
        impl #proto::json::ToJson for #ident {
            fn write_json(&self, __w: &mut #proto::json::JsonWriter, _: #proto::TimestampFormat) {
                #first
                __w.begin_object();
                #(#writes)*
                __w.end_object();
            }

            fn json_size_hint(&self) -> usize {
                2 #(#hints)*
            }
        }

        #[automatically_derived]
        impl #proto::json::FromJson for #ident {
            fn read_json(
                __v: &#proto::json::JsonValue,
                _: #proto::TimestampFormat,
                __path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                #read_json
            }
        }

        #[automatically_derived]
        impl #proto::MissingValue for #ident {
            fn missing() -> Self {
                #missing
            }
        }

        #[automatically_derived]
        impl #proto::binding::FromResponse for #ident {
            fn from_response(
                __response: &#private::http::HttpResponse,
                #mode: #proto::binding::BodyMode,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                #start
                #(#http_reads)*
                ::core::result::Result::Ok(__out)
            }
        }

        #[automatically_derived]
        impl #proto::binding::Payload for #ident {
            const CONTENT_TYPE: &'static str = "application/json";
            const WHEN_ABSENT: ::core::option::Option<&'static str> = ::core::option::Option::Some("{}");

            fn to_payload(&self) -> ::core::result::Result<::std::vec::Vec<u8>, #private::error::BuildError> {
                #proto::binding::to_json_payload(self)
            }

            fn from_payload(
                __body: &[u8],
                __path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                #proto::binding::from_json_payload(__body, __path)
            }
        }

        #[automatically_derived]
        impl #proto::Structure for #ident {
            const NAME: &'static str = #shape_name;
            #message
        }

        #debug
    }
}
