//! `#[aws_operation]`: `impl Operation` (metadata, protocol, idempotency
//! tokens, request serialization, output parsing), the input's body schema,
//! and `send`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use super::body::{body_members, shape_impl, write_impl};
use super::paths::Paths;
use super::{debug, strip};
use crate::ast::{Binding, Member, Operation};
use crate::host_prefix::HostPart;
use crate::protocol::ProtocolInfo;
use crate::uri::UriPart;

pub(crate) fn expand(op: &Operation) -> TokenStream {
    let paths = Paths::new(op.args.krate.as_ref());
    let private = &paths.private;

    let mut item = op.item.clone();
    strip::structure(&mut item);
    let ident = &item.ident;
    let protocol = op.args.protocol();
    let protocol_type = syn::Ident::new(protocol.type_name, Span::call_site());

    let output_span = op
        .args
        .output
        .as_ref()
        .map_or_else(Span::call_site, |t| t.span());
    let output = op
        .args
        .output
        .as_ref()
        .map_or_else(|| quote!(()), ToTokens::to_token_stream);
    let error = op.args.error.as_ref().map_or_else(
        || quote!(#private::operation::Unmodeled),
        ToTokens::to_token_stream,
    );
    let value = |lit: &Option<syn::LitStr>| lit.as_ref().map(syn::LitStr::value);
    let service = value(&op.args.service).unwrap_or_default();
    let service_id = value(&op.args.service_id).unwrap_or_else(|| service.clone());
    let name = value(&op.args.name).unwrap_or_else(|| ident.to_string());
    let option = |lit: &Option<syn::LitStr>| match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    };
    let endpoint = option(&op.args.endpoint);
    let target_prefix = option(&op.args.target_prefix);
    let api_version = option(&op.args.api_version);
    let query_compatible = op.args.query_compatible.is_some();
    let request_checksum = match value(&op.args.request_checksum).as_deref() {
        Some("required") => quote!(#private::operation::BodyChecksum::Required),
        Some("supported") => quote!(#private::operation::BodyChecksum::Supported),
        // Anything else is reported by validation.
        _ => quote!(#private::operation::BodyChecksum::None),
    };

    let body = body_members(&op.members);
    let shape = shape_impl(ident, &body, &op.args.xml_root, &paths, TokenStream::new());
    let write = write_impl(ident, &body, &paths);
    let fill = fill_tokens(op, &paths);
    let host_prefix = host_prefix(op, &paths);
    let request_body = request_body(op, &paths);
    let serialize = if protocol.http_bindings {
        serialize(op, protocol, &paths)
    } else {
        serialize_rpc(op, protocol, &paths)
    };
    let debug = debug::sensitive(ident, &op.members, &paths);
    let paginator = op
        .args
        .paginator
        .as_ref()
        .map(|p| super::paginator::expand(op, p, &paths));
    let status = op
        .args
        .status
        .as_ref()
        .and_then(|l| l.base10_parse::<u16>().ok())
        .unwrap_or(200);
    let send_doc = format!(
        " Sends `{name}` through `client`: fills idempotency tokens, signs, retries, and parses \
         the answer (HTTP {status} on success)."
    );
    let send_with_doc = format!(
        " Sends `{name}` as [`send`](Self::send) does, with options for this call \
         (such as its payload signing)."
    );
    let presign_doc = format!(
        " Presigns `{name}`: the method, URL (signed in its query, valid for `expires_in`, \
         1 s to 7 days) and headers with which a plain HTTP client can make the call."
    );
    // Spanned at `output = ...`, so a type that is no shape is reported there.
    let parse_output = quote_spanned! {output_span=>
        #private::operation::read_output::<Self>(response)
    };

    quote! {
        #item

        #[automatically_derived]
        impl #private::operation::Operation for #ident {
            type Output = #output;
            type Error = #error;
            type Protocol = #private::protocol::#protocol_type;

            const METADATA: #private::operation::OperationMetadata = #private::operation::OperationMetadata {
                service: #service,
                service_id: #service_id,
                name: #name,
                endpoint: #endpoint,
                target_prefix: #target_prefix,
                api_version: #api_version,
                query_compatible: #query_compatible,
                request_checksum: #request_checksum,
            };

            #fill
            #host_prefix
            #request_body

            const STREAMING_OUTPUT: bool =
                <#output as #private::protocol::binding::FromResponse>::STREAMING;

            fn attach_response_body(output: &mut Self::Output, body: #private::body::ByteStream) {
                <#output as #private::protocol::binding::FromResponse>::attach_body(output, body)
            }

            fn serialize(&self) -> ::core::result::Result<#private::http::HttpRequest, #private::error::BuildError> {
                #serialize
            }

            fn parse_output(
                response: &#private::http::HttpResponse,
            ) -> ::core::result::Result<Self::Output, #private::error::ParseError> {
                #parse_output
            }
        }

        #shape
        #write

        impl #ident {
            #[doc = #send_doc]
            pub async fn send(
                self,
                client: &#private::Client,
            ) -> ::core::result::Result<#output, #private::Error<#error>> {
                #private::orchestrator::invoke(client, self).await
            }

            #[doc = #send_with_doc]
            pub async fn send_with(
                self,
                client: &#private::Client,
                options: &#private::call_options::CallOptions,
            ) -> ::core::result::Result<#output, #private::Error<#error>> {
                #private::orchestrator::invoke_with(client, self, options).await
            }

            // Compiles `send`'s future here, in the crate declaring the
            // operation: an async fn's body is otherwise compiled in each
            // crate that awaits it, and with shared generics (debug builds)
            // a caller's crate reuses this copy instead of compiling its own.
            #[doc(hidden)]
            pub fn __awsop_compile_send_here() {
                #private::orchestrator::compile_here(Self::send);
            }

            #[doc = #presign_doc]
            pub async fn presign(
                self,
                client: &#private::Client,
                expires_in: ::core::time::Duration,
            ) -> ::core::result::Result<#private::presign::PresignedRequest, #private::Error<#error>> {
                #private::orchestrator::presign(client, self, expires_in).await
            }
        }

        #paginator
        #debug
    }
}

