//! `awsop::mock`: rules answer the DataZone operations in place of the
//! network, and the client's real retry loop, token autofill and
//! paginators run over the answers.

use std::time::{Duration, Instant};

use awsop::datazone::{
    CreateUserProfile, CreateUserProfileOutput, DataZoneError, GetUserProfile,
    GetUserProfileOutput, ResourceNotFoundException, SearchUserProfiles, SearchUserProfilesOutput,
    ThrottlingException, UserProfileStatus, UserProfileSummary, UserSearchType,
};
use awsop::mock::Mock;
use awsop::runtime::http::HttpResponse;
use awsop::runtime::transport::DispatchErrorKind;
use awsop::ErrorKind;

const DOMAIN: &str = "dzd_4p9n6sw4qt9xgn";

fn get(user: &str) -> GetUserProfile {
    GetUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: user.into(),
        ..Default::default()
    }
}

fn profile(id: &str) -> GetUserProfileOutput {
    GetUserProfileOutput {
        id: Some(id.into()),
        ..Default::default()
    }
}

fn throttled() -> DataZoneError {
    DataZoneError::ThrottlingException(ThrottlingException {
        message: "Rate exceeded".into(),
    })
}

/// The shortest test of "first call throttled, second succeeds".
#[tokio::test]
async fn first_call_throttled_second_succeeds() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>().fails_with(throttled());
    mock.on::<GetUserProfile>().answers(profile("up_1"));

    let out = get("u-1").send(&mock.client()).await.unwrap();

    assert_eq!(out.id.as_deref(), Some("up_1"));
    mock.assert_done();
}

#[tokio::test]
async fn rules_match_on_the_input_in_the_order_set_up() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "ghost")
        .repeatedly()
        .fails_with(DataZoneError::ResourceNotFoundException(
            ResourceNotFoundException {
                message: "no such profile".into(),
            },
        ));
    let echo = mock
        .on::<GetUserProfile>()
        .repeatedly()
        .answers_with(|input| profile(&format!("up_{}", input.user_identifier)));
    let client = mock.client();

    assert_eq!(
        get("a").send(&client).await.unwrap().id.as_deref(),
        Some("up_a")
    );
    let err = get("ghost").send(&client).await.unwrap_err();
    assert!(
        matches!(
            err.service_error(),
            Some(DataZoneError::ResourceNotFoundException(e)) if e.message == "no such profile"
        ),
        "{err:?}"
    );
    // The metadata a service would have sent with it.
    assert_eq!(err.code(), Some("ResourceNotFoundException"));
    assert_eq!(err.message(), Some("no such profile"));
    assert_eq!(err.status(), Some(404));
    assert!(err.request_id().is_some());
    assert_eq!(
        get("b").send(&client).await.unwrap().id.as_deref(),
        Some("up_b")
    );

    let users = |calls: Vec<GetUserProfile>| -> Vec<String> {
        calls.into_iter().map(|c| c.user_identifier).collect()
    };
    assert_eq!(users(mock.calls::<GetUserProfile>()), ["a", "ghost", "b"]);
    assert_eq!(users(echo.calls()), ["a", "b"]);
    mock.assert_done();
}

#[tokio::test]
async fn throttled_twice_then_created_with_one_token_and_no_waiting() {
    let mock = Mock::new();
    mock.on::<CreateUserProfile>()
        .times(2)
        .fails_with(throttled())
        .then()
        .answers(CreateUserProfileOutput {
            id: Some("up_1".into()),
            ..Default::default()
        });
    let client = mock.client();
    let quota = client.retry_quota_available();

    let started = Instant::now();
    let created = CreateUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    assert_eq!(created.id.as_deref(), Some("up_1"));
    // Three attempts, every one with the token filled before the first.
    let calls = mock.calls::<CreateUserProfile>();
    assert_eq!(calls.len(), 3);
    let token = calls[0].client_token.clone().expect("a token was filled");
    assert_eq!(token.len(), 36);
    assert!(calls
        .iter()
        .all(|c| c.client_token.as_deref() == Some(&token)));
    // The real retry policy ran: two backoffs (throttling scale, so each
    // under the 20 s cap), paid from the quota and refunded on success.
    let slept = mock.slept();
    assert_eq!(slept.len(), 2, "{slept:?}");
    assert!(slept.iter().all(|d| *d <= Duration::from_secs(20)));
    assert!(client.retry_quota_available() < quota);
    // ... and nothing waited.
    assert!(started.elapsed() < Duration::from_secs(2));
    mock.assert_done();
}

