//! `#[aws_shape]` on an enum of one-value variants: a union, exactly one
//! member set. An added `Unknown(String)` keeps the name of a member this
//! version does not know.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::paths::Paths;
use super::strip;
use crate::ast::Enum;

pub(crate) fn expand(e: &Enum, paths: &Paths) -> TokenStream {
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
    let members = e
        .variants
        .iter()
        .map(|v| paths.member_schema(&v.wire, &v.timestamp_format));

    let span = |v: &crate::ast::Variant| v.ty.as_ref().map_or_else(|| v.ident.span(), |t| t.span());
    let writes = e.variants.iter().enumerate().map(|(i, v)| {
        let var = &v.ident;
        quote_spanned! {span(v)=>
            Self::#var(__value) => #private::shape::WriteValue::write(__value, __w, &__s.members[#i]),
        }
    });
    let hints = e.variants.iter().map(|v| {
        let var = &v.ident;
        let len = v.wire.len() + 6;
        quote!(Self::#var(__value) => #len + #private::shape::WriteValue::size_hint(__value),)
    });
    let reads = e.variants.iter().enumerate().map(|(i, v)| {
        let var = &v.ident;
        quote_spanned! {span(v)=>
            #i => Self::#var(#private::shape::ReadValue::read(__r, &__s.members[#i])?),
        }
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
        impl #private::shape::Shape for #ident {
            const SCHEMA: &'static #private::shape::StructSchema =
                &#private::shape::StructSchema::new(#name, &[#(#members),*]);
        }

        #[automatically_derived]
        impl #private::shape::WriteValue for #ident {
            fn write<__W: #private::shape::ShapeWriter>(&self, __w: &mut __W, __m: &#private::shape::Member) {
                let __s = <Self as #private::shape::Shape>::SCHEMA;
                __w.structure(__m, __s, |__w| match self {
                    #(#writes)*
                    Self::Unknown(__name) => __w.fail(#private::error::BuildError::other(
                        ::std::format!(#unknown_message, __name),
                    )),
                });
            }

            fn size_hint(&self) -> usize {
                match self {
                    #(#hints)*
                    Self::Unknown(_) => 2,
                }
            }
        }

        #[automatically_derived]
        impl #private::shape::ReadValue for #ident {
            fn read<__R: #private::shape::ShapeReader>(
                __r: &mut __R,
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                let __s = <Self as #private::shape::Shape>::SCHEMA;
                #private::shape::read_union(__r, __m, __s, |__r, __index| {
                    ::core::result::Result::Ok(match __index {
                        #(#reads)*
                        _ => return ::core::result::Result::Err(#private::error::ParseError::new("no such union member")),
                    })
                })
            }
        }

        #[automatically_derived]
        impl #private::shape::UnknownMember for #ident {
            fn unknown(name: ::std::string::String) -> Self {
                Self::Unknown(name)
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
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<#private::protocol::binding::PayloadBody, #private::error::BuildError> {
                __P::write_shape_payload(self, __m)
            }

            fn from_payload<__P: #private::protocol::Protocol>(
                __body: &[u8],
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                __P::read_shape_payload(__body)
            }
        }
    }
}
