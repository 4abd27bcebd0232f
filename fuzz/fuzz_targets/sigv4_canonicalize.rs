//! SigV4 over arbitrary method, path, query, headers and body.
//!
//! Input layout (lines split on `\n`, invalid UTF-8 replaced):
//! byte 0 picks the settings, then `method`, `path?query`, `name:value`
//! header lines up to an empty line, and the rest is the body.
//!
//! Checked: signing never panics; a successful signature is 64 hex digits,
//! its `Authorization` parses, and the server side (`verify`) recomputes the
//! same signature from what went on the wire, as the emulator does.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use awsop_runtime::sigv4::verify::{expected_signature, parse_authorization};
use awsop_runtime::sigv4::{
    presign_query, sign_headers, PayloadHashing, SessionTokenMode, SignableRequest, SigningParams,
    SigningSettings,
};
use awsop_runtime::Credentials;
use libfuzzer_sys::fuzz_target;

const HOST: &str = "datazone.us-east-1.api.aws";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// Headers the signer sets or replaces itself: a request that already has
/// them is signed with the signer's values, so the wire view differs.
const SIGNER_OWNED: [&str; 5] = [
    "host",
    "authorization",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
];

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let method = lines.next().unwrap_or("");
    let path_query = lines.next().unwrap_or("");
    let mut headers: Vec<(&str, &str)> = Vec::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        headers.push(line.split_once(':').unwrap_or((line, "")));
    }
    let body: Vec<&str> = lines.collect();
    let body = body.join("\n");

    let settings = SigningSettings {
        payload: match knobs & 3 {
            0 => PayloadHashing::Signed,
            1 => PayloadHashing::Unsigned,
            _ => PayloadHashing::Precomputed(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into(),
            ),
        },
        content_sha256_header: knobs & 4 != 0,
        normalize_path: knobs & 8 != 0,
        double_encode_path: knobs & 16 != 0,
        session_token: if knobs & 32 != 0 {
            SessionTokenMode::Include
        } else {
            SessionTokenMode::Exclude
        },
        ..SigningSettings::default()
    };
    let token = (knobs & 64 != 0).then(|| "session-token/+=".to_owned());
    let credentials = Credentials::new("AKIDEXAMPLE", SECRET, token, None, "fuzz");
    let params = SigningParams {
        identity: credentials.signing_identity(),
        region: "us-east-1",
        service: "datazone",
        time: UNIX_EPOCH + Duration::from_secs(1_440_938_160),
        settings: &settings,
    };

    // The relative form (with whatever host header the input has) and the
    // absolute form must both be handled without panicking.
    let relative = SignableRequest {
        method,
        uri: path_query,
        headers: &headers,
        body: body.as_bytes(),
    };
    let _ = sign_headers(&relative, &params);
    let _ = presign_query(
        &relative,
        &params,
        Duration::from_secs(u64::from(knobs) * 3600),
    );

    let absolute_uri = format!("https://{HOST}{path_query}");
    let absolute = SignableRequest {
        uri: &absolute_uri,
        ..relative
    };
    let Ok(output) = sign_headers(&absolute, &params) else {
        return;
    };
    assert_eq!(output.signature.len(), 64);
    assert!(output.signature.bytes().all(|b| b.is_ascii_hexdigit()));
    // Debug must not panic either (it redacts).
    let _ = format!("{output:?}");

    let plain_headers = headers.iter().all(|(name, _)| {
        !SIGNER_OWNED
            .iter()
            .any(|owned| name.trim().eq_ignore_ascii_case(owned))
    });
    if !path_query.starts_with('/') || !plain_headers {
        return;
    }
    // What the server receives: the host, the request's headers and the signer's.
    let mut received: Vec<(&str, &str)> = vec![("host", HOST)];
    received.extend(headers.iter().copied());
    received.extend(output.headers.iter().map(|(n, v)| (*n, v.as_str())));
    let authorization = output
        .headers
        .iter()
        .find(|(n, _)| *n == "authorization")
        .map(|(_, v)| v.as_str())
        .expect("header signing sets authorization");
    let auth = parse_authorization(authorization).expect("our own Authorization parses");
    let on_wire = SignableRequest {
        method,
        uri: path_query,
        headers: &received,
        body: body.as_bytes(),
    };
    let recomputed = expected_signature(&on_wire, &auth, SECRET, &settings)
        .expect("the server side accepts what the client signed");
    assert_eq!(recomputed, output.signature, "client and server disagree");
});
