//! Issue 17, attack 5: hostile local files. A FIFO named as a config or
//! token file must fail at once instead of blocking past every timeout, and
//! a huge (sparse) file must be refused without being read into memory.

mod credentials_support;

use std::time::{Duration, Instant};

use awsop_runtime::credentials::{ContainerCredentials, CredentialsErrorKind, ProvideCredentials};
use awsop_runtime::env::Env;
use awsop_runtime::profile::ProfileSet;
use awsop_runtime::ClientBuilder;
use credentials_support::{creds_json, Reply, StubServer, TempDir};

/// Makes a FIFO with the system's `mkfifo` (std has no safe call for it).
fn fifo(dir: &TempDir, name: &str) -> String {
    let path = dir.missing(name);
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    path
}

/// A 300 MiB file that takes no disk space.
fn sparse(dir: &TempDir, name: &str) -> String {
    let path = dir.missing(name);
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(300 * 1024 * 1024).unwrap();
    path
}

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

/// Runs `future`, failing the test if it blocks for more than two seconds.
async fn promptly<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(2), future)
        .await
        .expect("blocked instead of failing")
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_as_aws_config_file_errors_promptly() {
    let dir = TempDir::new("fifo-config");
    let pipe = fifo(&dir, "config");
    let env = env_with(&dir, &[("AWS_CONFIG_FILE", &pipe)]);
    let err = promptly(ProfileSet::load(&env)).await.unwrap_err();
    let message = err.to_string();
    assert!(message.contains("not a regular file"), "{message}");
    assert!(message.contains(&pipe), "{message}");
    // The same through the client's configuration chain.
    let err = promptly(ClientBuilder::from_env_with(env))
        .await
        .err()
        .expect("refused");
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_as_the_credentials_file_errors_promptly() {
    let dir = TempDir::new("fifo-credentials");
    let pipe = fifo(&dir, "credentials");
    let env = env_with(&dir, &[("AWS_SHARED_CREDENTIALS_FILE", &pipe)]);
    let err = promptly(ProfileSet::load(&env)).await.unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_as_the_container_token_file_errors_promptly() {
    let dir = TempDir::new("fifo-token");
    let server =
        StubServer::start(|_| Reply::Respond(200, creds_json("AKID", "2030-01-01T00:00:00Z")))
            .await;
    let pipe = fifo(&dir, "token");
    let url = format!("{}/creds", server.base_url);
    let provider = ContainerCredentials::new(env_with(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &url),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &pipe),
        ],
    ));
    let err = promptly(provider.provide_credentials()).await.unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(
        server.requests().is_empty(),
        "nothing is sent without the token"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn a_device_as_a_config_file_is_refused() {
    let dir = TempDir::new("device");
    let env = env_with(&dir, &[("AWS_SHARED_CREDENTIALS_FILE", "/dev/zero")]);
    let err = promptly(ProfileSet::load(&env)).await.unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[tokio::test]
async fn a_300_mib_sparse_config_file_is_refused_without_reading_it() {
    let dir = TempDir::new("sparse-config");
    let big = sparse(&dir, "config");
    let env = env_with(&dir, &[("AWS_CONFIG_FILE", &big)]);
    let started = Instant::now();
    let err = promptly(ProfileSet::load(&env)).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("larger than the 4194304-byte limit"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn a_300_mib_sparse_token_file_is_refused_without_reading_it() {
    let dir = TempDir::new("sparse-token");
    let server =
        StubServer::start(|_| Reply::Respond(200, creds_json("AKID", "2030-01-01T00:00:00Z")))
            .await;
    let big = sparse(&dir, "token");
    let url = format!("{}/creds", server.base_url);
    let provider = ContainerCredentials::new(env_with(
        &dir,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &url),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &big),
        ],
    ));
    let err = promptly(provider.provide_credentials()).await.unwrap_err();
    assert_eq!(err.kind(), CredentialsErrorKind::InvalidConfiguration);
    assert!(
        err.to_string().contains("larger than the 65536-byte limit"),
        "{err}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn a_directory_as_a_config_file_is_refused() {
    let dir = TempDir::new("directory");
    let path = dir.path().to_string_lossy().into_owned();
    let env = env_with(&dir, &[("AWS_CONFIG_FILE", &path)]);
    let err = promptly(ProfileSet::load(&env)).await.unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[tokio::test]
async fn config_file_paths_are_shown_escaped() {
    let dir = TempDir::new("escaped-path");
    std::fs::create_dir(dir.path().join("x\u{1b}[2J")).unwrap();
    let path = dir.path().join("x\u{1b}[2J").to_string_lossy().into_owned();
    let env = env_with(&dir, &[("AWS_CONFIG_FILE", &path)]);
    let err = ProfileSet::load(&env).await.unwrap_err().to_string();
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("x\\u{1b}[2J"), "{err:?}");
}
