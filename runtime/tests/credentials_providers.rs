//! Each credentials provider against real files, real child processes and a
//! local HTTP server; then the default chain's order.

mod credentials_support;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use awsop_runtime::credentials::{
    ContainerCredentials, CredentialsError, CredentialsErrorKind, DefaultCredentialsChain,
    EnvironmentCredentials, ImdsCredentials, ProcessCredentials, ProfileCredentials,
    ProvideCredentials,
};
use awsop_runtime::env::Env;
use awsop_runtime::Credentials;
use credentials_support::{creds_json, refused_url, Reply, StubServer, TempDir};

const EXPIRATION: &str = "2030-01-02T03:04:05Z";

/// `EXPIRATION` as the providers should read it.
fn expiration() -> Option<SystemTime> {
    Some(UNIX_EPOCH + Duration::from_secs(1_893_553_445))
}

/// Asks `provider` once, expecting credentials.
async fn credentials_from(provider: impl ProvideCredentials) -> Credentials {
    provider.provide_credentials().await.unwrap()
}

/// Asks `provider` once, expecting an error.
async fn error_from(provider: impl ProvideCredentials) -> CredentialsError {
    provider.provide_credentials().await.unwrap_err()
}

/// An environment isolated from the machine: HOME is the temp dir, the
/// shared files do not exist, IMDS is off; `extra` overrides.
fn env(dir: &TempDir, extra: &[(&str, &str)]) -> Env {
    let home = dir.path().to_string_lossy().into_owned();
    let mut pairs: Vec<(String, String)> = vec![
        ("HOME".into(), home),
        ("AWS_CONFIG_FILE".into(), dir.missing("no-config")),
        (
            "AWS_SHARED_CREDENTIALS_FILE".into(),
            dir.missing("no-credentials"),
        ),
        ("AWS_EC2_METADATA_DISABLED".into(), "true".into()),
    ];
    pairs.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    Env::from_pairs(pairs)
}

fn environment(dir: &TempDir, vars: &[(&str, &str)]) -> EnvironmentCredentials {
    EnvironmentCredentials::new(env(dir, vars))
}

fn profile(dir: &TempDir, vars: &[(&str, &str)]) -> ProfileCredentials {
    ProfileCredentials::new(env(dir, vars))
}

/// The profile provider reading profile `name` from the config file at `config`.
fn profile_named(dir: &TempDir, config: &str, name: &str) -> ProfileCredentials {
    profile(dir, &[("AWS_CONFIG_FILE", config), ("AWS_PROFILE", name)])
}

fn container(dir: &TempDir, vars: &[(&str, &str)]) -> ContainerCredentials {
    ContainerCredentials::new(env(dir, vars))
}

