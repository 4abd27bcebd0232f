//! IAM Identity Center credentials against a loopback SSO portal and
//! SSO-OIDC, with real token cache files in a temporary home: a valid
//! token, an expiring one refreshed (and the cache rewritten), a refresh
//! that fails, at most one refresh per 30 s, an expired token, a corrupt
//! cache file, the legacy form, and the whole `from_env` path ending in a
//! signed call the emulator accepts.

#[path = "support/loopback.rs"]
mod loopback;

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsop::credentials::SsoCredentials;
use awsop::runtime::credentials::{
    BaseSource, CredentialsErrorKind, ProfileChain, ProvideCredentials, SourceContext,
    SsoTokenCache,
};
use awsop::runtime::env::Env;
use awsop::runtime::profile::ProfileSet;
use awsop::ClientBuilder;
use loopback::{whole_seconds, Answer, Loopback, ManualClock, Seen, TempHome};
use serde_json::Value;

const SESSION_CONFIG: &str =
    "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n\
    [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n";
const LEGACY_CONFIG: &str =
    "[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = eu-west-1\n\
    sso_account_id = 111122223333\nsso_role_name = Developer\n";

/// The portal and OIDC in one server. Tokens the portal accepts are in
/// `valid`; OIDC turns `refresh-1` into `access-2`/`refresh-2`, and refuses
/// everything while `oidc_down` is set.
struct Sso {
    server: Loopback,
    valid: Arc<Mutex<Vec<String>>>,
    oidc_down: Arc<Mutex<bool>>,
    role_ttl: Arc<Mutex<Duration>>,
}

async fn sso(clock: Arc<ManualClock>) -> Sso {
    let valid = Arc::new(Mutex::new(vec!["access-1".to_owned()]));
    let oidc_down = Arc::new(Mutex::new(false));
    let role_ttl = Arc::new(Mutex::new(Duration::from_secs(3600)));
    let (v, down, ttl) = (
        Arc::clone(&valid),
        Arc::clone(&oidc_down),
        Arc::clone(&role_ttl),
    );
    let server = Loopback::start(move |request: &Seen| {
        use awsop::runtime::time::TimeSource;
        match (request.method.as_str(), request.path()) {
            ("GET", "/federation/credentials") => {
                let token = request.header("x-amz-sso_bearer_token").unwrap_or_default();
                if !v.lock().unwrap().iter().any(|t| t == token) {
                    return Answer::json(401, r#"{"message":"Session token not found or invalid"}"#)
                        .with_header("x-amzn-errortype", "UnauthorizedException");
                }
                let expiry = clock.now() + *ttl.lock().unwrap();
                let ms = expiry.duration_since(UNIX_EPOCH).unwrap().as_millis();
                Answer::json(200, format!(
                    r#"{{"roleCredentials":{{"accessKeyId":"ASIAFROMSSO","secretAccessKey":"sso-secret","sessionToken":"sso-session","expiration":{ms}}}}}"#
                ))
            }
            ("POST", "/token") => {
                let body: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
                let ok = !*down.lock().unwrap()
                    && body["grantType"] == "refresh_token"
                    && body["clientId"] == "client-1"
                    && body["clientSecret"] == "client-secret-1"
                    && body["refreshToken"] == "refresh-1";
                if !ok {
                    return Answer::json(400, r#"{"error":"invalid_grant","error_description":"Invalid refresh token provided"}"#)
                        .with_header("x-amzn-errortype", "InvalidGrantException");
                }
                v.lock().unwrap().push("access-2".to_owned());
                Answer::json(200, r#"{"accessToken":"access-2","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-2"}"#)
            }
            _ => Answer::json(404, "{}"),
        }
    })
    .await;
    Sso {
        server,
        valid,
        oidc_down,
        role_ttl,
    }
}

fn env(home: &TempHome, config: &str, profile: &str, sso: &Sso) -> Env {
    Env::from_pairs([
        ("HOME", home.path().to_string_lossy().into_owned()),
        ("AWS_CONFIG_FILE", home.write(".aws/config", config)),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            home.path().join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_PROFILE", profile.to_owned()),
        ("AWS_ENDPOINT_URL_SSO", sso.server.url.clone()),
        ("AWS_ENDPOINT_URL_SSO_OIDC", sso.server.url.clone()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ])
}

fn rfc3339(time: SystemTime) -> String {
    awsop::runtime::time::format_rfc3339(whole_seconds(time))
}

/// A cache file as `aws sso login` writes it, expiring at `expires_at`.
fn write_token(home: &TempHome, key: &str, expires_at: SystemTime, now: SystemTime) -> String {
    let file = format!(".aws/sso/cache/{}.json", SsoTokenCache::file_stem(key));
    home.write(&file, &format!(
        r#"{{"startUrl":"https://corp.awsapps.com/start","region":"eu-west-1","accessToken":"access-1",
            "expiresAt":"{}","clientId":"client-1","clientSecret":"client-secret-1",
            "registrationExpiresAt":"{}","refreshToken":"refresh-1","scopes":["sso:account:access"]}}"#,
        rfc3339(expires_at),
        rfc3339(now + Duration::from_secs(90 * 86400)),
    ))
}

async fn provider(env: &Env, clock: &Arc<ManualClock>) -> SsoCredentials {
    let set = ProfileSet::load(env).await.unwrap();
    let Some(ProfileChain {
        base: BaseSource::Sso(config),
        ..
    }) = ProfileChain::resolve(&set).unwrap()
    else {
        panic!("not an SSO profile")
    };
    let cx = SourceContext::new(env.clone(), Some(Arc::new(set))).with_time_source(clock.clone());
    SsoCredentials::new(config, &cx).unwrap()
}

fn start() -> SystemTime {
    whole_seconds(SystemTime::now())
}

#[tokio::test]
async fn a_cached_token_is_exchanged_for_role_credentials_unsigned() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    let home = TempHome::new("sso-valid");
    write_token(&home, "corp", now + Duration::from_secs(3600), now);
    let provider = provider(&env(&home, SESSION_CONFIG, "dev", &sso), &clock).await;
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(
        (creds.access_key_id(), creds.session_token()),
        ("ASIAFROMSSO", Some("sso-session"))
    );
    assert_eq!(creds.expiry(), Some(now + Duration::from_secs(3600)));
    let calls = sso.server.to("/federation/credentials");
    assert_eq!(calls.len(), 1);
    let call = &calls[0];
    assert_eq!(
        (call.query("role_name"), call.query("account_id")),
        (Some("Developer"), Some("111122223333"))
    );
    assert_eq!(call.header("x-amz-sso_bearer_token"), Some("access-1"));
    assert!(
        call.header("authorization").is_none(),
        "the portal call is not signed"
    );
    assert!(call.header("x-amz-security-token").is_none());
    assert!(
        sso.server.to("/token").is_empty(),
        "no refresh for a fresh token"
    );
    // Cached: a second load asks nobody.
    provider.provide_credentials().await.unwrap();
    assert_eq!(sso.server.requests().len(), 1);
}

#[tokio::test]
async fn an_expiring_token_is_refreshed_and_the_cache_rewritten() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    let home = TempHome::new("sso-refresh");
    let file = write_token(&home, "corp", now + Duration::from_secs(120), now);
    let provider = provider(&env(&home, SESSION_CONFIG, "dev", &sso), &clock).await;
    let creds = provider.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), "ASIAFROMSSO");

    let refreshes = sso.server.to("/token");
    assert_eq!(refreshes.len(), 1);
    assert!(
        refreshes[0].header("authorization").is_none(),
        "CreateToken is not signed"
    );
    let portal = sso.server.to("/federation/credentials");
    assert_eq!(portal[0].header("x-amz-sso_bearer_token"), Some("access-2"));

    let cached: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(cached["accessToken"], "access-2");
    assert_eq!(cached["refreshToken"], "refresh-2");
    assert_eq!(
        cached["expiresAt"],
        rfc3339(now + Duration::from_secs(28800))
    );
    assert_eq!(
        cached["clientSecret"], "client-secret-1",
        "the registration is kept"
    );
    assert_eq!(
        cached["scopes"][0], "sso:account:access",
        "fields we do not know are kept"
    );
    // Written by rename: no temporary file is left beside it.
    let dir = std::path::Path::new(&file).parent().unwrap();
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by the owner only");
    }
}

