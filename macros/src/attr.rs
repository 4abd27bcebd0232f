//! Reads the macro arguments and `#[aws(...)]` attributes into plain
//! records of literals, one per place. Only the form is checked here
//! (known key, given once, a string where a string goes); what the values
//! mean is for [`ast`](crate::ast) to build and [`valid`](crate::valid) to
//! check.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Path, Token, Type};

use crate::args::{accept, Arg, ArgList};
use crate::ctxt::Ctxt;
use crate::symbol::*;

fn parse_args(cx: &Ctxt, args: TokenStream) -> Vec<Arg> {
    match syn::parse2::<ArgList>(args) {
        Ok(list) => list.0,
        Err(e) => {
            cx.push(e);
            Vec::new()
        }
    }
}

/// `#[aws_operation(...)]`, as written.
#[derive(Default)]
pub(crate) struct OperationAttrs {
    pub(crate) service: Option<LitStr>,
    pub(crate) method: Option<LitStr>,
    pub(crate) uri: Option<LitStr>,
    pub(crate) status: Option<LitInt>,
    pub(crate) output: Option<Type>,
    pub(crate) error: Option<Type>,
    pub(crate) protocol: Option<LitStr>,
    pub(crate) endpoint: Option<LitStr>,
    pub(crate) service_id: Option<LitStr>,
    pub(crate) name: Option<LitStr>,
    pub(crate) rename_all: Option<LitStr>,
    pub(crate) paginator: Option<PaginatorAttrs>,
    pub(crate) target_prefix: Option<LitStr>,
    pub(crate) api_version: Option<LitStr>,
    pub(crate) query_compatible: Option<Span>,
    pub(crate) request_checksum: Option<LitStr>,
    pub(crate) host_prefix: Option<LitStr>,
    pub(crate) xml_root: XmlRootAttrs,
    pub(crate) krate: Option<Path>,
    /// Keys given, well formed or not: a required key given with a bad
    /// value is not also "missing".
    pub(crate) given: Vec<&'static str>,
}

/// `xml_name`, `xml_namespace` and `xml_prefix` of an operation or
/// structure: its element name and namespace as an XML root or payload.
#[derive(Default)]
pub(crate) struct XmlRootAttrs {
    pub(crate) name: Option<LitStr>,
    pub(crate) namespace: Option<LitStr>,
    pub(crate) prefix: Option<LitStr>,
}

impl XmlRootAttrs {
    /// Reads `arg` if it is one of the three; `false` otherwise.
    fn read(&mut self, cx: &Ctxt, arg: &Arg) -> bool {
        match arg.name.as_str() {
            XML_NAME => self.name = arg.string(cx),
            XML_NAMESPACE => self.namespace = arg.string(cx),
            XML_PREFIX => self.prefix = arg.string(cx),
            _ => return false,
        }
        true
    }
}

/// A member's XML options (`xml_attribute`, `xml_flattened`, ...), as
/// written.
#[derive(Default)]
pub(crate) struct XmlMemberAttrs {
    pub(crate) attribute: Option<Span>,
    pub(crate) flattened: Option<Span>,
    pub(crate) namespace: Option<LitStr>,
    pub(crate) prefix: Option<LitStr>,
    pub(crate) item: Option<LitStr>,
    pub(crate) item_namespace: Option<LitStr>,
    pub(crate) key: Option<LitStr>,
    pub(crate) key_namespace: Option<LitStr>,
    pub(crate) value: Option<LitStr>,
    pub(crate) value_namespace: Option<LitStr>,
    /// `xml_inner(...)`: the options of the items or values.
    pub(crate) inner: Option<Box<XmlMemberAttrs>>,
    pub(crate) inner_span: Option<Span>,
}

impl XmlMemberAttrs {
    /// Whether any option is given.
    pub(crate) fn any(&self) -> bool {
        self.attribute.is_some()
            || self.flattened.is_some()
            || self.namespace.is_some()
            || self.prefix.is_some()
            || self.item.is_some()
            || self.item_namespace.is_some()
            || self.key.is_some()
            || self.key_namespace.is_some()
            || self.value.is_some()
            || self.value_namespace.is_some()
            || self.inner.is_some()
    }

