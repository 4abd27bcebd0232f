//! `paginator(...)` on `#[aws_operation]`: how the request moves on to the
//! next page, where a page keeps its items, and `paginate(&client)`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;

use super::paths::Paths;
use crate::ast::Operation;
use crate::attr::PaginatorAttrs;
use crate::case::{field_hash, field_name};
use crate::valid::input_member;

/// The fields of a dotted output path, each spanned at the string.
fn path_fields(lit: &LitStr) -> Vec<syn::Ident> {
    lit.value()
        .split('.')
        .map(|segment| syn::Ident::new(&field_name(segment), lit.span()))
        .collect()
}

/// `Option<&T>` of the value at `lit`'s path in `root` (or `&mut`).
fn path_value(root: TokenStream, lit: &LitStr, paths: &Paths, mutable: bool) -> TokenStream {
    let private = &paths.private;
    let fields = path_fields(lit);
    let (method, borrow) = if mutable {
        (quote!(value_mut), quote!(&mut))
    } else {
        (quote!(value), quote!(&))
    };
    let span = lit.span();
    let first = &fields[0];
    let mut expr =
        quote_spanned!(span=> #private::pagination::PathMember::#method(#borrow #root.#first));
    for field in &fields[1..] {
        expr = quote_spanned!(span=> #expr.and_then(|__v| #private::pagination::PathMember::#method(#borrow __v.#field)));
    }
    expr
}

pub(crate) fn expand(op: &Operation, p: &PaginatorAttrs, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let ident = &op.item.ident;
    let (Some(input), Some(output_token), Some(output)) =
        (&p.input_token, &p.output_token, &op.args.output)
    else {
        return TokenStream::new();
    };
    let Some(input_field) = input_member(op, &input.value()).map(|m| &m.ident) else {
        return TokenStream::new();
    };
    let next = path_value(quote!(__output), output_token, paths, false);
    let more = p.more_results.as_ref().map(|lit| {
        let flag = path_value(quote!(__output), lit, paths, false);
        quote! {
            if #flag == ::core::option::Option::Some(&false) {
                return false;
            }
        }
    });
    let page_size = p
        .page_size
        .as_ref()
        .and_then(|lit| input_member(op, &lit.value()))
        .map(|m| {
            let field = &m.ident;
            quote! {
                fn set_page_size(&mut self, __size: i32) {
                    #private::pagination::PageSize::set_page_size(&mut self.#field, __size);
                }
            }
        });
    let (limit, items_impl) = match &p.items {
        Some(lit) => {
            let items = path_value(quote!(__output), lit, paths, true);
            // The item type, named through the output's member types: the
            // output is declared elsewhere, and its `#[aws_shape]` gives
            // each non-scalar member a `MemberType` by field-name hash.
            let mut ty = quote!(#output);
            for field in path_fields(lit) {
                let hash = field_hash(&field.to_string());
                ty = quote_spanned! {lit.span()=>
                    <<#ty as #private::pagination::MemberType<#hash>>::Type as #private::pagination::PathMember>::Value
                };
            }
            let item = quote_spanned!(lit.span()=> <#ty as #private::pagination::ListOf>::Item);
            (
                quote! {
                    fn limit_items(__output: &mut Self::Output, __max: usize) -> usize {
                        #private::pagination::limit(#items, __max)
                    }
                },
                quote_spanned! {lit.span()=>
                    #[automatically_derived]
                    impl #private::pagination::PaginatedItems for #ident {
                        type Item = #item;

                        fn page_items(
                            __output: &mut Self::Output,
                        ) -> ::core::option::Option<&mut ::std::vec::Vec<Self::Item>> {
                            #items
                        }
                    }
                },
            )
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    let doc = format!(
        " Walks every page of `{ident}`: each page is requested with the previous \
         page's `{}`. The walk and its limits: `awsop::runtime::pagination::Paginator`.",
        output_token.value(),
    );
    quote! {
        #[automatically_derived]
        impl #private::pagination::Paginated for #ident {
            fn advance(&mut self, __output: &Self::Output) -> bool {
                #more
                #private::pagination::advance_token(&mut self.#input_field, #next)
            }

            #page_size
            #limit
        }

        #items_impl

        impl #ident {
            #[doc = #doc]
            pub fn paginate(self, client: &#private::Client) -> #private::pagination::Paginator<'_, Self> {
                #private::pagination::paginate(client, self)
            }
        }
    }
}
