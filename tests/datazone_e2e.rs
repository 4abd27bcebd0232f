//! The DataZone operations end to end: the real client, over HTTP, against
//! the in-process emulator (and, where the emulator cannot misbehave in the
//! needed way, a replay transport).

use std::sync::{Arc, Mutex};

use awsop::datazone::{
    CreateUserProfile, DataZoneError, GetUserProfile, SearchUserProfiles, UpdateUserProfile,
    UserProfileDetails, UserProfileStatus, UserProfileType, UserSearchType, UserType,
};
use awsop::runtime::error::DispatchError;
use awsop::runtime::http::{HttpRequest, HttpResponse};
use awsop::runtime::operation::ModeledError;
use awsop::runtime::transport::{HttpClient, HyperClient, ReplayClient, TransportSettings};
use awsop::runtime::BoxFuture;
use awsop::{Client, ClientBuilder, Credentials, ErrorKind};
use awsop_emulator::{Emulator, Fault};

const DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";
const ROLE: &str = "arn:aws:iam::123456789012:role/DataScientist";

/// A client builder aimed at `emulator`, with its region and credentials.
fn builder_for(emulator: &Emulator) -> ClientBuilder {
    Client::builder()
        .region(emulator.region())
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
}

fn client_for(emulator: &Emulator) -> Client {
    builder_for(emulator).build().expect("valid configuration")
}

fn create(user: &str, user_type: UserType) -> CreateUserProfile {
    CreateUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: user.into(),
        user_type: Some(user_type),
        ..Default::default()
    }
}

#[tokio::test]
async fn create_get_update_and_search_one_iam_profile() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);

    let created = create(ROLE, UserType::IamRole)
        .send(&client)
        .await
        .expect("created");
    let id = created.id.clone().expect("an id");
    assert_eq!(created.domain_id.as_deref(), Some(DOMAIN));
    assert_eq!(created.r#type, Some(UserProfileType::Iam));
    let Some(UserProfileDetails::Iam(iam)) = &created.details else {
        panic!("IAM details expected: {:?}", created.details);
    };
    assert_eq!(iam.arn.as_deref(), Some(ROLE));
    assert!(iam
        .principal_id
        .as_deref()
        .is_some_and(|p| p.starts_with("AROA")));

    for identifier in [id.as_str(), ROLE] {
        let got = GetUserProfile {
            domain_identifier: DOMAIN.into(),
            user_identifier: identifier.into(),
            r#type: Some(UserProfileType::Iam),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("found");
        assert_eq!(got.id.as_deref(), Some(id.as_str()));
        assert_eq!(got.details, created.details);
    }

    let updated = UpdateUserProfile::new(DOMAIN, id.clone(), UserProfileStatus::Deactivated)
        .send(&client)
        .await
        .expect("updated");
    assert_eq!(updated.status, Some(UserProfileStatus::Deactivated));

    let page = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneIamUser)
        .send(&client)
        .await
        .expect("searched");
    let items = page.items.unwrap_or_default();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].id.as_deref(), Some(id.as_str()));
    assert_eq!(items[0].status, Some(UserProfileStatus::Deactivated));
    assert_eq!(page.next_token, None);
}

#[tokio::test]
async fn sso_profiles_keep_their_names_out_of_debug() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let created = create("jane.doe", UserType::SsoUser)
        .send(&client)
        .await
        .expect("created");
    assert_eq!(created.r#type, Some(UserProfileType::Sso));
    let Some(UserProfileDetails::Sso(sso)) = &created.details else {
        panic!("SSO details expected");
    };
    assert_eq!(sso.username.as_deref(), Some("jane.doe"));
    assert!(!format!("{created:?}").contains("jane.doe"), "{created:?}");

    let mut search = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneSsoUser);
    search.search_text = Some("jane".into());
    assert!(!format!("{search:?}").contains("jane"), "{search:?}");
    let found = search
        .send(&client)
        .await
        .expect("searched")
        .items
        .unwrap_or_default();
    assert_eq!(found.len(), 1);
}

#[tokio::test]
async fn a_rule_breaking_domain_id_is_a_typed_validation_exception() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let mut bad = create(ROLE, UserType::IamRole);
    bad.domain_identifier = "not-a-domain".into();
    let err = bad.send(&client).await.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(err.request_id().is_some_and(|id| !id.is_empty()));
    let Some(DataZoneError::ValidationException(e)) = err.service_error() else {
        panic!("ValidationException expected: {err:?}");
    };
    assert!(e.message.contains("domainIdentifier"), "{}", e.message);
    assert_eq!(err.message(), Some(e.message.as_str()));
    assert_eq!(emulator.profile_count(), 0);
}

