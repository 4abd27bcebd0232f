//! `#[aws_shape(errors)]`: an operation's error enum. Each variant is an
//! error code holding its exception structure; an added `Unhandled` covers
//! the rest (the code and message stay in the error's metadata).

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
        /// A service error this enum does not model; its code and message
        /// are in the error's metadata.
        Unhandled
    });
    let ident = &item.ident;
    let variants: Vec<&syn::Ident> = e.variants.iter().map(|v| &v.ident).collect();
    let codes: Vec<&String> = e.variants.iter().map(|v| &v.wire).collect();

    let arms = e.variants.iter().map(|v| {
        let var = &v.ident;
        let wire = &v.wire;
        // A renamed code (awsQuery's `AWS.SimpleQueueService.NonExistentQueue`)
        // also matches the shape's own name, which a query-compatible
        // service sends when it leaves out its legacy code.
        let name = v.ident.to_string();
        let code = if *wire == name {
            quote!(::core::option::Option::Some(#wire))
        } else {
            quote!(::core::option::Option::Some(#wire) | ::core::option::Option::Some(#name))
        };
        let span = v.ty.as_ref().map_or_else(|| var.span(), |t| t.span());
        let ty = &v.ty;
        quote_spanned! {span=>
            #code => {
                let mut __e = <#ty as #private::protocol::binding::FromResponse>::from_response::<__P>(
                    __response,
                    #private::protocol::Role::Error,
                )?;
                if let ::core::option::Option::Some(__message) = __metadata.message() {
                    #private::shape::Shape::fill_error_message(&mut __e, __message);
                }
                ::core::result::Result::Ok(Self::#var(__e))
            }
        }
    });
    let flagged = |pick: &dyn Fn(&crate::ast::Variant) -> bool| -> TokenStream {
        let matching: Vec<&syn::Ident> = e
            .variants
            .iter()
            .filter(|v| pick(v))
            .map(|v| &v.ident)
            .collect();
        if matching.is_empty() {
            quote!(false)
        } else {
            quote!(::core::matches!(self, #(Self::#matching(..))|*))
        }
    };
    // Throttling is a kind of retryable error.
    let retryable = flagged(&|v| v.retryable || v.throttling);
    let throttling = flagged(&|v| v.throttling);

    quote! {
        #item

        impl #ident {
            /// The error code, or `None` for `Unhandled` (see the error's metadata).
            pub fn code(&self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants(_) => ::core::option::Option::Some(#codes),)*
                    Self::Unhandled => ::core::option::Option::None,
                }
            }

            /// The exception's message, if it has one.
            pub fn message(&self) -> ::core::option::Option<&str> {
                match self {
                    #(Self::#variants(e) => #private::shape::Shape::error_message(e),)*
                    Self::Unhandled => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl #private::operation::ModeledError for #ident {
            fn from_response<__P: #private::protocol::Protocol>(
                __response: &#private::http::HttpResponse,
                __metadata: &#private::ErrorMetadata,
            ) -> ::core::result::Result<Self, #private::error::ParseError> {
                match __metadata.code() {
                    #(#arms)*
                    _ => ::core::result::Result::Ok(Self::Unhandled),
                }
            }

            fn code(&self) -> ::core::option::Option<&'static str> {
                #ident::code(self)
            }

            fn message(&self) -> ::core::option::Option<&str> {
                #ident::message(self)
            }

            fn is_retryable(&self) -> bool {
                #retryable
            }

            fn is_throttling(&self) -> bool {
                #throttling
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match (self.code(), self.message()) {
                    (::core::option::Option::Some(code), ::core::option::Option::Some(message)) => {
                        ::core::write!(f, "{}: {}", code, message)
                    }
                    (::core::option::Option::Some(code), ::core::option::Option::None) => f.write_str(code),
                    (::core::option::Option::None, _) => f.write_str("unhandled service error"),
                }
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #ident {}
    }
}
