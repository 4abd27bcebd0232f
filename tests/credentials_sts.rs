//! Assume-role and web identity against a loopback STS that answers in
//! awsQuery's XML: a source-profile chain three deep (each role assumed
//! with the credentials of the one below), 50 concurrent callers sharing
//! one `AssumeRole`, throttling and 500s retried, the request's
//! parameters, an unsigned `AssumeRoleWithWebIdentity` whose token file is
//! read again for every session.

#[path = "support/loopback.rs"]
mod loopback;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use awsop::credentials::{AssumeRoleProvider, AwsSources};
use awsop::runtime::credentials::{
    DefaultCredentialsChain, ProfileCredentials, ProvideCredentials, SourceContext,
};
use awsop::runtime::env::Env;
use awsop::runtime::BoxFuture;
use awsop::Credentials;
use loopback::{Answer, Loopback, ManualClock, Seen, TempHome};

/// A form body's fields, decoded.
fn form(body: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let bytes = s.replace('+', " ").into_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    };
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The access key id the request was signed with.
fn signed_by(request: &Seen) -> Option<String> {
    let auth = request.header("authorization")?;
    let credential = auth.split("Credential=").nth(1)?;
    Some(credential.split('/').next()?.to_owned())
}

fn credentials_xml(action: &str, key: &str, expires: SystemTime) -> String {
    format!(
        "<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><{action}Result>\
         <Credentials><AccessKeyId>{key}</AccessKeyId><SecretAccessKey>secret-{key}</SecretAccessKey>\
         <SessionToken>token-{key}</SessionToken><Expiration>{}</Expiration></Credentials>\
         <AssumedRoleUser><AssumedRoleId>AROA:{key}</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/R/{key}</Arn></AssumedRoleUser>\
         </{action}Result><ResponseMetadata><RequestId>req-{key}</RequestId></ResponseMetadata></{action}Response>",
        awsop::runtime::time::format_rfc3339(expires)
    )
}

fn error_xml(code: &str, message: &str) -> String {
    format!(
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>\
         <Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>"
    )
}

