//! The paths generated code names: only `<crate>::__private::...`, where
//! `<crate>` is `::awsop` or the `crate = "..."` argument, and the small
//! pieces of code every expander writes the same way.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::LitStr;

use crate::ast::TimestampFormat;
use crate::symbol::DEFAULT_CRATE;

pub(crate) struct Paths {
    /// `::awsop::__private`
    pub(crate) private: TokenStream,
}

impl Paths {
    pub(crate) fn new(krate: Option<&syn::Path>) -> Self {
        let krate = match krate {
            Some(p) => p.to_token_stream(),
            None => DEFAULT_CRATE.parse().unwrap_or_else(|_| quote!(::awsop)),
        };
        Paths {
            private: quote!(#krate::__private),
        }
    }

    /// `TimestampFormat::X` for a `timestamp_format = "..."` (checked).
    fn ts(&self, format: TimestampFormat) -> TokenStream {
        let private = &self.private;
        match format {
            TimestampFormat::EpochSeconds => {
                quote!(#private::value::TimestampFormat::EpochSeconds)
            }
            TimestampFormat::DateTime => quote!(#private::value::TimestampFormat::DateTime),
            TimestampFormat::HttpDate => quote!(#private::value::TimestampFormat::HttpDate),
        }
    }

    /// `Some(TimestampFormat::X)` or `None`: the member's explicit format,
    /// for the runtime to resolve against where the value goes.
    pub(crate) fn ts_option(&self, lit: &Option<LitStr>) -> TokenStream {
        match lit.as_ref().and_then(TimestampFormat::from_lit) {
            Some(format) => {
                let ts = self.ts(format);
                quote!(::core::option::Option::Some(#ts))
            }
            None => quote!(::core::option::Option::None),
        }
    }

    /// A `Member` schema constant: the wire name and its options.
    pub(crate) fn member_schema(&self, wire: &str, ts: &Option<LitStr>) -> TokenStream {
        let private = &self.private;
        let mut schema = quote!(#private::shape::Member::named(#wire));
        if let Some(format) = ts.as_ref().and_then(TimestampFormat::from_lit) {
            let ts = self.ts(format);
            schema = quote!(#schema.with_timestamp_format(#ts));
        }
        schema
    }
}