#[tokio::test]
async fn a_missing_profile_is_a_typed_resource_not_found() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let err = GetUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: "arn:aws:iam::123456789012:role/Nobody".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("no such profile");
    assert_eq!(err.status(), Some(404));
    assert!(
        matches!(
            err.service_error(),
            Some(DataZoneError::ResourceNotFoundException(_))
        ),
        "{err:?}"
    );
    assert!(err.request_id().is_some());
}

#[tokio::test]
async fn repeating_a_client_token_returns_the_same_profile() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let mut request = create(ROLE, UserType::IamRole);
    request.client_token = Some("token-1".into());
    let first = request.clone().send(&client).await.expect("first");
    let second = request.send(&client).await.expect("second");
    assert_eq!(first, second);
    assert_eq!(emulator.profile_count(), 1);
}

/// A transport that records the `clientToken` of every attempt, then sends
/// it on with the default client.
#[derive(Debug)]
struct TokenRecorder {
    inner: HyperClient,
    tokens: Mutex<Vec<String>>,
}

impl HttpClient for TokenRecorder {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, DispatchError>> {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let token = body["clientToken"].as_str().unwrap_or_default().to_owned();
        self.tokens
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(token);
        self.inner.call(request)
    }
}

#[tokio::test]
async fn retries_after_503_429_and_a_lost_answer_keep_the_token_and_create_once() {
    let emulator = Emulator::start().await;
    let recorder = Arc::new(TokenRecorder {
        inner: HyperClient::new(TransportSettings::default()).expect("transport"),
        tokens: Mutex::new(Vec::new()),
    });
    let client = builder_for(&emulator)
        .max_attempts(4)
        .shared_http_client(recorder.clone())
        .build()
        .expect("valid configuration");
    emulator.faults().push_back(Fault::Status503);
    emulator.faults().push_back(Fault::Status429);
    // Created, then the answer is lost: only the same token finds it again.
    emulator.faults().push_back(Fault::ResetAfterProcessing);

    let created = create(ROLE, UserType::IamRole)
        .send(&client)
        .await
        .expect("created in the end");
    assert!(created.id.is_some());
    assert_eq!(emulator.profile_count(), 1);
    assert_eq!(emulator.faults_injected(), 3);
    let tokens = recorder
        .tokens
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    assert_eq!(tokens.len(), 4, "three failed attempts and one success");
    assert_eq!(tokens[0].len(), 36, "a generated UUID: {}", tokens[0]);
    assert!(tokens.iter().all(|t| *t == tokens[0]), "{tokens:?}");
}

#[tokio::test]
async fn retries_give_up_with_the_typed_error() {
    let emulator = Emulator::start().await;
    let client = builder_for(&emulator)
        .max_attempts(2)
        .build()
        .expect("valid configuration");
    emulator.faults().push_back(Fault::Status500);
    emulator.faults().push_back(Fault::Status500);
    let err = create(ROLE, UserType::IamRole)
        .send(&client)
        .await
        .expect_err("two 500s");
    assert_eq!(err.status(), Some(500));
    assert!(
        matches!(
            err.service_error(),
            Some(DataZoneError::InternalServerException(_))
        ),
        "{err:?}"
    );
    assert!(err.service_error().is_some_and(|e| e.is_retryable()));
    assert_eq!(emulator.requests_served(), 2);
    assert_eq!(emulator.profile_count(), 0);
}

async fn five_profiles(client: &Client) -> Vec<String> {
    let mut ids = Vec::new();
    for name in ["A", "B", "C", "D", "E"] {
        let out = create(
            &format!("arn:aws:iam::123456789012:role/{name}"),
            UserType::IamRole,
        )
        .send(client)
        .await
        .expect("created");
        ids.push(out.id.expect("an id"));
    }
    ids
}

#[tokio::test]
async fn pagination_walks_every_page_in_order() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let ids = five_profiles(&client).await;
    let before = emulator.requests_served();

    let mut search = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser);
    search.max_results = Some(2);
    let mut pages = search.clone().paginate(&client);
    let mut sizes = Vec::new();
    let mut seen = Vec::new();
    while let Some(page) = pages.next_page().await {
        let items = page.expect("a page").items.unwrap_or_default();
        sizes.push(items.len());
        seen.extend(items.into_iter().filter_map(|p| p.id));
    }
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(seen, ids);
    assert_eq!(pages.items_seen(), 5);
    assert!(
        pages.next_page().await.is_none(),
        "an ended walk stays ended"
    );
    assert_eq!(emulator.requests_served() - before, 3);

    let all = search
        .clone()
        .paginate(&client)
        .collect_items()
        .await
        .expect("all");
    assert_eq!(all.len(), 5);
}