    /// Reads `arg` if it is an XML option; `false` otherwise.
    fn read(&mut self, cx: &Ctxt, arg: &Arg, span: Span) -> bool {
        match arg.name.as_str() {
            XML_ATTRIBUTE => {
                arg.flag(cx);
                self.attribute = Some(span);
            }
            XML_FLATTENED => {
                arg.flag(cx);
                self.flattened = Some(span);
            }
            XML_NAMESPACE => self.namespace = arg.string(cx),
            XML_PREFIX => self.prefix = arg.string(cx),
            XML_ITEM => self.item = arg.string(cx),
            XML_ITEM_NAMESPACE => self.item_namespace = arg.string(cx),
            XML_KEY => self.key = arg.string(cx),
            XML_KEY_NAMESPACE => self.key_namespace = arg.string(cx),
            XML_VALUE => self.value = arg.string(cx),
            XML_VALUE_NAMESPACE => self.value_namespace = arg.string(cx),
            XML_INNER => {
                let args = arg.list(cx, "xml_key = \"InnerKey\"").unwrap_or_default();
                let mut inner = XmlMemberAttrs::default();
                let mut seen = HashMap::new();
                for arg in accept(cx, args, XML_INNER_KEYS, "xml_inner(...)", &mut seen) {
                    inner.read(cx, arg, arg.key.span());
                }
                self.inner = Some(Box::new(inner));
                self.inner_span = Some(span);
            }
            _ => return false,
        }
        true
    }

    /// The span of the first option given, for messages about them all.
    pub(crate) fn first_span(&self) -> Option<Span> {
        let lits = [
            &self.namespace,
            &self.prefix,
            &self.item,
            &self.item_namespace,
            &self.key,
            &self.key_namespace,
            &self.value,
            &self.value_namespace,
        ];
        self.attribute
            .or(self.flattened)
            .or(self.inner_span)
            .or_else(|| lits.iter().find_map(|l| l.as_ref().map(LitStr::span)))
    }
}

/// `paginator(...)`, as written.
pub(crate) struct PaginatorAttrs {
    /// The span of `paginator`, for errors about the whole.
    pub(crate) span: Span,
    pub(crate) input_token: Option<LitStr>,
    pub(crate) output_token: Option<LitStr>,
    pub(crate) items: Option<LitStr>,
    pub(crate) page_size: Option<LitStr>,
    pub(crate) more_results: Option<LitStr>,
}

fn paginator(cx: &Ctxt, arg: &Arg) -> Option<PaginatorAttrs> {
    let args = arg.list(
        cx,
        "input_token = \"nextToken\", output_token = \"nextToken\", items = \"items\"",
    )?;
    let mut out = PaginatorAttrs {
        span: arg.key.span(),
        input_token: None,
        output_token: None,
        items: None,
        page_size: None,
        more_results: None,
    };
    let mut seen = HashMap::new();
    for arg in accept(cx, args, PAGINATOR_ARGS, "paginator(...)", &mut seen) {
        let value = arg.string(cx);
        match arg.name.as_str() {
            INPUT_TOKEN => out.input_token = value,
            OUTPUT_TOKEN => out.output_token = value,
            ITEMS => out.items = value,
            PAGE_SIZE => out.page_size = value,
            MORE_RESULTS => out.more_results = value,
            _ => {}
        }
    }
    Some(out)
}

