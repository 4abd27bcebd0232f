//! Collects every error found while reading the input, so the user sees
//! all of them at once (as serde_derive's `Ctxt` does).

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

#[derive(Default)]
pub(crate) struct Ctxt {
    errors: RefCell<Option<syn::Error>>,
    count: Cell<usize>,
}

impl Ctxt {
    /// Adds an error.
    pub(crate) fn push(&self, error: syn::Error) {
        self.count.set(self.count.get() + 1);
        let mut errors = self.errors.borrow_mut();
        match errors.as_mut() {
            Some(all) => all.combine(error),
            None => *errors = Some(error),
        }
    }

    /// Adds an error at `span`.
    pub(crate) fn error(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Adds an error covering `tokens`.
    pub(crate) fn error_spanned(&self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// How many errors so far (to tell whether a step added any).
    pub(crate) fn count(&self) -> usize {
        self.count.get()
    }

    /// Takes `other`'s errors, after this one's (so they are reported in
    /// the order the code was read).
    pub(crate) fn absorb(&self, other: Ctxt) {
        if let Err(e) = other.check() {
            for error in e {
                self.push(error);
            }
        }
    }

    /// All errors, if any.
    pub(crate) fn check(self) -> Result<(), syn::Error> {
        match self.errors.into_inner() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
