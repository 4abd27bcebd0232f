//! The AWS SigV4 test suite (from aws-c-auth, Apache-2.0; vendored with its
//! LICENSE and SOURCE.md in `fixtures/sigv4-suite`): every case directory,
//! every form it has an expected file for, plus a verify round trip.
//!
//! Each case has `request.txt` (a raw HTTP request) and, normally,
//! `context.json` (credentials, region, service, time and settings).
//! Expected values are compared exactly as vendored; only inputs the files
//! do not carry are supplied here, each with where it comes from (see
//! [`legacy_context`] and [`settings_for`]).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use awsop_runtime::sigv4::verify::{expected_signature, parse_amz_date, parse_authorization};
use awsop_runtime::sigv4::{
    presign_query, sign_headers, PayloadHashing, SessionTokenMode, SignableRequest, SigningOutput,
    SigningParams, SigningSettings,
};
use awsop_runtime::Credentials;

const MIN_CASES: usize = 40;

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sigv4-suite/v4")
}

/// aws-c-auth, which generated the suite, signs every header but a few
/// hop-by-hop ones; unlike awsop's default it signs `Content-Length`
/// (the `post-x-www-form-urlencoded*` cases expect it signed). awsop leaves
/// it out by default because its transport sets it after signing.
const SUITE_UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "expect",
    "transfer-encoding",
    "connection",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Location {
    Header,
    Query,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    CanonicalRequest,
    StringToSign,
    Signature,
    SignedRequest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Form {
    location: Location,
    part: Part,
}

impl Form {
    const ALL: [Form; 8] = {
        use Location::*;
        use Part::*;
        [
            Form {
                location: Header,
                part: CanonicalRequest,
            },
            Form {
                location: Header,
                part: StringToSign,
            },
            Form {
                location: Header,
                part: Signature,
            },
            Form {
                location: Header,
                part: SignedRequest,
            },
            Form {
                location: Query,
                part: CanonicalRequest,
            },
            Form {
                location: Query,
                part: StringToSign,
            },
            Form {
                location: Query,
                part: Signature,
            },
            Form {
                location: Query,
                part: SignedRequest,
            },
        ]
    };

    fn name(self) -> String {
        let location = match self.location {
            Location::Header => "header",
            Location::Query => "query",
        };
        let part = match self.part {
            Part::CanonicalRequest => "canonical-request",
            Part::StringToSign => "string-to-sign",
            Part::Signature => "signature",
            Part::SignedRequest => "signed-request",
        };
        format!("{location}-{part}")
    }
}

/// A request as the suite writes it.
#[derive(Debug, Clone, PartialEq)]
struct RawRequest {
    method: String,
    /// The request target: path and query, possibly with raw spaces or UTF-8.
    target: String,
    /// In file order, names as written, values untrimmed; a folded
    /// (multi-line) value keeps its line breaks, as aws-c-auth's harness does.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn parse_request(text: &str) -> Result<RawRequest, String> {
    let text = text.replace("\r\n", "\n");
    let mut lines = text.split('\n');
    let request_line = lines.next().ok_or("empty request")?;
    let (method, rest) = request_line
        .split_once(' ')
        .ok_or("request line without a space")?;
    // The target may contain spaces itself (get-space-unnormalized); the
    // old-format double-url-encode/header-signed-request.txt omits the version.
    let target = rest.strip_suffix(" HTTP/1.1").unwrap_or(rest);
    if target.is_empty() || target.contains(" HTTP/") {
        return Err("malformed request line".into());
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut body_lines: Option<Vec<&str>> = None;
    for line in lines.by_ref() {
        if line.is_empty() {
            body_lines = Some(Vec::new());
            break;
        }
        if line.starts_with([' ', '\t']) {
            let (_, value) = headers
                .last_mut()
                .ok_or("continuation line before any header")?;
            value.push('\n');
            value.push_str(line);
        } else {
            let (name, value) = line.split_once(':').ok_or("header line without ':'")?;
            headers.push((name.to_owned(), value.to_owned()));
        }
    }
    let body = match body_lines {
        Some(mut body) => {
            body.extend(lines);
            body.join("\n").into_bytes()
        }
        None => Vec::new(),
    };
    Ok(RawRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body,
    })
}

/// The inputs of one signing.
#[derive(Debug, Clone)]
struct Context {
    access_key_id: String,
    secret_access_key: String,
    token: Option<String>,
    region: String,
    service: String,
    time: SystemTime,
    normalize: bool,
    sign_body: bool,
    omit_session_token: bool,
    expiration_in_seconds: u64,
    double_encode_path: bool,
}

/// `2015-08-30T12:36:00Z` as a `SystemTime`.
fn parse_timestamp(text: &str) -> Result<SystemTime, String> {
    let basic: String = text.chars().filter(|c| *c != '-' && *c != ':').collect();
    parse_amz_date(&basic).map_err(|e| format!("timestamp {text:?}: {e}"))
}

fn parse_context(case: &str, text: &str) -> Result<Context, String> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("context.json: {e}"))?;
    let string = |value: &serde_json::Value, key: &str| -> Result<String, String> {
        value
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .ok_or_else(|| format!("context.json: no string {key:?}"))
    };
    let boolean = |key: &str| -> Result<bool, String> {
        json.get(key)
            .and_then(|v| v.as_bool())
            .ok_or_else(|| format!("context.json: no boolean {key:?}"))
    };
    let credentials = json
        .get("credentials")
        .ok_or("context.json: no credentials")?;
    Ok(Context {
        access_key_id: string(credentials, "access_key_id")?,
        secret_access_key: string(credentials, "secret_access_key")?,
        token: credentials
            .get("token")
            .and_then(|v| v.as_str())
            .map(str::to_owned),
        region: string(&json, "region")?,
        service: string(&json, "service")?,
        time: parse_timestamp(&string(&json, "timestamp")?)?,
        normalize: boolean("normalize")?,
        sign_body: boolean("sign_body")?,
        omit_session_token: json
            .get("omit_session_token")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        expiration_in_seconds: json
            .get("expiration_in_seconds")
            .and_then(|v| v.as_u64())
            .ok_or("context.json: no expiration_in_seconds")?,
        double_encode_path: double_encode_path_for(case),
    })
}