pub(crate) fn operation(cx: &Ctxt, args: TokenStream) -> OperationAttrs {
    let args = parse_args(cx, args);
    let mut out = OperationAttrs::default();
    let mut seen = HashMap::new();
    for arg in accept(
        cx,
        &args,
        OPERATION_ARGS,
        "#[aws_operation(...)]",
        &mut seen,
    ) {
        let name = OPERATION_ARGS
            .iter()
            .find(|k| **k == arg.name)
            .copied()
            .unwrap_or_default();
        out.given.push(name);
        match name {
            SERVICE => out.service = arg.string(cx),
            METHOD => out.method = arg.string(cx),
            URI => out.uri = arg.string(cx),
            STATUS => out.status = arg.int(cx),
            OUTPUT => out.output = arg.ty(cx),
            ERROR => out.error = arg.ty(cx),
            PROTOCOL => out.protocol = arg.string(cx),
            ENDPOINT => out.endpoint = arg.string(cx),
            SERVICE_ID => out.service_id = arg.string(cx),
            NAME => out.name = arg.string(cx),
            RENAME_ALL => out.rename_all = arg.string(cx),
            PAGINATOR => out.paginator = paginator(cx, arg),
            TARGET_PREFIX => out.target_prefix = arg.string(cx),
            API_VERSION => out.api_version = arg.string(cx),
            QUERY_COMPATIBLE => {
                arg.flag(cx);
                out.query_compatible = Some(arg.key.span());
            }
            HOST_PREFIX => out.host_prefix = arg.string(cx),
            REQUEST_CHECKSUM => out.request_checksum = arg.string(cx),
            CRATE => out.krate = crate_path(cx, arg),
            _ => {
                out.xml_root.read(cx, arg);
            }
        }
    }
    out
}

/// `#[aws_shape(...)]`, as written.
pub(crate) struct ShapeAttrs {
    pub(crate) errors: bool,
    pub(crate) rename_all: Option<LitStr>,
    pub(crate) xml_root: XmlRootAttrs,
    pub(crate) krate: Option<Path>,
}

pub(crate) fn shape(cx: &Ctxt, args: TokenStream) -> ShapeAttrs {
    let args = parse_args(cx, args);
    let mut out = ShapeAttrs {
        errors: false,
        rename_all: None,
        xml_root: XmlRootAttrs::default(),
        krate: None,
    };
    let mut seen = HashMap::new();
    for arg in accept(cx, &args, SHAPE_ARGS, "#[aws_shape(...)]", &mut seen) {
        match arg.name.as_str() {
            ERRORS => out.errors = arg.flag(cx),
            RENAME_ALL => out.rename_all = arg.string(cx),
            CRATE => out.krate = crate_path(cx, arg),
            _ => {
                out.xml_root.read(cx, arg);
            }
        }
    }
    out
}

fn crate_path(cx: &Ctxt, arg: &Arg) -> Option<Path> {
    let lit = arg.string(cx)?;
    match lit.parse::<Path>() {
        Ok(p) => Some(p),
        Err(_) => {
            cx.error(
                lit.span(),
                "`crate` is the path of the awsop crate, as in crate = \"::my_awsop\"",
            );
            None
        }
    }
}

/// The span of `name` in a `#[derive(...)]` (e.g. `Copy`), if the item derives it.
pub(crate) fn derives(attrs: &[Attribute], name: &str) -> Option<Span> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .find(|p| p.segments.last().is_some_and(|s| s.ident == name))
        .map(|p| p.span())
}

/// The `#[aws(...)]` argument lists on a field or variant.
fn aws_args(cx: &Ctxt, attrs: &[Attribute]) -> Vec<Arg> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident(AWS)) {
        match &attr.meta {
            syn::Meta::List(list) => match syn::parse2::<ArgList>(list.tokens.clone()) {
                Ok(l) => out.extend(l.0),
                Err(e) => cx.push(e),
            },
            other => cx.error_spanned(other, "write the member options as #[aws(...)]"),
        }
    }
    out
}

