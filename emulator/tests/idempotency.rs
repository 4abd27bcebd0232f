//! `clientToken`: the same token and input replay the original response;
//! the same token with other input is a conflict.

mod common;

use common::{Harness, ROLE_ARN};
use serde_json::json;

#[tokio::test]
async fn same_token_same_input_replays_the_original() {
    let h = Harness::start().await;
    let input =
        json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE", "clientToken": "token-1"});
    let first = h.create(input.clone()).await;
    assert_eq!(first.status, 201);
    // The profile changes in between; the replay still answers as the first call did.
    let id = first.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        h.update(&id, json!({"status": "DEACTIVATED"})).await.status,
        200
    );
    let again = h.create(input).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body, "byte-identical replay");
    assert_ne!(
        again.header("x-amzn-requestid"),
        first.header("x-amzn-requestid")
    );
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn same_token_different_input_conflicts() {
    let h = Harness::start().await;
    let token = "token-2";
    assert_eq!(
        h.create(json!({"userIdentifier": "jane", "clientToken": token}))
            .await
            .status,
        201
    );
    for other in [
        json!({"userIdentifier": "mary", "clientToken": token}),
        json!({"userIdentifier": "jane", "userType": "SSO_USER", "clientToken": token}),
    ] {
        let message = h.create(other).await.expect_error(409, "ConflictException");
        assert!(message.contains(token), "{message}");
    }
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn different_tokens_for_the_same_user_return_the_same_profile() {
    let h = Harness::start().await;
    let a = h
        .create(json!({"userIdentifier": "jane", "clientToken": "a"}))
        .await
        .json();
    let b = h
        .create(json!({"userIdentifier": "jane", "clientToken": "b"}))
        .await
        .json();
    assert_eq!(a["id"], b["id"]);
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn no_token_no_memory() {
    let h = Harness::start().await;
    let jane = h.create(json!({"userIdentifier": "jane"})).await.json();
    let mary = h.create(json!({"userIdentifier": "mary"})).await.json();
    assert_ne!(jane["id"], mary["id"]);
    assert_eq!(h.emulator.profile_count(), 2);
}

#[tokio::test]
async fn a_failed_call_does_not_consume_the_token() {
    let h = Harness::start().await;
    h.create(json!({"userIdentifier": "has space", "clientToken": "t"}))
        .await
        .expect_error(400, "ValidationException");
    assert_eq!(
        h.create(json!({"userIdentifier": "jane", "clientToken": "t"}))
            .await
            .status,
        201
    );
}
