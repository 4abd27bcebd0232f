//! The paths generated code names: only `<crate>::__private::...`, where
//! `<crate>` is `::awsop` or the `crate = "..."` argument.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::ast::TimestampFormat;
use crate::symbol::DEFAULT_CRATE;

pub(crate) struct Paths {
    /// `::awsop::__private`
    pub(crate) private: TokenStream,
    /// `::awsop::__private::protocol`
    pub(crate) proto: TokenStream,
}

impl Paths {
    pub(crate) fn new(krate: Option<&syn::Path>) -> Self {
        let krate = match krate {
            Some(p) => p.to_token_stream(),
            None => DEFAULT_CRATE.parse().unwrap_or_else(|_| quote!(::awsop)),
        };
        Paths {
            private: quote!(#krate::__private),
            proto: quote!(#krate::__private::protocol),
        }
    }

    /// `TimestampFormat::X`, or `default` when the member says nothing.
    pub(crate) fn ts(
        &self,
        format: Option<TimestampFormat>,
        default: TimestampFormat,
    ) -> TokenStream {
        let proto = &self.proto;
        match format.unwrap_or(default) {
            TimestampFormat::EpochSeconds => quote!(#proto::TimestampFormat::EpochSeconds),
            TimestampFormat::DateTime => quote!(#proto::TimestampFormat::DateTime),
            TimestampFormat::HttpDate => quote!(#proto::TimestampFormat::HttpDate),
        }
    }
}

/// `"name"` as a JSON key followed by `:`, escaped at compile time.
pub(crate) fn quoted_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 3);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\":");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_keys() {
        assert_eq!(super::quoted_key("a\"b"), "\"a\\\"b\":");
        assert_eq!(super::quoted_key("x"), "\"x\":");
    }
}
