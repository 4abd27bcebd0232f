//! Record and replay: real exchanges with the emulator are written to a
//! file by `Recorder`, secrets left out, and served back by
//! `ReplayClient::from_file` with the emulator gone.

use std::path::PathBuf;

use awsop::datazone::{
    CreateUserProfile, GetUserProfile, SearchUserProfiles, UserSearchType, UserType,
};
use awsop::mock::{Recorder, ReplayClient};
use awsop::runtime::token::SequentialTokens;
use awsop::runtime::transport::{HyperClient, TransportSettings};
use awsop::{Client, Credentials, ErrorKind};
use awsop_emulator::{Emulator, EmulatorConfig};

const DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";
const ROLE: &str = "arn:aws:iam::123456789012:role/DataScientist";
const SECRET_KEY: &str = "emulator/secret+KEY";
const SESSION_TOKEN: &str = "session-token-never-written";

fn recording_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("record_replay-{}-{name}.json", std::process::id()))
}

/// What the test does, recorded or replayed: a create, a get and a search.
async fn calls(client: &Client) -> (String, Option<String>, usize) {
    let created = CreateUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: ROLE.into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
    .send(client)
    .await
    .expect("created");
    let id = created.id.expect("an id");
    let got = GetUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: id.clone(),
        ..Default::default()
    }
    .send(client)
    .await
    .expect("got");
    let found = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneIamUser)
        .paginate(client)
        .collect_items()
        .await
        .expect("searched");
    (id, got.id, found.len())
}

#[tokio::test]
async fn a_recorded_exchange_replays_without_the_emulator() {
    let path = recording_path("roundtrip");
    let credentials = Credentials::new(
        "AKIDRECORD",
        SECRET_KEY,
        Some(SESSION_TOKEN.into()),
        None,
        "test",
    );
    let emulator = Emulator::start_with(
        EmulatorConfig::builder()
            .credentials([credentials.clone()])
            .build(),
    )
    .await
    .expect("emulator");
    let recorder = Recorder::new(
        HyperClient::new(TransportSettings::default()).unwrap(),
        &path,
    );
    let client = Client::builder()
        .region(emulator.region())
        .credentials(credentials)
        .endpoint_url(emulator.endpoint_url())
        .token_generator(SequentialTokens::new())
        .http_client(recorder)
        .build()
        .unwrap();
    let recorded = calls(&client).await;
    assert_eq!(recorded.1.as_deref(), Some(recorded.0.as_str()));
    assert_eq!(recorded.2, 1);
    emulator.shutdown().await;

    let file = std::fs::read_to_string(&path).expect("the recording was written");
    assert!(file.starts_with("{\n  \"awsop_recording\": 1,"), "{file}");
    assert_eq!(file.matches("\"request\"").count(), 3, "{file}");
    for secret in [
        "authorization",
        "AKIDRECORD",
        SECRET_KEY,
        SESSION_TOKEN,
        "x-amz-security-token",
    ] {
        assert!(
            !file
                .to_ascii_lowercase()
                .contains(&secret.to_ascii_lowercase()),
            "{secret} in {file}"
        );
    }
    assert!(file.contains("\"x-amz-date\""), "{file}");
    assert!(
        file.contains("00000000-0000-4000-8000-000000000001"),
        "the token is in the body"
    );
    assert!(!file.contains("127.0.0.1"), "no host: {file}");

    // Replayed: no emulator, other credentials, another region, a fresh
    // token sequence that gives the same tokens.
    let replay = std::sync::Arc::new(ReplayClient::from_file(&path).unwrap());
    let client = Client::builder()
        .region("eu-west-1")
        .credentials(Credentials::new("AKIDOTHER", "other", None, None, "test"))
        .token_generator(SequentialTokens::new())
        .shared_http_client(replay.clone())
        .build()
        .unwrap();
    assert_eq!(calls(&client).await, recorded);
    replay.assert_done();

    // A call that was not recorded fails, naming the closest exchange.
    let err = GetUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: "someone-else".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Dispatch);
    let text = err.to_string();
    assert!(text.contains(&format!("no exchange recorded in {} matches GET /v2/domains/{DOMAIN}/user-profiles/someone-else", path.display())), "{text}");
    assert!(
        text.contains("the closest is exchange #2 (GET /v2/domains/"),
        "{text}"
    );
    assert!(
        text.contains("which differs in path: recorded `/v2/domains/"),
        "{text}"
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
#[should_panic(expected = "which was already replayed")]
async fn an_exchange_replays_once() {
    let path = recording_path("once");
    let emulator = Emulator::start().await;
    let client = Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .http_client(Recorder::new(
            HyperClient::new(TransportSettings::default()).unwrap(),
            &path,
        ))
        .build()
        .unwrap();
    let search = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneSsoUser);
    search.clone().send(&client).await.unwrap();
    emulator.shutdown().await;

    let client = Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new("AKID", "S", None, None, "test"))
        .http_client(ReplayClient::from_file(&path).unwrap())
        .build()
        .unwrap();
    search.clone().send(&client).await.unwrap();
    let err = search.send(&client).await.unwrap_err();
    let _ = std::fs::remove_file(&path);
    panic!("{err}");
}

#[test]
fn unreplayed_exchanges_fail_assert_done() {
    let path = recording_path("unreplayed");
    std::fs::write(
        &path,
        r#"{"awsop_recording": 1, "exchanges": [
            {"request": {"method": "GET", "uri": "/a", "headers": [], "body": ""},
             "response": {"status": 200, "headers": [], "body": "{}"}}
        ]}"#,
    )
    .unwrap();
    let replay = ReplayClient::from_file(&path).unwrap();
    let panic = std::panic::catch_unwind(|| replay.assert_done()).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("1 recorded exchange(s) were never replayed"),
        "{message}"
    );
    assert!(message.contains("#1 GET /a"), "{message}");

    std::fs::write(&path, "not json").unwrap();
    let err = ReplayClient::from_file(&path).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(
        err.to_string().contains("is not an awsop recording"),
        "{err}"
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn record_or_replay_replays_with_the_tokens_recorded() {
    if std::env::var_os(awsop::mock::RECORD_ENV).is_some() {
        // Recording mode would send to the configured (real) endpoint.
        return;
    }
    let path = recording_path("switch");
    let Err(missing) = awsop::mock::record_or_replay(&path).await else {
        panic!("no recording yet");
    };
    assert!(missing.to_string().contains("AWSOP_RECORD=1"), "{missing}");

    let emulator = Emulator::start().await;
    let client = Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .token_generator(SequentialTokens::new())
        .http_client(Recorder::new(
            HyperClient::new(TransportSettings::default()).unwrap(),
            &path,
        ))
        .build()
        .unwrap();
    let recorded = calls(&client).await;
    emulator.shutdown().await;

    let client = awsop::mock::record_or_replay(&path)
        .await
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(calls(&client).await, recorded);
    let _ = std::fs::remove_file(&path);
}
