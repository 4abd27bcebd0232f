//! The tokens of credentials that come from AWS services never reach any
//! output (the companion of `secrets.rs`, which covers keys, session
//! tokens, container tokens and signatures): the IAM Identity Center access
//! and refresh tokens and client secret, and the web identity token, even
//! when the service echoes them back escaped, in its body or its headers.
//! `Debug`, `Display`, error chains and TRACE logs are all checked.

use std::error::Error as StdError;
use std::fmt::{self, Write as _};

use awsop::datazone::{CreateUserProfile, DataZoneError, UserType};
use awsop::runtime::credentials::ProvideCredentials;
use awsop::runtime::env::Env;
use awsop::runtime::error::ErrorKind;
use awsop::Client;

const SSO_ACCESS: &str = "aoaSsOaCcEsS/ToKeN+0123:MGUCMQ==";
const SSO_REFRESH: &str = "aorSsOrEfReSh/ToKeN+4567==";
const SSO_CLIENT_SECRET: &str = "eyJrIjoiU3NPcLiEnTsEcReT/+89";

#[path = "support/capture.rs"]
mod capture;
use capture::logs;
#[path = "support/loopback.rs"]
mod loopback;

/// Everything a program could print about a result: `Debug`, `Display`,
/// the whole `source()` chain and the error's fields.
fn render<T: fmt::Debug>(result: &Result<T, awsop::runtime::Error<DataZoneError>>) -> String {
    let mut out = String::new();
    match result {
        Ok(value) => {
            let _ = write!(out, "{value:?}");
        }
        Err(err) => {
            let _ = write!(out, "{err}\n{err:?}\n{err:#?}");
            let mut source = err.source();
            while let Some(s) = source {
                let _ = write!(out, "\n{s}\n{s:?}");
                source = s.source();
            }
            let _ = write!(
                out,
                "\n{:?} {:?} {:?}",
                err.code(),
                err.message(),
                err.metadata()
            );
        }
    }
    out
}

/// Fails naming every `(what, text)` that contains one of `secrets`
/// (without printing the secret).
fn assert_clean(checks: &[(&str, String)], secrets: &[(&str, &str)]) {
    let found: Vec<String> = checks
        .iter()
        .flat_map(|(what, text)| {
            secrets
                .iter()
                .filter(|(_, secret)| text.contains(secret))
                .map(move |(name, _)| format!("{what} contains {name}"))
        })
        .collect();
    assert!(found.is_empty(), "secrets leaked:\n{}", found.join("\n"));
}

/// A client whose credentials come from `provider`, for an endpoint never
/// reached (the credentials fail first).
fn client(provider: impl ProvideCredentials + 'static) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(provider)
        .endpoint_url("http://127.0.0.1:9")
        .build()
        .unwrap()
}

fn create() -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: "dzd_secrets".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
}

// ---- IAM Identity Center ----------------------------------------------------

/// A JSON string with every character `\u`-escaped, as a hostile or odd
/// encoder may write it.
fn json_escaped(secret: &str) -> String {
    secret
        .chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect()
}