#[tokio::test]
async fn retries_stop_at_max_attempts_and_non_retryable_errors_are_not_retried() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "busy")
        .repeatedly()
        .fails_with(throttled());
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "gone")
        .repeatedly()
        .fails_with(DataZoneError::ResourceNotFoundException(Default::default()));
    let client = mock.client_builder().max_attempts(4).build().unwrap();

    let err = get("busy").send(&client).await.unwrap_err();
    assert!(matches!(
        err.service_error(),
        Some(DataZoneError::ThrottlingException(_))
    ));
    assert_eq!(
        (err.code(), err.status()),
        (Some("ThrottlingException"), Some(429))
    );
    assert_eq!(mock.calls::<GetUserProfile>().len(), 4);

    let err = get("gone").send(&client).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(mock.calls::<GetUserProfile>().len(), 5, "one attempt only");
    mock.assert_done();
}

#[tokio::test]
async fn http_answers_go_through_the_real_parsing() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "missing")
        .responds(
            HttpResponse::new(404, r#"{"message":"not here"}"#)
                .with_header(
                    "x-amzn-ErrorType",
                    "ResourceNotFoundException:http://internal",
                )
                .with_header("x-amzn-RequestId", "req-404"),
        );
    // A 503 with Retry-After, then a success body.
    mock.on::<GetUserProfile>()
        .responds(HttpResponse::new(503, "").with_header("Retry-After", "3"))
        .then()
        .responds(
            HttpResponse::new(
                200,
                r#"{"id":"up_9","status":"ACTIVATED","futureMember":1}"#,
            )
            .with_header("content-type", "application/json"),
        );
    let client = mock.client();

    let err = get("missing").send(&client).await.unwrap_err();
    let Some(DataZoneError::ResourceNotFoundException(e)) = err.service_error() else {
        panic!("{err:?}");
    };
    assert_eq!(e.message, "not here");
    assert_eq!(err.request_id(), Some("req-404"));
    assert_eq!(err.status(), Some(404));

    let out = get("u-9").send(&client).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("up_9"));
    assert_eq!(out.status, Some(UserProfileStatus::Activated));
    assert_eq!(
        mock.slept(),
        [Duration::from_secs(3)],
        "Retry-After honoured"
    );

    // A body the output cannot be read from is a response error, as it
    // would be from the network.
    mock.on::<GetUserProfile>()
        .responds(HttpResponse::new(200, "<html>"));
    let err = get("u-10").send(&client).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Response);
    mock.assert_done();
}

#[tokio::test]
async fn failures_to_send_are_retried_like_real_ones() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .fails_to_send(DispatchErrorKind::Timeout)
        .then()
        .answers(profile("up_1"));
    let out = get("u-1").send(&mock.client()).await.unwrap();
    assert_eq!(out.id.as_deref(), Some("up_1"));

    mock.on::<GetUserProfile>()
        .times(3)
        .fails_to_send(DispatchErrorKind::Connect);
    let err = get("u-1").send(&mock.client()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Dispatch);
    assert!(
        err.to_string()
            .contains("mocked Connect failure of GetUserProfile"),
        "{err}"
    );
    mock.assert_done();
}

fn page(ids: &[&str], next: Option<&str>) -> SearchUserProfilesOutput {
    SearchUserProfilesOutput {
        items: Some(
            ids.iter()
                .map(|id| UserProfileSummary {
                    id: Some((*id).into()),
                    ..Default::default()
                })
                .collect(),
        ),
        next_token: next.map(Into::into),
    }
}

