//! The `#[aws_operation]` and `#[aws_shape]` attribute macros of
//! [awsop](https://docs.rs/awsop). Use them through the `awsop` crate,
//! which re-exports them with everything the generated code needs.
//!
//! The macros work as serde_derive and thiserror do: `attr` reads the
//! arguments and `#[aws(...)]` attributes as written, `ast` builds the
//! model from the item and them (classifying enums, binding members,
//! naming them on the wire), `valid` checks it (collecting every error,
//! each on its token), and `expand` writes the code. On error, the user's
//! item comes out unchanged (minus `#[aws(...)]`) next to the errors.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

mod args;
mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod host_prefix;
mod protocol;
mod symbol;
mod types;
mod uri;
mod valid;

use proc_macro::TokenStream;

/// Declares an AWS operation: the struct is its input, and the macro
/// implements the runtime's `Operation` for it and adds
/// `async fn send(self, &Client)`.
///
/// See the `awsop` crate for the full syntax.
#[proc_macro_attribute]
pub fn aws_operation(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::aws_operation(args.into(), item.into()).into()
}

/// Declares an AWS shape: a structure, a string or int enum, a union, or
/// (with `errors`) an operation's error enum.
///
/// See the `awsop` crate for the full syntax.
#[proc_macro_attribute]
pub fn aws_shape(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::aws_shape(args.into(), item.into()).into()
}
