//! What a structure's body members expand into, for `#[aws_shape]`
//! structures and `#[aws_operation]` inputs alike: the schema constant and
//! the generic write and read walks over it.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::paths::Paths;
use super::xml;
use crate::ast::{Binding, Member};
use crate::attr::XmlRootAttrs;

/// The members that travel in the body, in declaration order: the
/// schema's members, by index.
pub(crate) fn body_members(members: &[Member]) -> Vec<&Member> {
    members
        .iter()
        .filter(|m| m.binding == Binding::Body)
        .collect()
}

/// `impl Shape`: the schema, and for exceptions the message accessors.
pub(crate) fn shape_impl(
    ident: &syn::Ident,
    body: &[&Member],
    root: &XmlRootAttrs,
    paths: &Paths,
    message: TokenStream,
) -> TokenStream {
    let private = &paths.private;
    let name = ident.to_string();
    let members = body.iter().map(|m| {
        let schema = paths.member_schema(&m.wire, &m.timestamp_format);
        let xml = xml::member_options(paths, m);
        quote!(#schema #xml)
    });
    let root = xml::root_options(paths, root);
    quote! {
        #[automatically_derived]
        impl #private::shape::Shape for #ident {
            const SCHEMA: &'static #private::shape::StructSchema =
                &#private::shape::StructSchema::new(#name, &[#(#members),*]) #root;
            #message
        }
    }
}

/// `impl WriteValue`: the body members, each unless absent; XML
/// attributes first, as they go on the start tag.
pub(crate) fn write_impl(ident: &syn::Ident, body: &[&Member], paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let mut order: Vec<(usize, &&Member)> = body.iter().enumerate().collect();
    order.sort_by_key(|(_, m)| m.xml.attribute.is_none());
    let writes = order.into_iter().map(|(i, m)| {
        let field = &m.ident;
        quote_spanned! {m.ty.span()=>
            #private::shape::write_member(__w, &__s.members[#i], &self.#field);
        }
    });
    let hints = body.iter().enumerate().map(|(i, m)| {
        let field = &m.ident;
        quote_spanned!(m.ty.span()=> + #private::shape::member_size_hint(&__s.members[#i], &self.#field))
    });
    let schema =
        (!body.is_empty()).then(|| quote!(let __s = <Self as #private::shape::Shape>::SCHEMA;));
    let members = if body.is_empty() {
        quote!(|_| {})
    } else {
        quote!(|__w| { #(#writes)* })
    };
    quote! {
        #[automatically_derived]
        impl #private::shape::WriteValue for #ident {
            fn write<__W: #private::shape::ShapeWriter>(&self, __w: &mut __W, __m: &#private::shape::Member) {
                #schema
                __w.structure(__m, <Self as #private::shape::Shape>::SCHEMA, #members);
            }

            fn size_hint(&self) -> usize {
                #schema
                2 #(#hints)*
            }
        }
    }
}

/// `impl ReadValue`: starts from the stand-in value and reads each body
/// member found into its field; other members are skipped.
pub(crate) fn read_impl(ident: &syn::Ident, body: &[&Member], paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let arms = body.iter().enumerate().map(|(i, m)| {
        let field = &m.ident;
        quote_spanned! {m.ty.span()=>
            #private::shape::Field::Known(#i) => #private::shape::ReadValue::read_into(&mut __out.#field, __r, &__s.members[#i]),
        }
    });
    let (out, callback) = if body.is_empty() {
        (
            quote!(let __out = <Self as #private::shape::MissingValue>::missing();),
            quote!(|__r, _| #private::shape::ShapeReader::skip(__r)),
        )
    } else {
        (
            quote! {
                let __s = <Self as #private::shape::Shape>::SCHEMA;
                let mut __out = <Self as #private::shape::MissingValue>::missing();
            },
            quote! {
                |__r, __field| match __field {
                    #(#arms)*
                    _ => #private::shape::ShapeReader::skip(__r),
                }
            },
        )
    };
    quote! {
        #[automatically_derived]
        impl #private::shape::ReadValue for #ident {
            fn read<__R: #private::shape::ShapeReader>(
                __r: &mut __R,
                __m: &#private::shape::Member,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                #out
                __r.structure(__m, <Self as #private::shape::Shape>::SCHEMA, #callback)?;
                ::core::result::Result::Ok(__out)
            }
        }
    }
}