#[tokio::test]
async fn paginators_walk_mocked_pages_and_retry_a_throttled_one() {
    let mock = Mock::new();
    let token_is = |token: Option<&'static str>| {
        move |input: &SearchUserProfiles| input.next_token.as_deref() == token
    };
    mock.on::<SearchUserProfiles>()
        .matching(token_is(None))
        .answers(page(&["a", "b"], Some("p2")));
    mock.on::<SearchUserProfiles>()
        .matching(token_is(Some("p2")))
        .fails_with(throttled())
        .then()
        .answers(page(&["c"], Some("p3")));
    mock.on::<SearchUserProfiles>()
        .matching(token_is(Some("p3")))
        .answers(page(&["d"], None));

    let profiles = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser)
        .paginate(&mock.client())
        .page_size(2)
        .collect_items()
        .await
        .unwrap();

    let ids: Vec<_> = profiles.iter().filter_map(|p| p.id.as_deref()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let calls = mock.calls::<SearchUserProfiles>();
    let tokens: Vec<_> = calls.iter().map(|c| c.next_token.as_deref()).collect();
    assert_eq!(tokens, [None, Some("p2"), Some("p2"), Some("p3")]);
    assert!(calls.iter().all(|c| c.max_results == Some(2)));
    mock.assert_done();

    // `max_items` stops before the rules run out.
    let mock = Mock::new();
    mock.on::<SearchUserProfiles>()
        .repeatedly()
        .answers(page(&["x", "y"], Some("again")));
    let first_three = SearchUserProfiles::new(DOMAIN, UserSearchType::DatazoneUser)
        .paginate(&mock.client())
        .max_items(3)
        .collect_items()
        .await
        .unwrap();
    assert_eq!(first_three.len(), 3);
    assert_eq!(mock.calls::<SearchUserProfiles>().len(), 2);
}

#[tokio::test]
async fn unmatched_calls_fail_naming_the_operation_and_showing_the_input() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "someone")
        .answers(profile("up_1"));
    mock.on::<GetUserProfile>().answers(profile("up_2"));
    let client = mock.client();
    get("u-2").send(&client).await.unwrap();

    let err = get("nobody").send(&client).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Configuration);
    let text = err.to_string();
    assert!(
        text.contains("no mock rule answers this DataZone GetUserProfile call"),
        "{text}"
    );
    assert!(text.contains(r#"user_identifier: "nobody""#), "{text}");
    assert!(text.contains("tests/mock.rs:"), "{text}");
    assert!(text.contains("does not match it"), "{text}");
    assert!(
        text.contains("matches it, but its answers are used up: `answers` at tests/mock.rs:"),
        "{text}"
    );

    // An operation no rule was set up for: the request shows what was asked.
    let err = CreateUserProfile {
        domain_identifier: DOMAIN.into(),
        user_identifier: "u-3".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("the mock has no rule for DataZone CreateUserProfile (set one up with mock.on::<CreateUserProfile>())"), "{text}");
    assert!(
        text.contains(&format!(
            "POST https://datazone.us-east-1.api.aws/v2/domains/{DOMAIN}/user-profiles"
        )),
        "{text}"
    );
    assert!(text.contains(r#""userIdentifier":"u-3""#), "{text}");

    // Unmatched calls are not retried, and not counted as calls.
    assert_eq!(mock.calls::<GetUserProfile>().len(), 1);
    assert!(mock.calls::<CreateUserProfile>().is_empty());
}

#[tokio::test]
#[should_panic(expected = "no mock rule answers this DataZone GetUserProfile call")]
async fn a_strict_mock_panics_on_an_unmatched_call() {
    let mock = Mock::new().strict();
    mock.on::<GetUserProfile>()
        .matching(|input| input.user_identifier == "someone")
        .answers(profile("up_1"));
    // Code that swallows the error cannot hide the unexpected call.
    let _ = get("nobody").send(&mock.client()).await;
}

#[test]
fn leftover_answers_fail_assert_done_naming_them() {
    let mock = Mock::new();
    mock.on::<GetUserProfile>().times(2).fails_with(throttled());
    mock.on::<SearchUserProfiles>()
        .repeatedly()
        .answers(page(&[], None));
    let panic = std::panic::catch_unwind(|| mock.assert_done()).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.starts_with("2 mock answer(s) set up but not used up"),
        "{message}"
    );
    assert!(
        message.contains("GetUserProfile: `fails_with` at tests/mock.rs:"),
        "{message}"
    );
    assert!(message.contains("(used 0 of 2 times)"), "{message}");
    assert!(
        message.contains("SearchUserProfiles: `answers` at tests/mock.rs:"),
        "{message}"
    );
    assert!(message.contains("(repeatedly, never used)"), "{message}");
}

#[tokio::test]
async fn invalid_input_fails_before_any_rule_is_asked() {
    let mock = Mock::new();
    let rule = mock
        .on::<GetUserProfile>()
        .repeatedly()
        .answers(profile("up_1"));
    let err = get("").send(&mock.client()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Construction);
    assert!(rule.calls().is_empty());
}
