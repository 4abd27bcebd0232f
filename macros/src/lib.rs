//! The `#[aws_operation]` and `#[aws_shape]` attribute macros of awsop.
use proc_macro::TokenStream;

/// Declares an AWS operation.
#[proc_macro_attribute]
pub fn aws_operation(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}

/// Declares an AWS shape.
#[proc_macro_attribute]
pub fn aws_shape(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
