//! `#[aws_operation]`: `impl Operation` (metadata, idempotency tokens,
//! request serialization, output parsing) and `send`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use super::paths::{quoted_key, Paths};
use super::{debug, strip};
use crate::ast::{Binding, Member, Operation, TimestampFormat};
use crate::uri::UriPart;

pub(crate) fn expand(op: &Operation) -> TokenStream {
    let paths = Paths::new(op.args.krate.as_ref());
    let private = &paths.private;
    let proto = &paths.proto;

    let mut item = op.item.clone();
    strip::structure(&mut item);
    let ident = &item.ident;

    let output = op
        .args
        .output
        .as_ref()
        .map_or_else(|| quote!(()), ToTokens::to_token_stream);
    let error = op.args.error.as_ref().map_or_else(
        || quote!(#private::operation::Unmodeled),
        ToTokens::to_token_stream,
    );
    let service = op
        .args
        .service
        .as_ref()
        .map(|l| l.value())
        .unwrap_or_default();
    let service_id = op
        .args
        .service_id
        .as_ref()
        .map_or_else(|| service.clone(), |l| l.value());
    let name = op
        .args
        .name
        .as_ref()
        .map_or_else(|| ident.to_string(), |l| l.value());
    let endpoint = match &op.args.endpoint {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    };

    let fill = fill_tokens(op, &paths);
    let serialize = serialize(op, &paths);
    let debug = debug::sensitive(ident, &op.members, &paths);
    let status = op.args.status.as_ref().map_or(200, |(code, _)| *code);
    let send_doc = format!(
        " Sends `{name}` through `client`: fills idempotency tokens, signs, retries, and parses \
         the answer (HTTP {status} on success)."
    );
    let output_span = op
        .args
        .output
        .as_ref()
        .map_or_else(Span::call_site, |t| t.span());
    let parse_output = quote_spanned! {output_span=>
        <#output as #proto::binding::FromResponse>::from_response(response, #proto::binding::BodyMode::Strict)
    };

    quote! {
        #item

        #[automatically_derived]
        impl #private::operation::Operation for #ident {
            type Output = #output;
            type Error = #error;

            const METADATA: #private::operation::OperationMetadata = #private::operation::OperationMetadata {
                service: #service,
                service_id: #service_id,
                name: #name,
                endpoint: #endpoint,
            };

            #fill

            fn serialize(&self) -> ::core::result::Result<#private::http::HttpRequest, #private::error::BuildError> {
                #serialize
            }

            fn parse_output(
                response: &#private::http::HttpResponse,
            ) -> ::core::result::Result<Self::Output, #private::error::ParseError> {
                #parse_output
            }
        }

        impl #ident {
            #[doc = #send_doc]
            pub async fn send(
                self,
                client: &#private::Client,
            ) -> ::core::result::Result<#output, #private::Error<#error>> {
                #private::orchestrator::invoke(client, self).await
            }
        }

        #debug
    }
}

