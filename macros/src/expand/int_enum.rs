//! `#[aws_shape]` on an enum whose unit variants have values (`A = 1`):
//! an int enum. The values move into `as_i32`, and an added
//! `Unknown(i32)` keeps values this version does not know.

use proc_macro2::TokenStream;
use quote::quote;

use super::paths::Paths;
use super::strip;
use crate::ast::Enum;

pub(crate) fn expand(e: &Enum, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let mut item = e.item.clone();
    strip::enumeration(&mut item);
    // An enum with a tuple variant cannot keep explicit discriminants
    // without a repr; the values live in `as_i32` instead.
    for v in item.variants.iter_mut() {
        v.discriminant = None;
    }
    item.variants.push(syn::parse_quote! {
        /// A value this version does not know: kept as received and sent
        /// back unchanged.
        Unknown(i32)
    });
    let ident = &item.ident;
    let variants: Vec<&syn::Ident> = e.variants.iter().map(|v| &v.ident).collect();
    let values: Vec<i32> = e
        .variants
        .iter()
        .map(|v| v.int_value().unwrap_or_default())
        .collect();

    quote! {
        #item

        impl #ident {
            /// The value as sent on the wire.
            pub fn as_i32(&self) -> i32 {
                match self {
                    #(Self::#variants => #values,)*
                    Self::Unknown(value) => *value,
                }
            }

            /// Every value this version knows.
            pub const fn values() -> &'static [i32] {
                &[#(#values),*]
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<i32> for #ident {
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#variants,)*
                    other => Self::Unknown(other),
                }
            }
        }

        #[automatically_derived]
        impl #private::shape::WriteValue for #ident {
            fn write<__W: #private::shape::ShapeWriter>(&self, __w: &mut __W, __m: &#private::shape::Member) {
                __w.integer(__m, i64::from(self.as_i32()));
            }
        }

        #[automatically_derived]
        impl #private::shape::ReadValue for #ident {
            fn read<__R: #private::shape::ShapeReader>(
                __r: &mut __R,
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                <i32 as #private::shape::ReadValue>::read(__r, __m)
                    .map(<Self as ::core::convert::From<i32>>::from)
            }
        }

        #[automatically_derived]
        impl #private::protocol::binding::HttpValue for #ident {
            fn write_http(&self, out: &mut ::std::string::String, ts: #private::value::TimestampFormat) {
                <i32 as #private::protocol::binding::HttpValue>::write_http(&self.as_i32(), out, ts);
            }
            fn read_http(
                text: &str,
                ts: #private::value::TimestampFormat,
            ) -> ::core::result::Result<Self, ::std::string::String> {
                <i32 as #private::protocol::binding::HttpValue>::read_http(text, ts)
                    .map(<Self as ::core::convert::From<i32>>::from)
            }
        }

        #[automatically_derived]
        impl #private::shape::MissingValue for #ident {
            fn missing() -> Self {
                Self::Unknown(0)
            }
        }
    }
}
