//! `Debug` for structs with `#[aws(sensitive)]` members: those print as
//! `*** Sensitive Data Redacted ***`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::paths::Paths;
use crate::ast::Member;

/// The impl, or nothing when no member is sensitive.
pub(crate) fn sensitive(ident: &syn::Ident, members: &[Member], paths: &Paths) -> TokenStream {
    if members.iter().all(|m| m.sensitive.is_none()) {
        return TokenStream::new();
    }
    let private = &paths.private;
    let name = ident.to_string();
    let fields = members.iter().map(|m| {
        let ident = &m.ident;
        let label = ident.unraw().to_string();
        if m.sensitive.is_some() {
            quote!(.field(#label, &#private::shape::Redacted))
        } else {
            quote!(.field(#label, &self.#ident))
        }
    });
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#name) #(#fields)* .finish()
            }
        }
    }
}
