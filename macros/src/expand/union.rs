//! `#[aws_shape]` on an enum of one-value variants: a union, exactly one
//! member set. An added `Unknown(String)` keeps the name of a member this
//! version does not know.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::paths::{quoted_key, Paths};
use super::strip;
use crate::ast::{Enum, TimestampFormat};

pub(crate) fn expand(e: &Enum, paths: &Paths) -> TokenStream {
    let proto = &paths.proto;
    let private = &paths.private;
    let mut item = e.item.clone();
    strip::enumeration(&mut item);
    item.variants.push(syn::parse_quote! {
        /// A member this version does not know, by name. It is kept so a
        /// response still parses, and cannot be sent.
        Unknown(::std::string::String)
    });
    let ident = &item.ident;
    let name = ident.to_string();
    let variants: Vec<&syn::Ident> = e.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<&String> = e.variants.iter().map(|v| &v.wire).collect();

    let writes = e.variants.iter().map(|v| {
        let var = &v.ident;
        let key = quoted_key(&v.wire);
        let ts = paths.ts(v.timestamp_format, TimestampFormat::EpochSeconds);
        let span = v.ty.as_ref().map_or_else(|| var.span(), |t| t.span());
        quote_spanned! {span=>
            Self::#var(value) => {
                w.raw_key(&mut first, #key);
                #proto::json::ToJson::write_json(value, w, #ts);
            }
        }
    });
    let hints = e.variants.iter().map(|v| {
        let var = &v.ident;
        let key_len = quoted_key(&v.wire).len() + 2;
        quote!(Self::#var(value) => #key_len + #proto::json::ToJson::json_size_hint(value),)
    });
    let reads = e.variants.iter().map(|v| {
        let var = &v.ident;
        let wire = &v.wire;
        let ts = paths.ts(v.timestamp_format, TimestampFormat::EpochSeconds);
        quote!(#wire => Self::#var(#proto::json::FromJson::read_json(value, #ts, &path.field(#wire))?),)
    });
    let unknown_message =
        format!("cannot send `{name}::Unknown({{:?}})`: the member is not known to this client");

    quote! {
        #item

        impl #ident {
            /// The name of the member that is set, as on the wire.
            pub fn member_name(&self) -> &str {
                match self {
                    #(Self::#variants(_) => #wires,)*
                    Self::Unknown(name) => name.as_str(),
                }
            }
        }

        #[automatically_derived]
        impl #proto::json::ToJson for #ident {
            fn write_json(&self, w: &mut #proto::json::JsonWriter, _: #proto::TimestampFormat) {
                let mut first = true;
                w.begin_object();
                match self {
                    #(#writes)*
                    Self::Unknown(name) => w.fail(#private::error::BuildError::other(
                        ::std::format!(#unknown_message, name),
                    )),
                }
                w.end_object();
            }

            fn json_size_hint(&self) -> usize {
                match self {
                    #(#hints)*
                    Self::Unknown(_) => 2,
                }
            }
        }

        #[automatically_derived]
        impl #proto::json::FromJson for #ident {
            fn read_json(
                v: &#proto::json::JsonValue,
                _: #proto::TimestampFormat,
                path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                let mut found: ::core::option::Option<Self> = ::core::option::Option::None;
                for (key, value) in #proto::json::expect_object(v, path)? {
                    // `__type` names the union's shape in some services' output.
                    if value.is_null() || key == "__type" {
                        continue;
                    }
                    let member = match key.as_str() {
                        #(#reads)*
                        _ => Self::Unknown(::std::clone::Clone::clone(key)),
                    };
                    if found.is_some() {
                        return ::core::result::Result::Err(#private::error::ParseError::new(::std::format!(
                            "the union at `{}` has more than one member set",
                            path
                        )));
                    }
                    found = ::core::option::Option::Some(member);
                }
                found.ok_or_else(|| {
                    #private::error::ParseError::new(::std::format!("the union at `{}` has no member set", path))
                })
            }
        }

        #[automatically_derived]
        impl #proto::MissingValue for #ident {
            fn missing() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }

        #[automatically_derived]
        impl #proto::binding::Payload for #ident {
            const CONTENT_TYPE: &'static str = "application/json";

            fn to_payload(&self) -> ::core::result::Result<::std::vec::Vec<u8>, #private::error::BuildError> {
                #proto::binding::to_json_payload(self)
            }

            fn from_payload(
                body: &[u8],
                path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                #proto::binding::from_json_payload(body, path)
            }
        }
    }
}