/// STS: each `AssumeRole` is granted with the key `<role name>.<caller's key>`.
async fn sts(delay: Duration, failures: Vec<(u16, &'static str)>) -> Loopback {
    let failures = Arc::new(Mutex::new(failures));
    Loopback::start(move |request: &Seen| {
        if let Some((status, code)) = failures.lock().unwrap().pop() {
            return Answer::json(status, error_xml(code, "try again"))
                .with_header("content-type", "text/xml");
        }
        if !delay.is_zero() {
            std::thread::sleep(delay);
        }
        let fields = form(&request.body);
        let action = field(&fields, "Action").unwrap_or_default().to_owned();
        let role = field(&fields, "RoleArn").unwrap_or_default();
        let name = role.rsplit('/').next().unwrap_or_default();
        let key = match action.as_str() {
            "AssumeRole" => format!("{name}.{}", signed_by(request).unwrap_or_default()),
            _ => format!(
                "{name}.web.{}",
                field(&fields, "WebIdentityToken").unwrap_or_default()
            ),
        };
        let expires = SystemTime::now() + Duration::from_secs(3600);
        Answer {
            status: 200,
            headers: vec![("content-type".into(), "text/xml".into())],
            body: credentials_xml(&action, &key, expires),
        }
    })
    .await
}

fn env(
    home: &TempHome,
    sts: &Loopback,
    config: &str,
    profile: &str,
    extra: &[(&str, &str)],
) -> Env {
    let mut vars = vec![
        (
            "HOME".to_owned(),
            home.path().to_string_lossy().into_owned(),
        ),
        (
            "AWS_CONFIG_FILE".to_owned(),
            home.write(".aws/config", config),
        ),
        (
            "AWS_SHARED_CREDENTIALS_FILE".to_owned(),
            home.path().join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_PROFILE".to_owned(), profile.to_owned()),
        ("AWS_ENDPOINT_URL_STS".to_owned(), sts.url.clone()),
        ("AWS_REGION".to_owned(), "eu-west-1".to_owned()),
        ("AWS_EC2_METADATA_DISABLED".to_owned(), "true".to_owned()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Env::from_pairs(vars)
}

const ROLE: &str = "arn:aws:iam::123456789012:role/";

#[tokio::test]
async fn a_source_profile_chain_three_deep() {
    let sts = sts(Duration::ZERO, Vec::new()).await;
    let home = TempHome::new("sts-chain");
    let config = format!(
        "[profile top]\nrole_arn = {ROLE}Top\nsource_profile = middle\nexternal_id = ext-7\nduration_seconds = 1800\n\
         [profile middle]\nrole_arn = {ROLE}Middle\nsource_profile = bottom\nrole_session_name = mid\n\
         [profile bottom]\nrole_arn = {ROLE}Bottom\nsource_profile = keys\n\
         [profile keys]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n"
    );
    let provider = ProfileCredentials::new(env(&home, &sts, &config, "top", &[]))
        .with_sources(Arc::new(AwsSources));
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "Top.Middle.Bottom.AKIDBASE");
    assert_eq!(
        creds.session_token(),
        Some("token-Top.Middle.Bottom.AKIDBASE")
    );
    let calls = sts.requests();
    assert_eq!(calls.len(), 3);
    let signers: Vec<String> = calls.iter().map(|c| signed_by(c).unwrap()).collect();
    assert_eq!(
        signers,
        ["AKIDBASE", "Bottom.AKIDBASE", "Middle.Bottom.AKIDBASE"],
        "each with the one below"
    );
    let fields: Vec<_> = calls.iter().map(|c| form(&c.body)).collect();
    assert_eq!(field(&fields[0], "Version"), Some("2011-06-15"));
    assert!(
        field(&fields[0], "RoleSessionName")
            .unwrap()
            .starts_with("awsop-"),
        "a generated name"
    );
    assert_eq!(field(&fields[1], "RoleSessionName"), Some("mid"));
    assert_eq!(field(&fields[2], "ExternalId"), Some("ext-7"));
    assert_eq!(field(&fields[2], "DurationSeconds"), Some("1800"));
    // The session token of the role below signs the call above.
    assert_eq!(
        calls[1].header("x-amz-security-token"),
        Some("token-Bottom.AKIDBASE")
    );
    assert!(calls[0]
        .header("authorization")
        .unwrap()
        .contains("/eu-west-1/sts/aws4_request"));
}

#[tokio::test]
async fn fifty_concurrent_callers_cause_one_sts_call() {
    let sts = sts(Duration::from_millis(300), Vec::new()).await;
    let home = TempHome::new("sts-concurrent");
    let cx = SourceContext::new(env(&home, &sts, "", "default", &[]), None);
    let provider = Arc::new(
        AssumeRoleProvider::builder(format!("{ROLE}Shared"))
            .build_with(
                Arc::new(Credentials::new("AKIDBASE", "S", None, None, "static")),
                &cx,
            )
            .unwrap(),
    );
    let callers: Vec<_> = (0..50)
        .map(|_| {
            let provider = Arc::clone(&provider);
            tokio::spawn(async move {
                provider
                    .provide_credentials()
                    .await
                    .map(|c| c.access_key_id().to_owned())
            })
        })
        .collect();
    for caller in callers {
        assert_eq!(caller.await.unwrap().unwrap(), "Shared.AKIDBASE");
    }
    assert_eq!(sts.requests().len(), 1);
}

#[tokio::test]
async fn throttling_and_server_errors_are_retried() {
    // Popped from the end: first a throttle, then a 500, then success.
    let sts = sts(
        Duration::ZERO,
        vec![(500, "InternalFailure"), (400, "Throttling")],
    )
    .await;
    let home = TempHome::new("sts-retry");
    let cx = SourceContext::new(
        env(&home, &sts, "", "default", &[("AWS_MAX_ATTEMPTS", "3")]),
        None,
    );
    let provider = AssumeRoleProvider::builder(format!("{ROLE}Busy"))
        .build_with(
            Arc::new(Credentials::new("AKIDBASE", "S", None, None, "static")),
            &cx,
        )
        .unwrap();
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "Busy.AKIDBASE");
    assert_eq!(sts.requests().len(), 3);

    // A refusal is not retried, and says what STS said.
    let denied = Loopback::start(|_: &Seen| {
        Answer::json(
            403,
            error_xml("AccessDenied", "not authorized to perform sts:AssumeRole"),
        )
        .with_header("content-type", "text/xml")
    })
    .await;
    let cx = SourceContext::new(env(&home, &denied, "", "default", &[]), None);
    let err = AssumeRoleProvider::builder(format!("{ROLE}Nope"))
        .build_with(
            Arc::new(Credentials::new("AKIDBASE", "S", None, None, "static")),
            &cx,
        )
        .unwrap()
        .provide_credentials()
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("AccessDenied (HTTP 403)") && text.contains("not authorized"),
        "{text}"
    );
    assert_eq!(denied.requests().len(), 1);
}

#[tokio::test]
async fn mfa_codes_come_from_the_callback() {
    let sts = sts(Duration::ZERO, Vec::new()).await;
    let home = TempHome::new("sts-mfa");
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let cx = SourceContext::new(env(&home, &sts, "", "default", &[]), None);
    let provider = AssumeRoleProvider::builder(format!("{ROLE}Guarded"))
        .mfa(
            "arn:aws:iam::123456789012:mfa/me",
            Arc::new(move |serial: &str| {
                counter.fetch_add(1, Ordering::SeqCst);
                let ok = serial == "arn:aws:iam::123456789012:mfa/me";
                Box::pin(async move { Ok(if ok { "123456" } else { "000000" }.to_owned()) })
                    as BoxFuture<'static, _>
            }),
        )
        .build_with(
            Arc::new(Credentials::new("AKIDBASE", "S", None, None, "static")),
            &cx,
        )
        .unwrap();
    provider.provide_credentials().await.unwrap();
    let fields = form(&sts.requests()[0].body);
    assert_eq!(
        field(&fields, "SerialNumber"),
        Some("arn:aws:iam::123456789012:mfa/me")
    );
    assert_eq!(field(&fields, "TokenCode"), Some("123456"));
    assert_eq!(asked.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn web_identity_is_unsigned_and_rereads_its_token_file() {
    let sts = sts(Duration::ZERO, Vec::new()).await;
    let home = TempHome::new("sts-web");
    let token = home.write("token", "jwt-one\n");
    let env = env(
        &home,
        &sts,
        "",
        "default",
        &[
            ("AWS_WEB_IDENTITY_TOKEN_FILE", &token),
            ("AWS_ROLE_ARN", &format!("{ROLE}Pod")),
            ("AWS_ROLE_SESSION_NAME", "pod-1"),
        ],
    );
    let chain = DefaultCredentialsChain::new(env).with_sources(Some(Arc::new(AwsSources)));
    let creds = chain.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "Pod.web.jwt-one");
    let call = &sts.requests()[0];
    assert!(
        call.header("authorization").is_none(),
        "AssumeRoleWithWebIdentity is not signed"
    );
    assert!(call.header("x-amz-security-token").is_none());
    let fields = form(&call.body);
    assert_eq!(field(&fields, "Action"), Some("AssumeRoleWithWebIdentity"));
    assert_eq!(field(&fields, "RoleSessionName"), Some("pod-1"));
    // The platform rotates the token: the next session uses the new one.
    let clock = ManualClock::at(SystemTime::now());
    let cx = SourceContext::new(
        Env::from_pairs([("AWS_ENDPOINT_URL_STS", sts.url.clone())]),
        None,
    )
    .with_time_source(clock.clone());
    let provider = awsop::credentials::WebIdentityCredentials::new(
        awsop::runtime::credentials::WebIdentityConfig {
            profile: None,
            token_file: token.clone().into(),
            role_arn: format!("{ROLE}Pod"),
            session_name: None,
        },
        &cx,
    )
    .unwrap();
    home.write("token", "jwt-two");
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "Pod.web.jwt-two"
    );
    home.write("token", "jwt-three");
    provider.provide_credentials().await.unwrap();
    assert_eq!(sts.requests().len(), 2, "cached until near expiry");
    // Within 5 minutes of the session's end (it lasts an hour): renewed,
    // with the file as it is now.
    clock.advance(Duration::from_secs(3400));
    assert_eq!(
        provider
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "Pod.web.jwt-three"
    );
    assert_eq!(sts.requests().len(), 3);
}
