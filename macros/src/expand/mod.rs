//! From the model to code: one file per kind of item.

mod body;
mod debug;
mod errors;
mod int_enum;
mod operation;
mod paginator;
mod paths;
mod string_enum;
mod strip;
mod structure;
mod union;
mod xml;

use proc_macro2::TokenStream;
use quote::quote;
use syn::Item;

use crate::ast::{self, Shape};
use crate::ctxt::Ctxt;
use crate::valid;

/// `#[aws_operation]`: the struct, its `Operation` impl and `send`.
pub(crate) fn aws_operation(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: Item = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(e) => return with_errors(input, e),
    };
    let cx = Ctxt::default();
    let op = ast::operation(&cx, args, &item);
    if let Some(op) = &op {
        valid::operation(&cx, op);
    }
    match (cx.check(), op) {
        (Ok(()), Some(op)) => operation::expand(&op),
        (Err(e), _) => fallback(item, Some(e)),
        (Ok(()), None) => fallback(item, None),
    }
}

/// `#[aws_shape]`: the item and its impls.
pub(crate) fn aws_shape(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: Item = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(e) => return with_errors(input, e),
    };
    let cx = Ctxt::default();
    let (shape, args) = ast::shape(&cx, args, &item);
    if let Some(shape) = &shape {
        valid::shape(&cx, shape, &args);
    }
    match (cx.check(), shape) {
        (Ok(()), Some(shape)) => {
            let paths = paths::Paths::new(args.krate.as_ref());
            match &shape {
                Shape::Structure(s) => structure::expand(s, &paths),
                Shape::StringEnum(e) => string_enum::expand(e, &paths),
                Shape::IntEnum(e) => int_enum::expand(e, &paths),
                Shape::Union(e) => union::expand(e, &paths),
                Shape::Errors(e) => errors::expand(e, &paths),
            }
        }
        (Err(e), _) => fallback(item, Some(e)),
        (Ok(()), None) => fallback(item, None),
    }
}

/// The user's item as written, minus the `#[aws(...)]` attributes (which
/// would be errors of their own), followed by the errors: the rest of the
/// crate still sees the type, so one mistake reports once.
fn fallback(mut item: Item, errors: Option<syn::Error>) -> TokenStream {
    strip::item(&mut item);
    let errors = errors.map(|e| e.to_compile_error());
    quote!(#item #errors)
}

fn with_errors(mut input: TokenStream, error: syn::Error) -> TokenStream {
    input.extend(error.to_compile_error());
    input
}
