//! `key = value, flag, ...` lists: the arguments of both macros and of
//! `#[aws(...)]`. Values are literals or types; anything else is left to
//! the per-key checks, so one bad value does not hide the other errors.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Ident, Lit, LitInt, LitStr, Token, Type};

use crate::case::distance;
use crate::ctxt::Ctxt;

pub(crate) struct Arg {
    pub(crate) key: Ident,
    pub(crate) name: String,
    pub(crate) value: Option<ArgValue>,
}

pub(crate) enum ArgValue {
    Lit(Lit),
    // Boxed: syn 3's `Type` is ~250 bytes, the other variants a few words.
    Type(Box<Type>),
    /// `key(a = "b", ...)`: a nested list.
    List(Vec<Arg>, Span),
}

pub(crate) struct ArgList(pub(crate) Vec<Arg>);

impl Parse for ArgList {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Vec::new();
        while !input.is_empty() {
            // `crate` is a keyword but a fine key.
            let key = input.call(Ident::parse_any)?;
            let value = if input.peek(syn::token::Paren) {
                let content;
                let paren = syn::parenthesized!(content in input);
                let list: ArgList = content.parse()?;
                Some(ArgValue::List(list.0, paren.span.join()))
            } else if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(if input.peek(Lit) {
                    ArgValue::Lit(input.parse()?)
                } else {
                    ArgValue::Type(Box::new(input.parse()?))
                })
            } else {
                None
            };
            let name = key.unraw().to_string();
            args.push(Arg { key, name, value });
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(ArgList(args))
    }
}

/// "did you mean `x`?" when a key is one or two edits from an accepted one.
fn suggestion(name: &str, accepted: &[&str]) -> String {
    accepted
        .iter()
        .map(|a| (distance(name, a), a))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, a)| format!("did you mean `{a}`? "))
        .unwrap_or_default()
}

/// Keeps the args whose key is accepted and seen for the first time;
/// reports the others. `what` names the list in messages
/// (`#[aws_operation]`, `#[aws(...)]`).
pub(crate) fn accept<'a>(
    cx: &Ctxt,
    args: &'a [Arg],
    accepted: &[&str],
    what: &str,
    seen: &mut HashMap<String, Span>,
) -> Vec<&'a Arg> {
    let mut out = Vec::new();
    for arg in args {
        if accepted.is_empty() {
            cx.error(arg.key.span(), format!("{what} takes no options"));
        } else if !accepted.contains(&arg.name.as_str()) {
            cx.error(
                arg.key.span(),
                format!(
                    "unknown argument `{}` in {what}; {}accepted: {}",
                    arg.name,
                    suggestion(&arg.name, accepted),
                    accepted.join(", ")
                ),
            );
        } else if seen.contains_key(&arg.name) {
            cx.error(
                arg.key.span(),
                format!(
                    "`{}` is given more than once in {what}; give each of these at most once: {}",
                    arg.name,
                    accepted.join(", ")
                ),
            );
        } else {
            seen.insert(arg.name.clone(), arg.key.span());
            out.push(arg);
        }
    }
    out
}

impl Arg {
    /// The span of the value, or of the key when there is none.
    pub(crate) fn value_span(&self) -> Span {
        match &self.value {
            Some(ArgValue::Lit(l)) => l.span(),
            Some(ArgValue::Type(t)) => t.span(),
            Some(ArgValue::List(_, span)) => *span,
            None => self.key.span(),
        }
    }

    /// A nested list: `key(a = "b", ...)`.
    pub(crate) fn list(&self, cx: &Ctxt, example: &str) -> Option<&[Arg]> {
        match &self.value {
            Some(ArgValue::List(args, _)) => Some(args),
            _ => {
                cx.error(
                    self.value_span(),
                    format!("`{0}` takes a list, as in `{0}({example})`", self.name),
                );
                None
            }
        }
    }

    /// A string value: `key = "..."`.
    pub(crate) fn string(&self, cx: &Ctxt) -> Option<LitStr> {
        match &self.value {
            Some(ArgValue::Lit(Lit::Str(s))) => Some(s.clone()),
            _ => {
                cx.error(
                    self.value_span(),
                    format!("`{0}` expects a string, as in `{0} = \"...\"`", self.name),
                );
                None
            }
        }
    }

    /// An integer value: `key = 200`.
    pub(crate) fn int(&self, cx: &Ctxt) -> Option<LitInt> {
        match &self.value {
            Some(ArgValue::Lit(Lit::Int(i))) => Some(i.clone()),
            _ => {
                cx.error(
                    self.value_span(),
                    format!("`{0}` expects an integer, as in `{0} = 200`", self.name),
                );
                None
            }
        }
    }

    /// A type value: `key = SomeType`.
    pub(crate) fn ty(&self, cx: &Ctxt) -> Option<Type> {
        match &self.value {
            Some(ArgValue::Type(t)) => Some((**t).clone()),
            Some(ArgValue::Lit(Lit::Str(s))) => match s.parse::<Type>() {
                Ok(t) => Some(t),
                Err(_) => {
                    cx.error(s.span(), format!("`{}` expects a type", self.name));
                    None
                }
            },
            _ => {
                cx.error(
                    self.value_span(),
                    format!("`{0}` expects a type, as in `{0} = MyType`", self.name),
                );
                None
            }
        }
    }

    /// A bare key: `sensitive`.
    pub(crate) fn flag(&self, cx: &Ctxt) -> bool {
        if self.value.is_some() {
            cx.error(self.value_span(), format!("`{}` takes no value", self.name));
        }
        true
    }

    /// A bare key or a string: `query` or `query = "k"`.
    pub(crate) fn optional_string(&self, cx: &Ctxt) -> Option<Option<LitStr>> {
        match &self.value {
            None => Some(None),
            Some(_) => self.string(cx).map(Some),
        }
    }
}