/// The payload member, when it is a streaming body.
fn streaming_payload(op: &Operation) -> Option<&Member> {
    op.members
        .iter()
        .find(|m| m.binding == Binding::Payload && crate::types::is_streaming(&m.ty))
}

/// `request_body`, for an input with a streaming payload.
fn request_body(op: &Operation, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let Some(m) = streaming_payload(op) else {
        return TokenStream::new();
    };
    let ident = &m.ident;
    quote_spanned! {m.ty.span()=>
        fn request_body(&self) -> ::core::option::Option<#private::body::ByteStream> {
            #private::protocol::binding::StreamingPayload::body(&self.#ident)
        }
    }
}

/// `host_prefix`: the prefix with its labels filled and checked.
fn host_prefix(op: &Operation, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let Some(parts) = op
        .args
        .host_prefix
        .as_ref()
        .and_then(|lit| crate::host_prefix::parse(&lit.value()).ok())
    else {
        return TokenStream::new();
    };
    let pushes = parts.iter().map(|part| match part {
        HostPart::Literal(text) => quote!(prefix.push_str(#text);),
        HostPart::Label(name) => {
            let member = op
                .members
                .iter()
                .find(|m| m.host_label_name().as_deref() == Some(name.as_str()));
            match member {
                Some(m) => {
                    let ident = &m.ident;
                    quote!(#private::endpoint::host_prefix::push_label(&mut prefix, #name, &self.#ident)?;)
                }
                // Reported by validation.
                None => TokenStream::new(),
            }
        }
    });
    quote! {
        fn host_prefix(&self) -> ::core::result::Result<::core::option::Option<::std::string::String>, #private::error::BuildError> {
            let mut prefix = ::std::string::String::new();
            #(#pushes)*
            ::core::result::Result::Ok(::core::option::Option::Some(prefix))
        }
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

/// The body of `serialize` for RPC protocols: the protocol writes the
/// whole request. A unit struct is an operation without input.
fn serialize_rpc(op: &Operation, protocol: &ProtocolInfo, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let protocol_type = syn::Ident::new(protocol.type_name, Span::call_site());
    let input = if matches!(op.item.fields, syn::Fields::Unit) {
        quote!(::core::option::Option::<&Self>::None)
    } else {
        quote!(::core::option::Option::Some(self))
    };
    quote! {
        <#private::protocol::#protocol_type as #private::protocol::RpcProtocol>::write_request(
            #input,
            &<Self as #private::operation::Operation>::METADATA,
        )
    }
}

/// The body of `serialize`: for REST protocols the HTTP bindings, one call
/// per member, then the body through the protocol.
fn serialize(op: &Operation, protocol: &ProtocolInfo, paths: &Paths) -> TokenStream {
    let private = &paths.private;
    let binding = quote!(#private::protocol::binding);
    let protocol_type = syn::Ident::new(protocol.type_name, Span::call_site());
    let proto = quote!(#private::protocol::#protocol_type);
    let method = op
        .args
        .method
        .as_ref()
        .map_or_else(|| "GET".to_string(), syn::LitStr::value);
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
                        let ts = paths.ts_option(&m.timestamp_format);
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
            let ts = paths.ts_option(&m.timestamp_format);
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
            Binding::Header(name, _) if m.media_type.is_some() => {
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.header_base64(#name, &self.#ident, #wire)?;
                });
            }
            Binding::Header(name, _) => {
                let ts = paths.ts_option(&m.timestamp_format);
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.header(#name, &self.#ident, #wire, #ts)?;
                });
            }
            Binding::PrefixHeaders(prefix, _) => {
                steps.push(quote_spanned! {m.ty.span()=>
                    __w.prefix_headers(#prefix, &self.#ident, #wire)?;
                });
            }
            _ => {}
        }
    }

    let finish = if let Some(m) = streaming_payload(op) {
        quote_spanned! {m.ty.span()=> ::core::result::Result::Ok(__w.streaming_payload()) }
    } else if let Some(m) = op.members.iter().find(|m| m.binding == Binding::Payload) {
        let ident = &m.ident;
        // A renamed payload names its XML root; otherwise its shape does.
        let name = m
            .rename
            .as_ref()
            .map(syn::LitStr::value)
            .unwrap_or_default();
        let schema = paths.member_schema(&name, &None);
        let xml = super::xml::member_options(paths, m);
        quote_spanned! {m.ty.span()=> __w.payload::<#proto, _>(&self.#ident, &#schema #xml) }
    } else if op.members.iter().any(|m| m.binding == Binding::Body) {
        quote!(<#proto as #private::protocol::HttpBindingProtocol>::write_body(self, __w))
    } else {
        quote!(::core::result::Result::Ok(__w.finish()))
    };

    let mutable = (!steps.is_empty()).then(|| quote!(mut));
    quote! {
        let #mutable __w = #binding::RequestWriter::new(#private::protocol::Method::#method, #capacity);
        #(#steps)*
        #finish
    }
}