fn fill_tokens(op: &Operation, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let tokens: Vec<&Member> = op
        .members
        .iter()
        .filter(|m| m.idempotency_token.is_some())
        .collect();
    if tokens.is_empty() {
        return TokenStream::new();
    }
    let fills = tokens.iter().map(|m| {
        let ident = &m.ident;
        quote!(self.#ident.get_or_insert_with(|| tokens.generate());)
    });
    quote! {
        fn fill_idempotency_tokens(&mut self, tokens: &dyn #private::token::IdempotencyTokenGenerator) {
            #(#fills)*
        }
    }
}

fn member_ts(m: &Member, default: TimestampFormat, paths: &Paths) -> TokenStream {
    paths.ts(m.timestamp_format, default)
}

fn serialize(op: &Operation, paths: &Paths) -> TokenStream {
    let proto = &paths.proto;
    let (method, _) = op
        .args
        .method
        .clone()
        .unwrap_or_else(|| ("GET".into(), Span::call_site()));
    let method = syn::Ident::new(&method, Span::call_site());
    let mut steps = Vec::new();
    let mut capacity = 0usize;

    if let Some((uri, _)) = &op.args.uri {
        for part in &uri.parts {
            match part {
                UriPart::Literal(text) => {
                    capacity += text.len();
                    steps.push(quote!(__w.path(#text);));
                }
                UriPart::Label { name, greedy } => {
                    capacity += 24;
                    if let Some(m) = op
                        .members
                        .iter()
                        .find(|m| m.binding == Binding::Label && m.wire == *name)
                    {
                        let ident = &m.ident;
                        let wire = &m.wire;
                        let ts = member_ts(m, TimestampFormat::DateTime, paths);
                        steps.push(quote_spanned! {m.ty.span()=>
                            __w.label(&self.#ident, #wire, #greedy, #ts)?;
                        });
                    }
                }
            }
        }
        if let Some(q) = &uri.query {
            capacity += q.len() + 1;
            steps.push(quote!(__w.literal_query(#q);));
        }
    }

    let mut reserved: Vec<String> = op
        .args
        .uri
        .as_ref()
        .map(|(u, _)| u.literal_query_keys())
        .unwrap_or_default();
    for m in &op.members {
        if let Binding::Query(key) = &m.binding {
            capacity += key.len() + 16;
            reserved.push(key.clone());
            let ident = &m.ident;
            let ts = member_ts(m, TimestampFormat::DateTime, paths);
            steps.push(quote_spanned! {m.ty.span()=>
                __w.query(#key, &self.#ident, #ts);
            });
        }
    }
    for m in &op.members {
        if m.binding == Binding::QueryParams {
            let ident = &m.ident;
            steps.push(quote_spanned! {m.ty.span()=>
                __w.query_params(&self.#ident, &[#(#reserved),*]);
            });
        }
    }
    for m in &op.members {
        let ident = &m.ident;
        let wire = &m.wire;
        match &m.binding {
            Binding::Header(name) if m.media_type.is_some() => {
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.header_base64(#name, &self.#ident, #wire)?;
                });
            }
            Binding::Header(name) => {
                let ts = member_ts(m, TimestampFormat::HttpDate, paths);
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.header(#name, &self.#ident, #wire, #ts)?;
                });
            }
            Binding::PrefixHeaders(prefix) => {
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.prefix_headers(#prefix, &self.#ident, #wire)?;
                });
            }
            _ => {}
        }
    }

    let finish = if let Some(m) = op.members.iter().find(|m| m.binding == Binding::Payload) {
        let ident = &m.ident;
        quote_spanned! {m.ty.span()=> __w.payload(&self.#ident) }
    } else {
        let body: Vec<&Member> = op
            .members
            .iter()
            .filter(|m| m.binding == Binding::Body)
            .collect();
        if body.is_empty() {
            quote!(::core::result::Result::Ok(__w.finish()))
        } else {
            let hints = body.iter().map(|m| {
                let ident = &m.ident;
                let key_len = quoted_key(&m.wire).len() + 1;
                quote_spanned!(m.ty.span()=> + #proto::json::member_size_hint(&self.#ident, #key_len))
            });
            let writes = body.iter().map(|m| {
                let ident = &m.ident;
                let key = quoted_key(&m.wire);
                let ts = member_ts(m, TimestampFormat::EpochSeconds, paths);
                quote_spanned! {m.ty.span()=>
                    #proto::json::write_member(&mut __body, &mut __first, #key, &self.#ident, #ts);
                }
            });
            quote! {
                let mut __body = #proto::json::JsonWriter::with_capacity(2 #(#hints)*);
                let mut __first = true;
                __body.begin_object();
                #(#writes)*
                __body.end_object();
                ::core::result::Result::Ok(__w.json_body(__body.finish()?))
            }
        }
    };

    let mutable = (!steps.is_empty()).then(|| quote!(mut));
    quote! {
        let #mutable __w = #proto::binding::RequestWriter::new(#proto::Method::#method, #capacity);
        #(#steps)*
        #finish
    }
}
