//! Issue 17, attack 6: hostile endpoint URLs in the environment. One strict
//! routine parses `AWS_ENDPOINT_URL*`, `AWS_CONTAINER_CREDENTIALS_FULL_URI`
//! and `AWS_EC2_METADATA_SERVICE_ENDPOINT`; what it refuses is never sent
//! to, and its errors never repeat a password or a query value.

mod credentials_support;

use awsop_runtime::credentials::{
    ContainerCredentials, CredentialsError, CredentialsErrorKind, ImdsCredentials,
    ProvideCredentials,
};
use awsop_runtime::endpoint::{Endpoint, EndpointConfig};
use awsop_runtime::env::Env;
use credentials_support::{creds_json, Reply, StubServer, TempDir};

fn env_with(dir: &TempDir, vars: &[(&str, &str)]) -> Env {
    let mut pairs = vec![
        ("HOME".to_owned(), dir.path().to_string_lossy().into_owned()),
        ("AWS_CONFIG_FILE".to_owned(), dir.missing("no-config")),
        (
            "AWS_SHARED_CREDENTIALS_FILE".to_owned(),
            dir.missing("no-credentials"),
        ),
    ];
    pairs.extend(vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    Env::from_pairs(pairs)
}

async fn container_error(full_uri: &str, token: &str) -> CredentialsError {
    let dir = TempDir::new("endpoint-container");
    let env = env_with(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", full_uri),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", token),
        ],
    );
    ContainerCredentials::new(env)
        .provide_credentials()
        .await
        .unwrap_err()
}

async fn imds_error(endpoint: &str) -> CredentialsError {
    let dir = TempDir::new("endpoint-imds");
    let env = env_with(&dir, &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint)]);
    ImdsCredentials::new(env)
        .provide_credentials()
        .await
        .unwrap_err()
}

fn endpoint_url_error(url: &str) -> String {
    let env = Env::from_pairs([("AWS_ENDPOINT_URL_DATAZONE", url)]);
    let config = EndpointConfig::from_env(&env, None, "DataZone").unwrap();
    assert_eq!(config.configured_url(), None, "{url} was accepted");
    Endpoint::parse(url).unwrap_err().to_string()
}

/// A stub that would hand out credentials, to show nothing reaches it.
async fn stub() -> StubServer {
    StubServer::start(|_| Reply::Respond(200, creds_json("AKID", "2030-01-01T00:00:00Z"))).await
}

#[tokio::test]
async fn a_port_over_65535_in_the_container_full_uri_is_refused_and_the_token_is_not_sent() {
    let server = stub().await;
    let port: u32 = server.base_url.rsplit(':').next().unwrap().parse().unwrap();
    // `http::Uri` read port 65536 + p as no port at all, and sent the
    // token to port 80. Every spelling over 65535 is refused.
    for over in [65_536 + port, 65_536, 70_000, 99_999] {
        let url = format!("http://127.0.0.1:{over}/creds");
        let err = container_error(&url, "Bearer SECRET-TOKEN").await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{url}"
        );
        assert!(err.to_string().contains("invalid port"), "{err}");
        assert!(!err.to_string().contains("SECRET-TOKEN"), "{err}");
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn a_port_over_65535_in_the_imds_endpoint_is_refused() {
    for endpoint in [
        "http://127.0.0.1:65536",
        "http://127.0.0.1:99999/",
        "http://[::1]:70000",
    ] {
        let err = imds_error(endpoint).await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{endpoint}"
        );
        let message = err.to_string();
        assert!(message.contains("invalid port"), "{message}");
        assert!(
            message.contains("AWS_EC2_METADATA_SERVICE_ENDPOINT"),
            "{message}"
        );
    }
    assert!(endpoint_url_error("http://127.0.0.1:65536").contains("invalid port"));
}