#[tokio::test]
async fn max_items_caps_the_walk_and_stops_fetching() {
    let emulator = Emulator::start().await;
    let client = client_for(&emulator);
    let ids = five_profiles(&client).await;
    let mut search = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser);
    search.max_results = Some(2);

    let before = emulator.requests_served();
    let three = search
        .clone()
        .paginate(&client)
        .max_items(3)
        .collect_items()
        .await
        .expect("three");
    assert_eq!(
        three
            .iter()
            .filter_map(|p| p.id.clone())
            .collect::<Vec<_>>(),
        ids[..3]
    );
    assert_eq!(
        emulator.requests_served() - before,
        2,
        "the third page is never fetched"
    );

    let before = emulator.requests_served();
    let four = search
        .clone()
        .paginate(&client)
        .max_items(4)
        .collect_items()
        .await
        .expect("four");
    assert_eq!(four.len(), 4);
    assert_eq!(emulator.requests_served() - before, 2);

    let none = search
        .paginate(&client)
        .max_items(0)
        .collect_items()
        .await
        .expect("none");
    assert!(none.is_empty());
}

fn replay_client(replay: Arc<ReplayClient>) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            None,
            None,
            "test",
        ))
        .endpoint_url("http://127.0.0.1:9")
        .shared_http_client(replay)
        .build()
        .expect("valid configuration")
}

fn page(ids: &[&str], next: Option<&str>) -> Result<HttpResponse, DispatchError> {
    let items: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| serde_json::json!({ "id": id }))
        .collect();
    let mut body = serde_json::json!({ "items": items });
    if let Some(next) = next {
        body["nextToken"] = next.into();
    }
    Ok(HttpResponse::new(200, body.to_string()))
}

#[tokio::test]
async fn pagination_stops_on_a_repeated_or_empty_token() {
    let replay = Arc::new(ReplayClient::new([
        page(&["a"], Some("t1")),
        page(&["b"], Some("t1")),
        page(&["never"], None),
    ]));
    let client = replay_client(replay.clone());
    let items = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser)
        .paginate(&client)
        .collect_items()
        .await
        .expect("two pages");
    assert_eq!(items.len(), 2);
    let sent: Vec<serde_json::Value> = replay
        .requests()
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON"))
        .collect();
    assert_eq!(sent.len(), 2);
    assert!(sent[0].get("nextToken").is_none());
    assert_eq!(sent[1]["nextToken"], "t1");

    let replay = Arc::new(ReplayClient::new([
        page(&["a"], Some("")),
        page(&["never"], None),
    ]));
    let client = replay_client(replay.clone());
    let items = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser)
        .paginate(&client)
        .collect_items()
        .await
        .expect("one page");
    assert_eq!(items.len(), 1);
    assert_eq!(replay.requests().len(), 1);
}

#[tokio::test]
async fn an_error_ends_the_walk() {
    let replay = Arc::new(ReplayClient::new([
        page(&["a"], Some("t1")),
        Ok(HttpResponse::new(
            400,
            r#"{"__type":"ValidationException","message":"bad token"}"#,
        )),
    ]));
    let client = replay_client(replay.clone());
    let mut pages = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser).paginate(&client);
    assert!(pages.next_page().await.is_some_and(|p| p.is_ok()));
    let err = pages
        .next_page()
        .await
        .expect("a result")
        .expect_err("an error");
    assert!(matches!(
        err.service_error(),
        Some(DataZoneError::ValidationException(_))
    ));
    assert!(pages.next_page().await.is_none());
}

#[tokio::test]
async fn unknown_enum_values_and_union_members_are_kept() {
    let replay = Arc::new(ReplayClient::new([Ok(HttpResponse::new(
        200,
        r#"{"domainId":"dzd_x","id":"p1","type":"ROBOT","status":"RETIRED","details":{"robot":{"serial":7}},"later":1}"#,
    ))]));
    let client = replay_client(replay);
    let got = GetUserProfile {
        domain_identifier: "dzd_x".into(),
        user_identifier: "p1".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("parsed despite unknown values");
    assert_eq!(got.r#type, Some(UserProfileType::Unknown("ROBOT".into())));
    assert_eq!(
        got.status,
        Some(UserProfileStatus::Unknown("RETIRED".into()))
    );
    assert_eq!(
        got.details,
        Some(UserProfileDetails::Unknown("robot".into()))
    );
}

#[tokio::test]
async fn labels_are_percent_encoded_and_queries_sent() {
    let replay = Arc::new(ReplayClient::new([Ok(HttpResponse::new(200, "{}"))]));
    let client = replay_client(replay.clone());
    GetUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: "a b/c~d".into(),
        r#type: Some(UserProfileType::Iam),
        session_name: Some("s 1".into()),
    }
    .send(&client)
    .await
    .expect("sent");
    let request = &replay.requests()[0];
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(
        request.uri,
        "http://127.0.0.1:9/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles/a%20b%2Fc~d?type=IAM&sessionName=s%201"
    );
    assert!(request.body.is_empty());
}