/// The container provider with only `AWS_CONTAINER_CREDENTIALS_FULL_URI` set.
fn container_at(dir: &TempDir, full_uri: &str) -> ContainerCredentials {
    container(dir, &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", full_uri)])
}

// ---------------------------------------------------------------- environment

#[tokio::test]
async fn environment_reads_the_three_variables() {
    let dir = TempDir::new("env");
    let creds = credentials_from(environment(
        &dir,
        &[
            ("AWS_ACCESS_KEY_ID", "AKIDENV"),
            ("AWS_SECRET_ACCESS_KEY", "S3CR3T"),
            ("AWS_SESSION_TOKEN", "TOKEN"),
        ],
    ))
    .await;
    assert_eq!(creds.access_key_id(), "AKIDENV");
    assert_eq!(creds.secret_access_key(), "S3CR3T");
    assert_eq!(creds.session_token(), Some("TOKEN"));
    assert_eq!(creds.provider_name(), "environment");
    assert!(!format!("{creds:?}").contains("S3CR3T"));
}

#[tokio::test]
async fn environment_unset_is_not_loaded_and_half_set_is_invalid() {
    let dir = TempDir::new("env");
    let err = error_from(environment(&dir, &[("AWS_ACCESS_KEY_ID", "  ")])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
    let err = error_from(environment(&dir, &[("AWS_ACCESS_KEY_ID", "AKID")])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(err.to_string().contains("AWS_SECRET_ACCESS_KEY"));
}

// -------------------------------------------------------------------- profile

#[tokio::test]
async fn profile_static_keys_from_the_credentials_file() {
    let dir = TempDir::new("profile");
    let config = dir.write(
        "config",
        "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n",
    );
    let credentials = dir.write(
        "credentials",
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = S3CR3T\n\n\
         [dev] ; the dev account\naws_access_key_id = AKIDDEV\naws_secret_access_key = S3CR3T2\naws_session_token = TOK\n",
    );
    let files = [
        ("AWS_CONFIG_FILE", config.as_str()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.as_str()),
    ];

    let creds = credentials_from(profile(&dir, &files)).await;
    assert_eq!(creds.access_key_id(), "AKIDDEFAULT");
    assert_eq!(creds.session_token(), None);
    assert_eq!(creds.provider_name(), "profile");

    let mut with_profile = files.to_vec();
    with_profile.push(("AWS_PROFILE", "dev"));
    let creds = credentials_from(profile(&dir, &with_profile)).await;
    assert_eq!(creds.access_key_id(), "AKIDDEV");
    assert_eq!(creds.secret_access_key(), "S3CR3T2");
    assert_eq!(creds.session_token(), Some("TOK"));
}

#[tokio::test]
async fn profile_keys_in_the_config_file_and_home_expansion() {
    let dir = TempDir::new("profile");
    std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
    dir.write(
        ".aws/config",
        "[profile work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = S3CR3T\n",
    );
    let creds = credentials_from(profile(
        &dir,
        &[
            ("AWS_CONFIG_FILE", "~/.aws/config"),
            ("AWS_PROFILE", "work"),
        ],
    ))
    .await;
    assert_eq!(creds.access_key_id(), "AKIDWORK");
}

#[tokio::test]
async fn profile_missing_default_is_not_loaded_but_missing_named_profile_is_invalid() {
    let dir = TempDir::new("profile");
    let err = error_from(profile(&dir, &[])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);

    let err = error_from(profile(&dir, &[("AWS_PROFILE", "nope")])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(err.to_string().contains("`nope`"), "{err}");
}

#[tokio::test]
async fn profile_without_credentials_is_not_loaded() {
    let dir = TempDir::new("profile");
    let config = dir.write("config", "[default]\nregion = us-east-1\n");
    let err = error_from(profile(&dir, &[("AWS_CONFIG_FILE", &config)])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
}

#[tokio::test]
async fn profile_with_half_a_key_pair_is_invalid() {
    let dir = TempDir::new("profile");
    let credentials = dir.write("credentials", "[default]\naws_access_key_id = AKID\n");
    let err = error_from(profile(
        &dir,
        &[("AWS_SHARED_CREDENTIALS_FILE", &credentials)],
    ))
    .await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
}

#[tokio::test]
async fn profile_needing_a_service_without_sources_is_a_clear_error() {
    // The runtime alone cannot call STS or IAM Identity Center: without
    // CredentialsSources (the facade's), the error says what is missing.
    let dir = TempDir::new("profile");
    for (body, expected) in [
        (
            "role_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Environment",
            "assumes a role",
        ),
        (
            "web_identity_token_file = /var/token\nrole_arn = arn:aws:iam::123456789012:role/R",
            "web identity",
        ),
        (
            "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n\
             sso_account_id = 123456789012\nsso_role_name = Admin",
            "IAM Identity Center",
        ),
        (
            "sso_start_url = https://example.awsapps.com/start",
            "sso_account_id and sso_role_name",
        ),
    ] {
        let config = dir.write("config", &format!("[profile x]\n{body}\n"));
        let err = error_from(profile_named(&dir, &config, "x")).await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{body}"
        );
        assert!(err.to_string().contains(expected), "{err}");
        if expected != "sso_account_id and sso_role_name" {
            assert!(err.to_string().contains("awsop facade"), "{err}");
        }
    }
}

#[tokio::test]
async fn profile_file_parse_error_names_file_and_line() {
    let dir = TempDir::new("profile");
    let config = dir.write("config", "[default]\nregion = us-east-1\n[profile broken\n");
    let err = error_from(profile(&dir, &[("AWS_CONFIG_FILE", &config)])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    let text = err.to_string();
    assert!(text.contains(&config) && text.contains("line 3"), "{text}");
}

// -------------------------------------------------------------------- process

fn process_json(id: &str, expiration: Option<&str>) -> String {
    let expiration = expiration
        .map(|e| format!(r#","Expiration":"{e}""#))
        .unwrap_or_default();
    format!(
        r#"{{"Version":1,"AccessKeyId":"{id}","SecretAccessKey":"S3CR3T","SessionToken":"TOK"{expiration}}}"#
    )
}

#[tokio::test]
async fn process_success_with_expiry() {
    let command = format!(
        "printf '%s' '{}'",
        process_json("AKIDPROC", Some(EXPIRATION))
    );
    let creds = credentials_from(ProcessCredentials::new(command)).await;
    assert_eq!(creds.access_key_id(), "AKIDPROC");
    assert_eq!(creds.secret_access_key(), "S3CR3T");
    assert_eq!(creds.session_token(), Some("TOK"));
    assert_eq!(creds.expiry(), expiration());
    assert_eq!(creds.provider_name(), "process");
}

#[tokio::test]
async fn process_runs_through_the_shell() {
    // A pipeline only works when the command line goes through `sh -c`.
    let command = format!("printf '%s' '{}' | cat", process_json("AKIDPIPE", None));
    let creds = credentials_from(ProcessCredentials::new(command)).await;
    assert_eq!(creds.access_key_id(), "AKIDPIPE");
    assert_eq!(creds.expiry(), None);
}

#[tokio::test]
async fn process_bad_json_is_an_error_that_does_not_echo_the_output() {
    for output in [
        "not json at all S3CR3T",
        r#"{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T""#,
        r#"{"Version":2,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T"}"#,
        r#"{"Version":1,"SecretAccessKey":"S3CR3T"}"#,
        r#"{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T","Expiration":"tomorrow S3CR3T"}"#,
    ] {
        let err = error_from(ProcessCredentials::new(format!("printf '%s' '{output}'"))).await;
        assert_eq!(err.kind(), CredentialsErrorKind::ProviderError, "{output}");
        assert!(!err.to_string().contains("S3CR3T"), "{err}");
        assert!(!format!("{err:?}").contains("S3CR3T"), "{err:?}");
    }
}

#[tokio::test]
async fn process_non_zero_exit_is_an_error() {
    let command = format!("printf '%s' '{}'; exit 3", process_json("AKID", None));
    let err = error_from(ProcessCredentials::new(command)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    assert!(err.to_string().contains("exit code 3"), "{err}");
    assert!(!err.to_string().contains("S3CR3T"));
}

#[tokio::test]
async fn process_timeout_kills_a_hanging_command() {
    let started = Instant::now();
    let provider = ProcessCredentials::new("sleep 30").with_timeout(Duration::from_millis(300));
    let err = error_from(provider).await;
    assert_eq!(err.kind(), CredentialsErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn process_debug_hides_the_command_line() {
    let provider = ProcessCredentials::new("helper --password hunter2");
    assert!(!format!("{provider:?}").contains("hunter2"));
}

#[tokio::test]
async fn profile_credential_process_runs_the_command() {
    let dir = TempDir::new("process");
    let json_file = dir.write(
        "creds.json",
        &process_json("AKIDFROMPROFILE", Some(EXPIRATION)),
    );
    let config = dir.write(
        "config",
        &format!("[profile helper]\ncredential_process = cat {json_file}\n"),
    );
    let creds = credentials_from(profile_named(&dir, &config, "helper")).await;
    assert_eq!(creds.access_key_id(), "AKIDFROMPROFILE");
    assert_eq!(creds.provider_name(), "process");
    assert!(creds.expiry().is_some());

    // Static keys in the same profile win over credential_process.
    let config = dir.write(
        "config",
        "[profile helper]\ncredential_process = exit 1\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = S\n",
    );
    let creds = credentials_from(profile_named(&dir, &config, "helper")).await;
    assert_eq!(creds.access_key_id(), "AKIDSTATIC");
}

// ------------------------------------------------------------------ container

async fn container_server() -> StubServer {
    StubServer::start(|req| {
        if req.method == "GET" && req.path.starts_with("/creds") {
            Reply::Respond(200, creds_json("AKIDCONTAINER", EXPIRATION))
        } else {
            Reply::Respond(404, "{}".into())
        }
    })
    .await
}

#[tokio::test]
async fn container_full_uri_with_token() {
    let dir = TempDir::new("container");
    let server = container_server().await;
    let url = format!("{}/creds/full", server.base_url);
    let creds = credentials_from(container(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &url),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic abc"),
        ],
    ))
    .await;
    assert_eq!(creds.access_key_id(), "AKIDCONTAINER");
    assert_eq!(creds.secret_access_key(), "S3CR3T-AKIDCONTAINER");
    assert_eq!(creds.session_token(), Some("TOKEN-AKIDCONTAINER"));
    assert_eq!(creds.expiry(), expiration());
    assert_eq!(creds.provider_name(), "container");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/creds/full");
    assert_eq!(requests[0].header("authorization"), Some("Basic abc"));
}

#[tokio::test]
async fn container_token_file_wins_over_token_variable() {
    let dir = TempDir::new("container");
    let server = container_server().await;
    let token_file = dir.write("token", "from-file\n");
    let url = format!("{}/creds", server.base_url);
    credentials_from(container(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &url),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-variable"),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token_file),
        ],
    ))
    .await;
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("from-file")
    );
}

#[tokio::test]
async fn container_relative_uri_wins_over_full_uri() {
    let dir = TempDir::new("container");
    let server = container_server().await;
    let full = format!("{}/elsewhere", server.base_url);
    let provider = container(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/creds/v2/abc"),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &full),
        ],
    );
    let creds = credentials_from(provider.with_relative_uri_base(server.base_url.clone())).await;
    assert_eq!(creds.access_key_id(), "AKIDCONTAINER");
    let requests = server.requests();
    assert_eq!(requests[0].path, "/creds/v2/abc");
    assert_eq!(requests[0].header("authorization"), None);
}

#[tokio::test]
async fn container_full_uri_host_rules() {
    let dir = TempDir::new("container");
    for bad in [
        "http://169.254.169.254/creds",
        "http://10.0.0.1/creds",
        "http://[fd00:ec2::254]/creds",
        "ftp://127.0.0.1/x",
        "not a url",
    ] {
        let err = error_from(container_at(&dir, bad)).await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{bad}"
        );
    }
    // https is allowed for any host: this one fails at the TLS handshake
    // (the stub speaks plain HTTP), not at validation.
    let server = container_server().await;
    let https = server.base_url.replace("http://", "https://") + "/creds";
    let err = error_from(container_at(&dir, &https)).await;
    assert_ne!(
        err.kind(),
        CredentialsErrorKind::InvalidConfiguration,
        "{err}"
    );
}

#[tokio::test]
async fn container_unset_is_not_loaded_and_failures_are_errors() {
    let dir = TempDir::new("container");
    let err = error_from(container(&dir, &[])).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);

    let server = StubServer::start(|req| match req.path.as_str() {
        "/500" => Reply::Respond(500, "{}".into()),
        _ => Reply::Respond(
            200,
            r#"{"AccessKeyId":"AKID","SecretAccessKey":"S3CR3T""#.into(),
        ),
    })
    .await;
    let err = error_from(container_at(&dir, &format!("{}/500", server.base_url))).await;
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    assert!(err.to_string().contains("500"), "{err}");

    let err = error_from(container_at(&dir, &format!("{}/bad", server.base_url))).await;
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    assert!(!err.to_string().contains("S3CR3T"));

    let refused = refused_url().await + "/creds";
    let err = error_from(container_at(&dir, &refused)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
}

#[tokio::test]
async fn container_timeout_when_the_endpoint_never_answers() {
    let dir = TempDir::new("container");
    let server = StubServer::start(|_| Reply::Hang).await;
    let started = Instant::now();
    let full_uri = format!("{}/creds", server.base_url);
    let env = env(&dir, &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", &full_uri)]);
    let half_a_second = Duration::from_millis(500);
    let provider = ContainerCredentials::with_timeouts(env, half_a_second, half_a_second);
    let err = error_from(provider).await;
    assert_eq!(err.kind(), CredentialsErrorKind::Timeout, "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

// ----------------------------------------------------------------------- IMDS

async fn imds_server(role_status: u16, creds_body: String) -> StubServer {
    StubServer::start(move |req| match (req.method.as_str(), req.path.as_str()) {
        ("PUT", "/latest/api/token") => {
            if req.header("x-aws-ec2-metadata-token-ttl-seconds") == Some("21600") {
                Reply::Respond(200, "IMDSTOKEN".into())
            } else {
                Reply::Respond(400, "missing ttl".into())
            }
        }
        _ if req.header("x-aws-ec2-metadata-token") != Some("IMDSTOKEN") => {
            Reply::Respond(401, String::new())
        }
        ("GET", "/latest/meta-data/iam/security-credentials/") => {
            Reply::Respond(role_status, "my-role\n".into())
        }
        ("GET", "/latest/meta-data/iam/security-credentials/my-role") => {
            Reply::Respond(200, creds_body.clone())
        }
        _ => Reply::Respond(404, String::new()),
    })
    .await
}

/// The IMDS provider, enabled and pointed at `endpoint`.
fn imds_at(dir: &TempDir, endpoint: &str) -> ImdsCredentials {
    ImdsCredentials::new(env(
        dir,
        &[
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint),
        ],
    ))
}

#[tokio::test]
async fn imds_token_role_and_credentials() {
    let dir = TempDir::new("imds");
    let server = imds_server(200, creds_json("AKIDIMDS", EXPIRATION)).await;
    let creds = credentials_from(imds_at(&dir, &format!("{}/", server.base_url))).await;
    assert_eq!(creds.access_key_id(), "AKIDIMDS");
    assert_eq!(creds.session_token(), Some("TOKEN-AKIDIMDS"));
    assert_eq!(creds.expiry(), expiration());
    assert_eq!(creds.provider_name(), "imds");
    let paths: Vec<_> = server
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    assert_eq!(
        paths,
        [
            ("PUT".to_owned(), "/latest/api/token".to_owned()),
            (
                "GET".to_owned(),
                "/latest/meta-data/iam/security-credentials/".to_owned()
            ),
            (
                "GET".to_owned(),
                "/latest/meta-data/iam/security-credentials/my-role".to_owned()
            ),
        ]
    );
}

#[tokio::test]
async fn imds_disabled_sends_nothing() {
    let dir = TempDir::new("imds");
    let server = imds_server(200, creds_json("AKIDIMDS", EXPIRATION)).await;
    for value in ["true", "TRUE", "True"] {
        let env = env(
            &dir,
            &[
                ("AWS_EC2_METADATA_DISABLED", value),
                ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.base_url),
            ],
        );
        let err = error_from(ImdsCredentials::new(env)).await;
        assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn imds_that_never_answers_is_not_loaded_within_two_seconds() {
    let dir = TempDir::new("imds");
    let server = StubServer::start(|_| Reply::Hang).await;
    let started = Instant::now();
    let err = error_from(imds_at(&dir, &server.base_url)).await;
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded, "{err}");
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn imds_unreachable_is_not_loaded() {
    let dir = TempDir::new("imds");
    let err = error_from(imds_at(&dir, &refused_url().await)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
}

#[tokio::test]
async fn imds_forbidden_token_or_no_role_is_not_loaded() {
    let dir = TempDir::new("imds");
    let forbidden = StubServer::start(|_| Reply::Respond(403, String::new())).await;
    let err = error_from(imds_at(&dir, &forbidden.base_url)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);

    let no_role = imds_server(404, String::new()).await;
    let err = error_from(imds_at(&dir, &no_role.base_url)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
    assert!(err.to_string().contains("role"), "{err}");
}

#[tokio::test]
async fn imds_failure_code_is_an_error() {
    let dir = TempDir::new("imds");
    let server = imds_server(
        200,
        r#"{"Code":"AssumeRoleUnauthorizedAccess","AccessKeyId":"A","SecretAccessKey":"S3CR3T"}"#
            .into(),
    )
    .await;
    let err = error_from(imds_at(&dir, &server.base_url)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::ProviderError);
    assert!(!err.to_string().contains("S3CR3T"));
}

#[tokio::test]
async fn imds_bad_endpoint_mode_is_invalid() {
    let dir = TempDir::new("imds");
    let env = env(
        &dir,
        &[
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5"),
        ],
    );
    let err = error_from(ImdsCredentials::new(env)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
}

// ---------------------------------------------------------------------- chain

struct ChainFixture {
    dir: TempDir,
    container: StubServer,
    imds: StubServer,
    config: String,
}

impl ChainFixture {
    async fn new() -> Self {
        let dir = TempDir::new("chain");
        let config = dir.write(
            "config",
            "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = S3CR3T\n",
        );
        let container =
            StubServer::start(|_| Reply::Respond(200, creds_json("AKIDCONTAINER", EXPIRATION)))
                .await;
        let imds = imds_server(200, creds_json("AKIDIMDS", EXPIRATION)).await;
        ChainFixture {
            dir,
            container,
            imds,
            config,
        }
    }

    /// Every source configured, minus those in `without`.
    fn env(&self, without: &[&str]) -> Env {
        let container_url = format!("{}/creds", self.container.base_url);
        let all: Vec<(&str, &str)> = vec![
            ("AWS_ACCESS_KEY_ID", "AKIDENV"),
            ("AWS_SECRET_ACCESS_KEY", "S3CR3T"),
            ("AWS_CONFIG_FILE", &self.config),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &container_url),
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &self.imds.base_url),
        ];
        let kept: Vec<(&str, &str)> = all
            .into_iter()
            .filter(|(k, _)| !without.contains(k))
            .collect();
        env(&self.dir, &kept)
    }

    async fn first(&self, without: &[&str]) -> String {
        let creds = credentials_from(DefaultCredentialsChain::new(self.env(without))).await;
        creds.access_key_id().to_owned()
    }
}

#[tokio::test]
async fn chain_order_env_profile_container_imds() {
    let f = ChainFixture::new().await;
    assert_eq!(f.first(&[]).await, "AKIDENV");
    assert_eq!(
        f.first(&["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
            .await,
        "AKIDPROFILE"
    );
    assert!(f.container.requests().is_empty() && f.imds.requests().is_empty());
    assert_eq!(
        f.first(&[
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_CONFIG_FILE"
        ])
        .await,
        "AKIDCONTAINER"
    );
    assert!(f.imds.requests().is_empty());
    assert_eq!(
        f.first(&[
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_CONFIG_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI"
        ])
        .await,
        "AKIDIMDS"
    );
}

#[tokio::test]
async fn chain_with_nothing_configured_says_no_credentials_found() {
    let dir = TempDir::new("chain");
    let env = env(
        &dir,
        &[
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &refused_url().await),
        ],
    );
    let err = error_from(DefaultCredentialsChain::new(env)).await;
    assert_eq!(err.kind(), CredentialsErrorKind::NotLoaded);
    let text = err.to_string();
    assert!(text.contains("no credentials found"), "{text}");
    for source in ["environment", "profile", "container", "IMDS"] {
        assert!(text.contains(source), "{text}");
    }
}

#[tokio::test]
async fn chain_stops_at_a_misconfigured_profile() {
    let f = ChainFixture::new().await;
    let role = f.dir.write(
        "role-config",
        "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\n",
    );
    let mut env_pairs = vec![
        ("AWS_CONFIG_FILE", role.as_str()),
        ("AWS_PROFILE", "r"),
        ("AWS_EC2_METADATA_DISABLED", "false"),
        (
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            f.imds.base_url.as_str(),
        ),
    ];
    let container_url = format!("{}/creds", f.container.base_url);
    env_pairs.push(("AWS_CONTAINER_CREDENTIALS_FULL_URI", &container_url));
    let err = error_from(DefaultCredentialsChain::new(env(&f.dir, &env_pairs))).await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(f.container.requests().is_empty() && f.imds.requests().is_empty());
}

#[tokio::test]
async fn chain_can_be_extended() {
    let dir = TempDir::new("chain");
    let chain = DefaultCredentialsChain::new(env(&dir, &[]))
        .into_chain()
        .insert(
            0,
            awsop_runtime::Credentials::new("AKIDFIRST", "S", None, None, "static"),
        );
    // environment, web identity, profile, container, IMDS, and the one added.
    assert_eq!(chain.providers().len(), 6);
    assert_eq!(
        chain.provide_credentials().await.unwrap().access_key_id(),
        "AKIDFIRST"
    );
}
