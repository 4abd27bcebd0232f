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

use proc_macro2::{TokenStream, TokenTree};
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
        (Ok(()), Some(op)) => allow_deprecated(operation::expand(&op)),
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
            allow_deprecated(match &shape {
                Shape::Structure(s) => structure::expand(s, &paths),
                Shape::StringEnum(e) => string_enum::expand(e, &paths),
                Shape::IntEnum(e) => int_enum::expand(e, &paths),
                Shape::Union(e) => union::expand(e, &paths),
                Shape::Errors(e) => errors::expand(e, &paths),
            })
        }
        (Err(e), _) => fallback(item, Some(e)),
        (Ok(()), None) => fallback(item, None),
    }
}

/// `#[allow(deprecated)]` on every impl an expansion adds: the macro's own
/// code reads the members and names the types a user marked
/// `#[deprecated]` (as generated code for a model's deprecated members
/// does), and that is no use of them by the user, who still gets the
/// warning wherever their own code touches them. Impls are the only items
/// the expansions add at the top level, after the user's item.
fn allow_deprecated(expansion: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    for tree in expansion {
        if matches!(&tree, TokenTree::Ident(ident) if ident == "impl") {
            out.extend(quote!(#[allow(deprecated)]));
        }
        out.extend(std::iter::once(tree));
    }
    out
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