/// A member's `#[aws(...)]`, as written. Binding keys are kept in the
/// order written, so a conflict points at the second one.
#[derive(Default)]
pub(crate) struct MemberAttrs {
    /// `(key, span, value)` of each binding key: label, query,
    /// query_params, header, prefix_headers, payload, response_code.
    pub(crate) bindings: Vec<(&'static str, Span, Option<LitStr>)>,
    pub(crate) idempotency_token: Option<Span>,
    pub(crate) host_label: Option<Span>,
    /// `host_label = "Name"`: the `{Name}` it fills (default: the wire name).
    pub(crate) host_label_name: Option<LitStr>,
    pub(crate) rename: Option<LitStr>,
    pub(crate) timestamp_format: Option<LitStr>,
    pub(crate) sensitive: Option<Span>,
    pub(crate) media_type: Option<LitStr>,
    pub(crate) ec2_name: Option<LitStr>,
    pub(crate) xml: XmlMemberAttrs,
    /// Whether reading found errors: checks across members skip such a
    /// member rather than report consequences of the same mistake.
    pub(crate) had_errors: bool,
}

pub(crate) fn member(
    cx: &Ctxt,
    attrs: &[Attribute],
    place: MemberPlace,
    what: &str,
) -> MemberAttrs {
    let errors_before = cx.count();
    let keys = member_keys(place);
    let args = aws_args(cx, attrs);
    // A key of another place gets its own message instead of "unknown".
    let args: Vec<Arg> = args
        .into_iter()
        .filter(|arg| {
            let Some(key) = member_key(&arg.name) else {
                return true;
            };
            if key.places.contains(&place) {
                return true;
            }
            match key.misplaced_hint {
                Some(hint) => {
                    cx.error(
                        arg.key.span(),
                        format!(
                            "`{}` {hint}; here the accepted keys are: {}",
                            key.name,
                            keys.join(", ")
                        ),
                    );
                    false
                }
                None => true,
            }
        })
        .collect();
    let mut out = MemberAttrs::default();
    let mut seen = HashMap::new();
    for arg in accept(cx, &args, &keys, what, &mut seen) {
        let Some(key) = member_key(&arg.name) else {
            continue;
        };
        let span = arg.key.span();
        match key.name {
            LABEL | QUERY => {
                if let Some(value) = arg.optional_string(cx) {
                    out.bindings.push((key.name, span, value));
                }
            }
            HEADER | PREFIX_HEADERS => {
                if let Some(value) = arg.string(cx) {
                    out.bindings.push((key.name, span, Some(value)));
                }
            }
            QUERY_PARAMS | PAYLOAD | RESPONSE_CODE => {
                arg.flag(cx);
                out.bindings.push((key.name, span, None));
            }
            IDEMPOTENCY_TOKEN => {
                arg.flag(cx);
                out.idempotency_token = Some(span);
            }
            HOST_LABEL => {
                if let Some(name) = arg.optional_string(cx) {
                    out.host_label = Some(span);
                    out.host_label_name = name;
                }
            }
            RENAME => out.rename = arg.string(cx),
            TIMESTAMP_FORMAT => out.timestamp_format = arg.string(cx),
            SENSITIVE => {
                arg.flag(cx);
                out.sensitive = Some(span);
            }
            MEDIA_TYPE => out.media_type = arg.string(cx),
            EC2_NAME => out.ec2_name = arg.string(cx),
            _ => {
                out.xml.read(cx, arg, span);
            }
        }
    }
    out.had_errors = cx.count() > errors_before;
    out
}

/// A variant's `#[aws(...)]`, as written.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) rename: Option<LitStr>,
    pub(crate) timestamp_format: Option<LitStr>,
    pub(crate) retryable: bool,
    pub(crate) throttling: bool,
}

pub(crate) fn variant(cx: &Ctxt, attrs: &[Attribute], place: VariantPlace) -> VariantAttrs {
    let args = aws_args(cx, attrs);
    let keys = variant_keys(place);
    let what = if keys.is_empty() {
        "#[aws(...)] on an int enum variant"
    } else {
        "#[aws(...)] on a variant"
    };
    let mut out = VariantAttrs::default();
    let mut seen = HashMap::new();
    for arg in accept(cx, &args, keys, what, &mut seen) {
        match arg.name.as_str() {
            RENAME => out.rename = arg.string(cx),
            TIMESTAMP_FORMAT => out.timestamp_format = arg.string(cx),
            RETRYABLE => out.retryable = arg.flag(cx),
            THROTTLING => out.throttling = arg.flag(cx),
            _ => {}
        }
    }
    out
}