#[tokio::test]
async fn sso_tokens_leak_nothing_even_when_echoed() {
    use awsop::credentials::SsoCredentials;
    use awsop::runtime::credentials::{BaseSource, ProfileChain, SourceContext, SsoTokenCache};
    use awsop::runtime::profile::ProfileSet;
    use loopback::{Answer, Loopback, TempHome};

    let logs = logs();
    // Both services refuse, quoting what they were sent: the refresh token
    // and client secret (OIDC), the access token (portal), in the body
    // (escaped), the error type and the request id.
    let server = Loopback::start(|request: &loopback::Seen| {
        if request.path() == "/token" {
            Answer::json(
                400,
                format!(
                    r#"{{"error":"invalid_grant","error_description":"bad {} for {}"}}"#,
                    json_escaped(SSO_REFRESH),
                    json_escaped(SSO_CLIENT_SECRET)
                ),
            )
            .with_header(
                "x-amzn-errortype",
                &format!("InvalidGrantException:{SSO_REFRESH}"),
            )
            .with_header("x-amzn-requestid", SSO_CLIENT_SECRET)
        } else {
            Answer::json(
                401,
                format!(
                    r#"{{"message":"token {} is not valid"}}"#,
                    json_escaped(SSO_ACCESS)
                ),
            )
            .with_header(
                "x-amzn-errortype",
                &format!("UnauthorizedException:{SSO_ACCESS}"),
            )
            .with_header("x-amzn-requestid", SSO_ACCESS)
        }
    })
    .await;
    let home = TempHome::new("secrets-sso");
    let config = "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n\
                  [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n";
    let env = Env::from_pairs([
        ("HOME", home.path().to_string_lossy().into_owned()),
        ("AWS_CONFIG_FILE", home.write(".aws/config", config)),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            home.path().join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_PROFILE", "dev".to_owned()),
        ("AWS_ENDPOINT_URL_SSO", server.url.clone()),
        ("AWS_ENDPOINT_URL_SSO_OIDC", server.url.clone()),
        ("AWS_MAX_ATTEMPTS", "1".to_owned()),
    ]);
    let now = std::time::SystemTime::now();
    let soon = awsop::runtime::time::format_rfc3339(now + std::time::Duration::from_secs(60));
    let later = awsop::runtime::time::format_rfc3339(now + std::time::Duration::from_secs(86400));
    home.write(
        &format!(".aws/sso/cache/{}.json", SsoTokenCache::file_stem("corp")),
        &format!(
            r#"{{"accessToken":"{SSO_ACCESS}","expiresAt":"{soon}","refreshToken":"{SSO_REFRESH}",
                "clientId":"client","clientSecret":"{SSO_CLIENT_SECRET}","registrationExpiresAt":"{later}"}}"#
        ),
    );
    let set = ProfileSet::load(&env).await.unwrap();
    let Some(ProfileChain {
        base: BaseSource::Sso(sso),
        ..
    }) = ProfileChain::resolve(&set).unwrap()
    else {
        panic!("an SSO profile")
    };
    let token = SsoTokenCache::from_env(&env)
        .load("corp")
        .await
        .unwrap()
        .unwrap();
    let provider = SsoCredentials::new(sso, &SourceContext::new(env, Some(set.into()))).unwrap();
    let provider_debug = format!("{provider:?}");
    let result = create().send(&client(provider)).await;
    assert_eq!(
        result.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Credentials)
    );
    assert_eq!(server.to("/token").len(), 1, "a refresh was tried");
    assert_eq!(server.to("/federation/credentials").len(), 1);
    let text = render(&result);
    assert!(text.contains("UnauthorizedException"), "{text}");

    let requests = format!(
        "{:?} {:?} {:?}",
        awsop::sso::GetRoleCredentials {
            access_token: SSO_ACCESS.into(),
            ..Default::default()
        },
        awsop::sso_oidc::CreateToken {
            client_secret: SSO_CLIENT_SECRET.into(),
            refresh_token: Some(SSO_REFRESH.into()),
            ..Default::default()
        },
        awsop::sso_oidc::CreateTokenOutput {
            access_token: Some(SSO_ACCESS.into()),
            ..Default::default()
        },
    );
    assert_clean(
        &[
            ("an SSO credentials error", text),
            ("the SSO provider's Debug", provider_debug),
            ("a cached token's Debug", format!("{token:?}")),
            ("the SSO requests' Debug", requests),
            ("the TRACE logs", logs.lock().unwrap().clone()),
        ],
        &[
            ("the SSO access token", SSO_ACCESS),
            ("the SSO refresh token", SSO_REFRESH),
            ("the SSO client secret", SSO_CLIENT_SECRET),
        ],
    );
}

// ---- web identity -------------------------------------------------------------

#[cfg(feature = "sts")]
const WEB_IDENTITY_TOKEN: &str =
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3ZWItaWQtc2VjcmV0In0.SiGnAtUrE-wEbId";

/// An XML text with every character written as a character reference.
#[cfg(feature = "sts")]
fn xml_escaped(secret: &str) -> String {
    secret.chars().map(|c| format!("&#{};", c as u32)).collect()
}

#[cfg(feature = "sts")]
#[tokio::test]
async fn the_web_identity_token_leaks_nothing_even_when_echoed() {
    use awsop::credentials::WebIdentityCredentials;
    use awsop::runtime::credentials::{SourceContext, WebIdentityConfig};
    use loopback::{Answer, Loopback, TempHome};

    let logs = logs();
    let sts = Loopback::start(|_: &loopback::Seen| {
        Answer::json(
            400,
            format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>\
                 <Message>token {} is not valid</Message></Error><RequestId>r</RequestId></ErrorResponse>",
                xml_escaped(WEB_IDENTITY_TOKEN)
            ),
        )
        .with_header("content-type", "text/xml")
        .with_header("x-amzn-requestid", WEB_IDENTITY_TOKEN)
    })
    .await;
    let home = TempHome::new("secrets-web");
    let file = home.write("token", WEB_IDENTITY_TOKEN);
    let config = WebIdentityConfig {
        profile: None,
        token_file: file.into(),
        role_arn: "arn:aws:iam::123456789012:role/pod".into(),
        session_name: None,
    };
    let env = Env::from_pairs([
        ("AWS_ENDPOINT_URL_STS", sts.url.clone()),
        ("AWS_REGION", "us-east-1".into()),
    ]);
    let provider = WebIdentityCredentials::new(config, &SourceContext::new(env, None)).unwrap();
    let provider_debug = format!("{provider:?}");
    let result = create().send(&client(provider)).await;
    assert_eq!(
        result.as_ref().err().map(|e| e.kind()),
        Some(ErrorKind::Credentials)
    );
    let text = render(&result);
    assert!(text.contains("InvalidIdentityToken"), "{text}");
    let request = format!(
        "{:?}",
        awsop::sts::AssumeRoleWithWebIdentity {
            web_identity_token: WEB_IDENTITY_TOKEN.into(),
            ..Default::default()
        }
    );
    assert_clean(
        &[
            ("a web identity error", text),
            ("the provider's Debug", provider_debug),
            ("the request's Debug", request),
            ("the TRACE logs", logs.lock().unwrap().clone()),
        ],
        &[
            ("the web identity token", WEB_IDENTITY_TOKEN),
            (
                "the web identity token's signature",
                &WEB_IDENTITY_TOKEN[54..],
            ),
        ],
    );
}
