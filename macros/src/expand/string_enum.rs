//! `#[aws_shape]` on an enum of unit variants: a string enum that keeps
//! values it does not know in an added `Unknown(String)`.

use proc_macro2::TokenStream;
use quote::quote;

use super::paths::Paths;
use super::strip;
use crate::ast::Enum;
use crate::attr::derives;

pub(crate) fn expand(e: &Enum, paths: &Paths) -> TokenStream {
    let proto = &paths.proto;
    let private = &paths.private;
    let mut item = e.item.clone();
    strip::enumeration(&mut item);
    item.variants.push(syn::parse_quote! {
        /// A value this version does not know: kept as received and sent
        /// back unchanged.
        Unknown(::std::string::String)
    });
    let ident = &item.ident;
    let variants: Vec<&syn::Ident> = e.variants.iter().map(|v| &v.ident).collect();
    let wires: Vec<&String> = e.variants.iter().map(|v| &v.wire).collect();

    // A map key must be Eq + Hash; only enums that derive both can be one.
    let map_key = (derives(&e.item.attrs, "Eq").is_some()
        && derives(&e.item.attrs, "Hash").is_some())
    .then(|| {
        quote! {
            #[automatically_derived]
            impl #proto::MapKey for #ident {
                fn as_key(&self) -> &str {
                    self.as_str()
                }
                fn from_key(key: &str) -> Self {
                    <Self as ::core::convert::From<&str>>::from(key)
                }
            }
        }
    });

    quote! {
        #item

        impl #ident {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// Every value this version knows, as sent on the wire.
            pub const fn values() -> &'static [&'static str] {
                &[#(#wires),*]
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    other => Self::Unknown(::std::string::String::from(other)),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<::std::string::String> for #ident {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(value),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl #proto::json::ToJson for #ident {
            fn write_json(&self, w: &mut #proto::json::JsonWriter, _: #proto::TimestampFormat) {
                w.string(self.as_str());
            }
            fn json_size_hint(&self) -> usize {
                self.as_str().len() + 2
            }
        }

        #[automatically_derived]
        impl #proto::json::FromJson for #ident {
            fn read_json(
                v: &#proto::json::JsonValue,
                ts: #proto::TimestampFormat,
                path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                <::std::string::String as #proto::json::FromJson>::read_json(v, ts, path)
                    .map(<Self as ::core::convert::From<::std::string::String>>::from)
            }
        }

        #[automatically_derived]
        impl #proto::binding::HttpValue for #ident {
            const IS_TEXT: bool = true;
            fn write_http(&self, out: &mut ::std::string::String, _: #proto::TimestampFormat) {
                out.push_str(self.as_str());
            }
            fn read_http(
                text: &str,
                _: #proto::TimestampFormat,
            ) -> ::core::result::Result<Self, ::std::string::String> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(text))
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
            const CONTENT_TYPE: &'static str = "text/plain";
            fn to_payload(&self) -> ::core::result::Result<::std::vec::Vec<u8>, #private::error::BuildError> {
                ::core::result::Result::Ok(self.as_str().as_bytes().to_vec())
            }
            fn from_payload(
                body: &[u8],
                path: &#proto::json::JsonPath<'_>,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                <::std::string::String as #proto::binding::Payload>::from_payload(body, path)
                    .map(<Self as ::core::convert::From<::std::string::String>>::from)
            }
        }

        #map_key
    }
}