#[tokio::test]
async fn a_failing_refresh_keeps_the_valid_token_and_is_tried_at_most_every_30_s() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    *sso.oidc_down.lock().unwrap() = true;
    // Role credentials valid 20 s: the cache goes back to the token after 10 s.
    *sso.role_ttl.lock().unwrap() = Duration::from_secs(20);
    let home = TempHome::new("sso-failing");
    write_token(&home, "corp", now + Duration::from_secs(240), now);
    let provider = provider(&env(&home, SESSION_CONFIG, "dev", &sso), &clock).await;
    let bearer = |n: usize| {
        sso.server.to("/federation/credentials")[n]
            .header("x-amz-sso_bearer_token")
            .map(str::to_owned)
    };

    provider.provide_credentials().await.unwrap();
    assert_eq!(sso.server.to("/token").len(), 1, "due: a refresh is tried");
    assert_eq!(
        bearer(0).as_deref(),
        Some("access-1"),
        "it failed: the old token, still valid, is used"
    );

    clock.advance(Duration::from_secs(11));
    provider.provide_credentials().await.unwrap();
    assert_eq!(sso.server.to("/federation/credentials").len(), 2);
    assert_eq!(
        sso.server.to("/token").len(),
        1,
        "11 s after the last attempt: not again"
    );

    clock.advance(Duration::from_secs(24));
    provider.provide_credentials().await.unwrap();
    assert_eq!(
        sso.server.to("/token").len(),
        2,
        "35 s after it: tried again"
    );

    // The service is back: the next attempt succeeds and the new token is used.
    *sso.oidc_down.lock().unwrap() = false;
    clock.advance(Duration::from_secs(31));
    provider.provide_credentials().await.unwrap();
    assert_eq!(sso.server.to("/token").len(), 3);
    assert_eq!(bearer(3).as_deref(), Some("access-2"));
}