#[tokio::test]
async fn a_bracketed_ipv4_address_is_not_an_ipv6_literal() {
    // `[1.2.3.4]` used to pass the bracketed-host branch and connect to IPv4.
    let err = container_error("http://[127.0.0.1]/creds", "t").await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(err.to_string().contains("invalid IPv6 address"), "{err}");
    let err = imds_error("http://[169.254.169.254]").await;
    assert!(err.to_string().contains("invalid IPv6 address"), "{err}");
    assert!(endpoint_url_error("http://[1.2.3.4]").contains("invalid IPv6 address"));
}

#[tokio::test]
async fn a_bracketed_dns_name_is_not_an_ipv6_literal() {
    // `[deadbeef.cafe]` used to pass and be looked up in DNS.
    let err = container_error("http://[deadbeef.cafe]/creds", "t").await;
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(err.to_string().contains("invalid IPv6 address"), "{err}");
    let err = imds_error("http://[deadbeef.cafe]").await;
    assert!(err.to_string().contains("invalid IPv6 address"), "{err}");
    assert!(endpoint_url_error("https://[deadbeef.cafe]").contains("invalid IPv6 address"));
    // Real IPv6 literals still work, e.g. EKS Pod Identity's.
    assert!(Endpoint::parse("http://[fd00:ec2::23]/v1/credentials").is_ok());
}

#[tokio::test]
async fn percent_encoded_dot_segments_are_refused_in_endpoint_paths() {
    // Labels refused `%2e%2e` but endpoint paths accepted it.
    for path in ["/%2e%2e/admin", "/a/%2E%2E/b", "/.%2e", "/%2e", "/a/..%2fb"] {
        let url = format!("https://proxy.example.com{path}");
        assert!(endpoint_url_error(&url).contains("segments"), "{url}");
        let err = container_error(&format!("http://127.0.0.1:1{path}"), "t").await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{path}"
        );
        assert!(err.to_string().contains("segments"), "{err}");
    }
}

#[tokio::test]
async fn errors_never_echo_a_password_in_the_url() {
    for url in [
        "http://admin:secret@proxy",
        "http://admin:secret@proxy:99999/x",
        "admin:secret@proxy",
    ] {
        let shown = endpoint_url_error(url);
        assert!(!shown.contains("secret"), "{shown}");
        assert!(!container_error(url, "t")
            .await
            .to_string()
            .contains("secret"));
        assert!(!imds_error(url).await.to_string().contains("secret"));
    }
}

#[tokio::test]
async fn errors_never_echo_a_query_value() {
    let url = "https://datazone.example.com/?X-Amz-Security-Token=FQoGZXIvYXdzSECRET";
    let shown = endpoint_url_error(url);
    assert!(!shown.contains("FQoGZXIvYXdzSECRET"), "{shown}");
    assert!(shown.contains("X-Amz-Security-Token=***"), "{shown}");
    let err = imds_error(url).await.to_string();
    assert!(!err.contains("FQoGZXIvYXdzSECRET"), "{err}");
    // The container endpoint may have a query, but a URL refused for
    // another reason does not show its values either.
    let err = container_error("http://127.0.0.1:99999/c?token=SECRETVALUE", "t")
        .await
        .to_string();
    assert!(
        !err.contains("SECRETVALUE") && err.contains("token=***"),
        "{err}"
    );
}

#[tokio::test]
async fn numeric_hosts_that_resolvers_read_differently_are_refused() {
    for host in ["127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1"] {
        let url = format!("http://{host}/creds");
        let err = container_error(&url, "t").await;
        assert_eq!(
            err.kind(),
            CredentialsErrorKind::InvalidConfiguration,
            "{url}"
        );
        assert!(err.to_string().contains("IPv4"), "{err}");
    }
}

#[tokio::test]
async fn a_container_uri_with_a_query_still_works() {
    let server = stub().await;
    let dir = TempDir::new("endpoint-query");
    let url = format!("{}/creds?id=1", server.base_url);
    let env = env_with(&dir, &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", &url)]);
    let creds = ContainerCredentials::new(env)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(creds.access_key_id(), "AKID");
    assert_eq!(server.requests()[0].path, "/creds?id=1");
}
