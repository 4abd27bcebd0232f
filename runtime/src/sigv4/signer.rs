//! The client side of the flow, shared by both placements of the signature:
//! validate the inputs, choose the headers to sign, run the spec's steps,
//! then let the placement (`authorization.rs` or `presign.rs`) shape the
//! output.

use super::canonical_request::{self, CanonicalInput, Header, PayloadHash};
use super::date::AmzDate;
use super::error::{ErrorKind, SigningError};
use super::headers::{AUTHORIZATION, HOST, X_AMZ_CONTENT_SHA256, X_AMZ_DATE, X_AMZ_SECURITY_TOKEN};
use super::identity::SigningIdentity;
use super::output::SigningOutput;
use super::request::SigningParams;
use super::settings::{SessionTokenMode, SigningSettings};
use super::signature::{self, Computed};
use super::signing_key::{self, SigningKeyCache};
use super::string_to_sign::{self, check_scope_part};
use super::{authorization, presign, uri};

/// Where the signature goes.
#[derive(Clone, Copy)]
pub(crate) enum Placement {
    /// The `Authorization` header.
    Headers,
    /// Query parameters of a presigned URL.
    Query { expires_secs: u64 },
}

/// A request's parts, headers as the caller gave them.
pub(crate) struct Unsigned<'a> {
    pub(crate) method: &'a str,
    pub(crate) uri: &'a str,
    pub(crate) headers: Vec<Header<'a>>,
    /// The headers come from an `http::HeaderMap`, whose names are HTTP
    /// tokens and whose values hold no control character but tab: checking
    /// them again would only cost time on every request.
    pub(crate) headers_checked: bool,
    pub(crate) body: &'a [u8],
}

/// `(name, value)` pairs as [`Header`]s, with room for those the signer adds.
pub(crate) fn borrowed_headers<'a>(headers: &'a [(&'a str, &'a str)]) -> Vec<Header<'a>> {
    // Room for host, x-amz-date, the token and the content hash.
    let mut out = Vec::with_capacity(headers.len() + 4);
    out.extend(headers.iter().map(|&(name, value)| Header { name, value }));
    out
}

/// What the steps produced, for the placement to put in its output.
pub(crate) struct Signed<'a> {
    pub(crate) computed: Computed,
    pub(crate) access_key_id: &'a str,
    /// `20150830/us-east-1/service/aws4_request`.
    pub(crate) scope: String,
    pub(crate) amz_date: &'a str,
    pub(crate) signed_headers: String,
    /// The session token to send, signed or not.
    pub(crate) session_token: Option<&'a str>,
    /// The `x-amz-content-sha256` value, when the signer sets that header.
    pub(crate) content_sha256: Option<&'a str>,
}

impl Signed<'_> {
    /// The string to sign, for outputs that show it.
    pub(crate) fn string_to_sign(&self) -> String {
        self.computed.string_to_sign(self.amz_date, &self.scope)
    }
}

/// Signs `request` for `placement` into a [`SigningOutput`]. The signing
/// key comes from `cache` when given, else it is derived.
pub(crate) fn sign(
    request: Unsigned<'_>,
    params: &SigningParams<'_>,
    placement: Placement,
    cache: Option<&SigningKeyCache>,
) -> Result<SigningOutput, SigningError> {
    sign_with(
        request,
        params,
        placement,
        cache,
        |signed, query| match query {
            None => authorization::finish(signed),
            Some(query) => query.finish(signed),
        },
    )
}