/// aws-c-auth runs the suite with `use_double_uri_encode = true`, awsop's
/// default too. One case cannot be read that way: in this copy,
/// `get-space-normalized/request.txt` writes the path already encoded
/// (`/example%20space/`), while its expected canonical URI is the raw path
/// of aws-c-auth's input encoded once (`/example%20space/`; its signed
/// requests still show `/example space/`). aws-sigv4 skips the case for
/// that reason; here it runs with single encoding, which encodes an encoded
/// path exactly once (S3's rule).
fn double_encode_path_for(case: &str) -> bool {
    case != "get-space-normalized"
}

const EXAMPLE_ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
const EXAMPLE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// `double-url-encode` and `double-encode-path` came from the old suite
/// format (see SOURCE.md) and ship no context.json. Their inputs:
///
/// - `double-url-encode`: the example credentials, region `us-east-2`,
///   service `lambda` and time `20210511T154045Z`, as its string to sign and
///   signed request state (credential scope, X-Amz-Date).
/// - `double-encode-path`: its canonical request was made at
///   `20210511T154045Z` (its x-amz-date line; no scope appears in it), its
///   signed request at `20150830T123600Z` for `us-east-1` / `service` by
///   `ANOTREAL`, whose secret is aws-sdk-rust's test credential
///   `notrealrnrELgWzOk3IfjzDKtFBhDby` (`Credentials::for_tests()`, which
///   aws-sigv4's `test_sign_url_escape` uses for this file). The request's own
///   X-amz-date header is replaced by the signer's.
///
/// Both exercise double encoding of an encoded path.
fn legacy_context(case: &str, form: Form) -> Option<Context> {
    let at = |text: &str| parse_timestamp(text).ok();
    let base = |access_key_id: &str, secret: &str, region: &str, service: &str, time| Context {
        access_key_id: access_key_id.to_owned(),
        secret_access_key: secret.to_owned(),
        token: None,
        region: region.to_owned(),
        service: service.to_owned(),
        time,
        normalize: true,
        sign_body: false,
        omit_session_token: false,
        expiration_in_seconds: 3600,
        double_encode_path: true,
    };
    match case {
        "double-url-encode" => Some(base(
            EXAMPLE_ACCESS_KEY_ID,
            EXAMPLE_SECRET,
            "us-east-2",
            "lambda",
            at("2021-05-11T15:40:45Z")?,
        )),
        "double-encode-path" => {
            let time = if form.part == Part::SignedRequest {
                at("2015-08-30T12:36:00Z")?
            } else {
                at("2021-05-11T15:40:45Z")?
            };
            Some(base(
                "ANOTREAL",
                "notrealrnrELgWzOk3IfjzDKtFBhDby",
                "us-east-1",
                "service",
                time,
            ))
        }
        _ => None,
    }
}