#[tokio::test]
async fn an_expired_token_that_cannot_be_refreshed_says_to_log_in() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    *sso.oidc_down.lock().unwrap() = true;
    let home = TempHome::new("sso-expired");
    write_token(&home, "corp", now - Duration::from_secs(60), now);
    let provider = provider(&env(&home, SESSION_CONFIG, "dev", &sso), &clock).await;
    let err = provider.provide_credentials().await.unwrap_err();
    assert!(err.to_string().contains("has expired"), "{err}");
    assert!(
        err.to_string().contains("aws sso login --profile dev"),
        "{err}"
    );
    assert_eq!(sso.server.to("/token").len(), 1, "a refresh was tried");
    assert!(sso.server.to("/federation/credentials").is_empty());
}

#[tokio::test]
async fn a_corrupt_or_missing_cache_file_says_to_log_in() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    let home = TempHome::new("sso-corrupt");
    let env = env(&home, SESSION_CONFIG, "dev", &sso);
    let missing = provider(&env, &clock)
        .await
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(missing.to_string().contains("no cached token"), "{missing}");
    assert!(
        missing.to_string().contains("aws sso login --profile dev"),
        "{missing}"
    );

    let file = format!(".aws/sso/cache/{}.json", SsoTokenCache::file_stem("corp"));
    home.write(&file, r#"{"accessToken": "access-1", "expiresAt": "#);
    let err = provider(&env, &clock)
        .await
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    let text = format!("{err} {err:?}");
    assert!(
        text.contains("not a valid token file") && text.contains("aws sso login"),
        "{text}"
    );
    assert!(!text.contains("access-1"), "the file is not quoted: {text}");
    assert!(sso.server.requests().is_empty());
}

#[tokio::test]
async fn a_refused_token_says_to_log_in() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    sso.valid.lock().unwrap().clear();
    let home = TempHome::new("sso-refused");
    write_token(&home, "corp", now + Duration::from_secs(3600), now);
    let err = provider(&env(&home, SESSION_CONFIG, "dev", &sso), &clock)
        .await
        .provide_credentials()
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("UnauthorizedException (HTTP 401)"), "{text}");
    assert!(text.contains("aws sso login --profile dev"), "{text}");
}

#[tokio::test]
async fn the_legacy_form_uses_the_start_url_key_and_never_refreshes() {
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock.clone()).await;
    let home = TempHome::new("sso-legacy");
    let env = env(&home, LEGACY_CONFIG, "old", &sso);
    write_token(
        &home,
        "https://old.awsapps.com/start",
        now + Duration::from_secs(120),
        now,
    );
    let creds = provider(&env, &clock)
        .await
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(creds.access_key_id(), "ASIAFROMSSO");
    assert!(
        sso.server.to("/token").is_empty(),
        "legacy tokens are not refreshed"
    );

    write_token(
        &home,
        "https://old.awsapps.com/start",
        now - Duration::from_secs(1),
        now,
    );
    let err = provider(&env, &clock)
        .await
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("aws sso login --profile old"),
        "{err}"
    );
    assert!(sso.server.to("/token").is_empty());
}

#[tokio::test]
async fn from_env_through_sso_to_a_signed_call() {
    use awsop::datazone::{CreateUserProfile, UserType};
    use awsop_emulator::{Emulator, EmulatorConfig};
    let now = start();
    let clock = ManualClock::at(now);
    let sso = sso(clock).await;
    let emulator = Emulator::start_with(
        EmulatorConfig::builder()
            .credentials([awsop::Credentials::new(
                "ASIAFROMSSO",
                "sso-secret",
                Some("sso-session".into()),
                None,
                "x",
            )])
            .build(),
    )
    .await
    .unwrap();
    let home = TempHome::new("sso-e2e");
    write_token(
        &home,
        "corp",
        SystemTime::now() + Duration::from_secs(3600),
        now,
    );
    let mut vars: Vec<(String, String)> = Vec::new();
    for (k, v) in [
        ("HOME", home.path().to_string_lossy().into_owned()),
        ("AWS_CONFIG_FILE", home.write(".aws/config", SESSION_CONFIG)),
        ("AWS_REGION", "us-east-1".to_owned()),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            home.path().join("none").to_string_lossy().into_owned(),
        ),
        ("AWS_PROFILE", "dev".to_owned()),
        ("AWS_ENDPOINT_URL_SSO", sso.server.url.clone()),
        ("AWS_ENDPOINT_URL_DATAZONE", emulator.endpoint_url()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ] {
        vars.push((k.to_owned(), v));
    }
    // No sources given: the facade installs its own before the first call.
    let client = ClientBuilder::from_env_with(Env::from_pairs(vars))
        .await
        .unwrap()
        .build()
        .unwrap();
    let out = CreateUserProfile {
        domain_identifier: "dzd_sso".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
    .send(&client)
    .await;
    assert!(out.is_ok(), "{out:?}");
    assert_eq!(sso.server.to("/federation/credentials").len(), 1);
}