/// Signs `request` for `placement` and hands what the steps produced to
/// `finish`, with the presigned query's parameters for
/// [`Placement::Query`]: a caller that sets headers itself
/// ([`authorization::sign_request`]) builds no [`SigningOutput`].
pub(crate) fn sign_with<R>(
    request: Unsigned<'_>,
    params: &SigningParams<'_>,
    placement: Placement,
    cache: Option<&SigningKeyCache>,
    finish: impl FnOnce(Signed<'_>, Option<presign::Query>) -> R,
) -> Result<R, SigningError> {
    let settings = params.settings;
    let identity = params.identity;
    canonical_request::check_method(request.method)?;
    let uri = uri::parse(request.uri)?;
    check_scope_part("region", params.region)?;
    check_scope_part("service", params.service)?;
    check_scope_part("access key id", identity.access_key_id())?;
    let amz_date = AmzDate::from_system_time(params.time)?;
    let payload_hash = PayloadHash::new(&settings.payload, request.body)?;
    let token = session_token(&identity)?;
    let signed_token = token.filter(|_| settings.session_token == SessionTokenMode::Include);
    let content_sha256 = match placement {
        Placement::Headers if settings.content_sha256_header => Some(payload_hash.as_str()),
        _ => None,
    };

    // Task 1, the headers: the caller's, then those the signer sets.
    let host_from_url;
    let mut headers = request.headers;
    select_headers(
        &mut headers,
        request.headers_checked,
        settings,
        token.is_some(),
        content_sha256.is_some(),
    )?;
    if !headers.iter().any(|h| h.name.eq_ignore_ascii_case(HOST)) {
        let host = uri.host.ok_or_else(|| {
            SigningError::new(
                ErrorKind::MissingHost,
                "give an absolute URL or a host header",
            )
        })?;
        host_from_url = host.header();
        headers.push(Header {
            name: HOST,
            value: &host_from_url,
        });
    }
    if let Placement::Headers = placement {
        authorization::push_signed_headers(
            &mut headers,
            amz_date.as_str(),
            signed_token,
            content_sha256,
        );
    }
    canonical_request::sort_headers(&mut headers);
    let signed_headers = canonical_request::signed_headers(&headers);
    let scope = string_to_sign::scope(amz_date.date(), params.region, params.service);

    // Task 3: the key, from the cache when there is one.
    let key = match cache {
        Some(cache) => {
            cache
                .get_or_derive(&identity, amz_date.date(), params.region, params.service)
                .0
        }
        None => signing_key::derive(
            identity.secret_access_key(),
            amz_date.date(),
            params.region,
            params.service,
        ),
    };

    // Presigning signs its own query parameters too.
    let query = match placement {
        Placement::Headers => None,
        Placement::Query { expires_secs } => Some(presign::Query::new(
            identity.access_key_id(),
            &scope,
            expires_secs,
        )),
    };
    let extra_query = match &query {
        Some(query) => query.signed_params(amz_date.as_str(), &signed_headers, signed_token),
        None => Vec::new(),
    };

    // Tasks 1, 2 and 4.
    let input = CanonicalInput {
        method: request.method,
        path: uri.path,
        query: uri.query,
        extra_query: &extra_query,
        headers: &headers,
        signed_headers: &signed_headers,
        payload_hash: payload_hash.as_str(),
        normalize_path: settings.normalize_path,
        double_encode_path: settings.double_encode_path,
    };
    let computed = signature::compute(&input, amz_date.as_str(), &scope, &key);
    drop(extra_query);

    let signed = Signed {
        computed,
        access_key_id: identity.access_key_id(),
        scope,
        amz_date: amz_date.as_str(),
        signed_headers,
        session_token: token,
        content_sha256,
    };
    Ok(finish(signed, query))
}

/// The session token to send: none when empty; it becomes a header value or
/// a query parameter, so it must be printable ASCII.
fn session_token<'a>(identity: &SigningIdentity<'a>) -> Result<Option<&'a str>, SigningError> {
    let token = identity.session_token().filter(|t| !t.is_empty());
    if let Some(token) = token {
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(SigningError::new(
                ErrorKind::InvalidHeader,
                "the session token must be printable ASCII",
            ));
        }
    }
    Ok(token)
}

/// Validates the caller's headers, then keeps those to be signed: not the
/// unsigned ones, and not those the signer sets itself (`authorization`,
/// `x-amz-date`, and the token or content hash when it adds them).
fn select_headers(
    headers: &mut Vec<Header<'_>>,
    already_checked: bool,
    settings: &SigningSettings,
    signer_sets_token: bool,
    signer_sets_content_sha256: bool,
) -> Result<(), SigningError> {
    if !already_checked {
        for header in headers.iter() {
            canonical_request::check_header(*header)?;
        }
    }
    headers.retain(|header| {
        let name = header.name;
        let set_by_signer = name.eq_ignore_ascii_case(AUTHORIZATION)
            || name.eq_ignore_ascii_case(X_AMZ_DATE)
            || (signer_sets_token && name.eq_ignore_ascii_case(X_AMZ_SECURITY_TOKEN))
            || (signer_sets_content_sha256 && name.eq_ignore_ascii_case(X_AMZ_CONTENT_SHA256));
        let unsigned = settings
            .unsigned_headers
            .iter()
            .any(|u| u.eq_ignore_ascii_case(name));
        !(set_by_signer || unsigned)
    });
    Ok(())
}