fn settings_for(context: &Context) -> SigningSettings {
    SigningSettings {
        payload: PayloadHashing::Signed,
        content_sha256_header: context.sign_body,
        normalize_path: context.normalize,
        double_encode_path: context.double_encode_path,
        session_token: if context.omit_session_token {
            SessionTokenMode::Exclude
        } else {
            SessionTokenMode::Include
        },
        unsigned_headers: SUITE_UNSIGNED_HEADERS,
    }
}

fn sign(
    request: &RawRequest,
    context: &Context,
    location: Location,
) -> Result<SigningOutput, String> {
    let credentials = Credentials::new(
        context.access_key_id.clone(),
        context.secret_access_key.clone(),
        context.token.clone(),
        None,
        "sigv4-suite",
    );
    let settings = settings_for(context);
    let params = SigningParams {
        identity: credentials.signing_identity(),
        region: &context.region,
        service: &context.service,
        time: context.time,
        settings: &settings,
    };
    let headers: Vec<(&str, &str)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signable = SignableRequest {
        method: &request.method,
        uri: &request.target,
        headers: &headers,
        body: &request.body,
    };
    let output = match location {
        Location::Header => sign_headers(&signable, &params),
        Location::Query => presign_query(
            &signable,
            &params,
            Duration::from_secs(context.expiration_in_seconds),
        ),
    };
    output.map_err(|e| format!("signing failed: {e}"))
}

