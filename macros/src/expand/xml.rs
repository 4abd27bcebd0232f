//! The XML parts of schema constants: a member's `XmlMember` and ec2Query
//! key, a structure's root name and namespace. Each is emitted only when
//! written, so JSON services pay nothing for them.

use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

use super::paths::Paths;
use crate::ast::Member;
use crate::attr::{XmlMemberAttrs, XmlRootAttrs};

fn some_str(lit: &Option<LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    }
}

/// `Some(XmlNamespace { uri, prefix })`, or `None` without a namespace.
fn namespace(paths: &Paths, uri: &Option<LitStr>, prefix: &Option<LitStr>) -> TokenStream {
    let private = &paths.private;
    match uri {
        Some(uri) => {
            let prefix = some_str(prefix);
            quote!(::core::option::Option::Some(#private::shape::XmlNamespace { uri: #uri, prefix: #prefix }))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// An element name (`xml_item`, ...) and its namespace, or the default's.
fn name(
    paths: &Paths,
    field: &str,
    name: &Option<LitStr>,
    ns: &Option<LitStr>,
) -> Option<TokenStream> {
    if name.is_none() && ns.is_none() {
        return None;
    }
    let private = &paths.private;
    let field = syn::Ident::new(field, proc_macro2::Span::call_site());
    let value = match name {
        Some(lit) => quote!(#lit),
        None => quote!(#private::shape::XmlMember::DEFAULT.#field.name),
    };
    let ns = some_str(ns);
    Some(quote!(#field: #private::shape::XmlName { name: #value, namespace: #ns },))
}

/// `XmlMember { ... }` for the options given (the rest the defaults').
fn xml_member(paths: &Paths, xml: &XmlMemberAttrs) -> TokenStream {
    let private = &paths.private;
    let attribute = xml.attribute.is_some().then(|| quote!(attribute: true,));
    let flattened = xml.flattened.is_some().then(|| quote!(flattened: true,));
    let ns = xml.namespace.is_some().then(|| {
        let ns = namespace(paths, &xml.namespace, &xml.prefix);
        quote!(namespace: #ns,)
    });
    let item = name(paths, "item", &xml.item, &xml.item_namespace);
    let key = name(paths, "key", &xml.key, &xml.key_namespace);
    let value = name(paths, "value", &xml.value, &xml.value_namespace);
    let inner = xml.inner.as_ref().map(|inner| {
        let inner = xml_member(paths, inner);
        quote!(inner: ::core::option::Option::Some(&#inner),)
    });
    quote! {
        #private::shape::XmlMember {
            #attribute #flattened #ns #item #key #value #inner
            ..#private::shape::XmlMember::DEFAULT
        }
    }
}

/// `.with_xml(&XmlMember { ... })` and `.with_ec2_name(...)`, for the
/// options the member has.
pub(crate) fn member_options(paths: &Paths, m: &Member) -> TokenStream {
    let xml = &m.xml;
    let mut out = TokenStream::new();
    if xml.any() {
        let xml = xml_member(paths, xml);
        out.extend(quote!(.with_xml(&#xml)));
    }
    if let Some(lit) = &m.ec2_name {
        out.extend(quote!(.with_ec2_name(#lit)));
    }
    out
}

/// `.with_xml_name(...)` and `.with_xml_namespace(...)` of a structure
/// schema, for the options given.
pub(crate) fn root_options(paths: &Paths, root: &XmlRootAttrs) -> TokenStream {
    let mut out = TokenStream::new();
    if let Some(lit) = &root.name {
        out.extend(quote!(.with_xml_name(#lit)));
    }
    if let Some(uri) = &root.namespace {
        let private = &paths.private;
        let prefix = some_str(&root.prefix);
        out.extend(
            quote!(.with_xml_namespace(#private::shape::XmlNamespace { uri: #uri, prefix: #prefix })),
        );
    }
    out
}
