//! `#[aws_shape]` on an enum of unit variants: a string enum that keeps
//! values it does not know in an added `Unknown(String)`.

use proc_macro2::TokenStream;
use quote::quote;

use super::paths::Paths;
use super::strip;
use crate::ast::Enum;
use crate::attr::derives;

pub(crate) fn expand(e: &Enum, paths: &Paths) -> TokenStream {
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
            impl #private::shape::MapKey for #ident {
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
        impl #private::shape::WriteValue for #ident {
            fn write<__W: #private::shape::ShapeWriter>(&self, __w: &mut __W, __m: &#private::shape::Member) {
                __w.string(__m, self.as_str());
            }
            fn size_hint(&self) -> usize {
                self.as_str().len() + 2
            }
        }

        #[automatically_derived]
        impl #private::shape::ReadValue for #ident {
            fn read<__R: #private::shape::ShapeReader>(
                __r: &mut __R,
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                __r.string(__m).map(<Self as ::core::convert::From<::std::string::String>>::from)
            }
        }

        #[automatically_derived]
        impl #private::protocol::binding::HttpValue for #ident {
            const IS_TEXT: bool = true;
            fn write_http(&self, out: &mut ::std::string::String, _: #private::value::TimestampFormat) {
                out.push_str(self.as_str());
            }
            fn read_http(
                text: &str,
                _: #private::value::TimestampFormat,
            ) -> ::core::result::Result<Self, ::std::string::String> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(text))
            }
        }

        #[automatically_derived]
        impl #private::shape::MissingValue for #ident {
            fn missing() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }

        #[automatically_derived]
        impl #private::protocol::binding::Payload for #ident {
            fn to_payload<__P: #private::protocol::Protocol>(
                &self,
                _: &#private::shape::Member,
            ) -> ::core::result::Result<#private::protocol::binding::PayloadBody, #private::error::BuildError> {
                ::core::result::Result::Ok(#private::protocol::binding::PayloadBody {
                    bytes: ::std::vec::Vec::from(self.as_str().as_bytes()),
                    content_type: "text/plain",
                })
            }
            fn from_payload<__P: #private::protocol::Protocol>(
                __body: &[u8],
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                <::std::string::String as #private::protocol::binding::Payload>::from_payload::<__P>(__body)
                    .map(<Self as ::core::convert::From<::std::string::String>>::from)
            }
        }

        #map_key
    }
}