/// The request with the signer's output applied, as a client would send it.
fn apply(request: &RawRequest, output: &SigningOutput) -> RawRequest {
    let mut signed = request.clone();
    signed.headers.retain(|(name, _)| {
        !output
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    });
    signed.headers.extend(
        output
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone())),
    );
    signed.target = output.presigned_uri(&request.target);
    signed
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// What two requests must agree on to be the same on the wire: method,
/// path (the suite writes some raw, some encoded, so compared decoded),
/// the query parameters as a multiset (the suite orders presigned parameters
/// its own way), headers by lower-case name with values in order, and body.
#[derive(Debug, PartialEq)]
struct Comparable {
    method: String,
    path: Vec<u8>,
    query: Vec<(Vec<u8>, Vec<u8>)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn comparable(request: &RawRequest) -> Comparable {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let mut query: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    query.sort();
    let mut headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    headers.sort_by(|a, b| a.0.cmp(&b.0));
    Comparable {
        method: request.method.clone(),
        path: percent_decode(path),
        query,
        headers,
        body: request.body.clone(),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map(|text| text.replace("\r\n", "\n"))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Checks one form; `Err` carries the explanation.
fn check_form(case_dir: &Path, case: &str, form: Form, request: &RawRequest) -> Result<(), String> {
    let context = match legacy_context(case, form) {
        Some(context) => context,
        None => parse_context(case, &read(&case_dir.join("context.json"))?)?,
    };
    let output = sign(request, &context, form.location)?;
    let expected_text = read(&case_dir.join(format!("{}.txt", form.name())))?;
    let (expected, actual) = match form.part {
        Part::CanonicalRequest => (
            expected_text.trim_end().to_owned(),
            output.canonical_request,
        ),
        Part::StringToSign => (expected_text.trim_end().to_owned(), output.string_to_sign),
        Part::Signature => (expected_text.trim().to_owned(), output.signature),
        Part::SignedRequest => {
            let expected = parse_request(&expected_text)?;
            let actual = apply(request, &output);
            let (e, a) = (comparable(&expected), comparable(&actual));
            if e == a {
                return Ok(());
            }
            (format!("{e:#?}"), format!("{a:#?}"))
        }
    };
    if expected == actual {
        Ok(())
    } else {
        Err(format!("expected:\n{expected}\nactual:\n{actual}"))
    }
}

/// Signs with headers, then checks, as a server would, that the
/// `Authorization` header parses and that `expected_signature` over the
/// signed request reproduces the signature.
fn check_verify_round_trip(
    case_dir: &Path,
    case: &str,
    request: &RawRequest,
) -> Result<(), String> {
    let form = Form {
        location: Location::Header,
        part: Part::SignedRequest,
    };
    let context = match legacy_context(case, form) {
        Some(context) => context,
        None => parse_context(case, &read(&case_dir.join("context.json"))?)?,
    };
    let output = sign(request, &context, Location::Header)?;
    let signed = apply(request, &output);
    let authorization = signed
        .headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .map(|(_, v)| v.as_str())
        .ok_or("no authorization header")?;
    let auth = parse_authorization(authorization).map_err(|e| e.to_string())?;
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let received = SignableRequest {
        method: &signed.method,
        uri: &signed.target,
        headers: &headers,
        body: &signed.body,
    };
    let expected = expected_signature(
        &received,
        &auth,
        &context.secret_access_key,
        &settings_for(&context),
    )
    .map_err(|e| e.to_string())?;
    if expected == output.signature && auth.signature == output.signature {
        Ok(())
    } else {
        Err(format!(
            "verify recomputed {expected}, signer produced {}",
            output.signature
        ))
    }
}

#[test]
fn sigv4_suite() {
    let dir = suite_dir();
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("request.txt").is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    cases.sort();

    let mut report = String::new();
    let mut per_form: Vec<(String, usize, usize)> = Form::ALL
        .iter()
        .map(|f| (f.name(), 0, 0))
        .chain([("verify-round-trip".to_owned(), 0, 0)])
        .collect();
    let (mut passed, mut failed) = (0usize, 0usize);
    for case in &cases {
        let case_dir = dir.join(case);
        let request = read(&case_dir.join("request.txt")).and_then(|text| parse_request(&text));
        let mut case_ok = true;
        let mut forms_checked = 0;
        for (index, form) in Form::ALL.iter().enumerate() {
            if !case_dir.join(format!("{}.txt", form.name())).is_file() {
                continue;
            }
            forms_checked += 1;
            let result = request
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|request| check_form(&case_dir, case, *form, request));
            record(
                &mut report,
                &mut per_form[index],
                case,
                &form.name(),
                result,
                &mut case_ok,
            );
        }
        let result = request
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|request| check_verify_round_trip(&case_dir, case, request));
        let last = per_form.len() - 1;
        record(
            &mut report,
            &mut per_form[last],
            case,
            "verify-round-trip",
            result,
            &mut case_ok,
        );
        if forms_checked == 0 {
            case_ok = false;
            let _ = writeln!(report, "FAIL  {case}: no expected files");
        }
        if case_ok {
            passed += 1;
        } else {
            failed += 1;
        }
    }
    report.push('\n');
    for (name, ok, bad) in &per_form {
        let _ = writeln!(report, "{name:<26} {ok:>2} passed, {bad} failed");
    }
    let _ = writeln!(report, "sigv4 suite: {passed} passed, {failed} failed");
    // Straight to stderr: the harness would otherwise swallow the report of a passing run.
    let _ = std::io::stderr().write_all(report.as_bytes());

    assert!(
        cases.len() >= MIN_CASES,
        "found only {} cases in {}, expected at least {MIN_CASES}",
        cases.len(),
        dir.display()
    );
    assert_eq!(failed, 0, "{failed} sigv4 suite case(s) failed, see above");
}

fn record(
    report: &mut String,
    tally: &mut (String, usize, usize),
    case: &str,
    form: &str,
    result: Result<(), String>,
    case_ok: &mut bool,
) {
    match result {
        Ok(()) => {
            tally.1 += 1;
            let _ = writeln!(report, "ok    {case} / {form}");
        }
        Err(why) => {
            tally.2 += 1;
            *case_ok = false;
            let _ = writeln!(report, "FAIL  {case} / {form}");
            for line in why.lines() {
                let _ = writeln!(report, "        {line}");
            }
        }
    }
}

#[test]
fn request_parser_handles_folding_duplicates_and_bodies() {
    let parsed =
        parse_request("POST /a b/?x=1 HTTP/1.1\nHost:h\nMy:one\n  two\nMy:three\n\nline1\nline2")
            .unwrap();
    assert_eq!(parsed.method, "POST");
    assert_eq!(parsed.target, "/a b/?x=1");
    assert_eq!(
        parsed.headers,
        [
            ("Host".to_owned(), "h".to_owned()),
            ("My".to_owned(), "one\n  two".to_owned()),
            ("My".to_owned(), "three".to_owned()),
        ]
    );
    assert_eq!(parsed.body, b"line1\nline2");
    assert_eq!(parse_request("GET /x").unwrap().target, "/x");
    assert!(parse_request("GET").is_err());
    assert!(parse_request("GET  HTTP/1.1").is_err());
    assert!(parse_request("GET / HTTP/1.1\n continuation-first\n").is_err());
    assert_eq!(parse_request("GET / HTTP/1.1\nHost:h\n").unwrap().body, b"");
}
