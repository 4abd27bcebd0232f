//! Every constraint of the model, checked on the wire: 400
//! ValidationException naming the member, and nothing created.

mod common;

use common::{Harness, Req, DOMAIN, ROLE_ARN};
use serde_json::json;

fn create_path(domain: &str) -> String {
    format!("/v2/domains/{domain}/user-profiles")
}

#[tokio::test]
async fn required_body_member() {
    let h = Harness::start().await;
    let message = h
        .create(json!({"userType": "IAM_ROLE"}))
        .await
        .expect_error(400, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value null at 'userIdentifier' failed to satisfy constraint: Member must not be null"
    );
    // JSON null counts as absent; so does an empty body.
    h.create(json!({"userIdentifier": null}))
        .await
        .expect_error(400, "ValidationException");
    let empty = h.send(Req::new("POST", &create_path(DOMAIN))).await;
    assert!(empty
        .expect_error(400, "ValidationException")
        .contains("'userIdentifier'"));
    let message = h
        .update("jane", json!({}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("Value null at 'status'"), "{message}");
    let message = h
        .search(json!({}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("Value null at 'userType'"), "{message}");
    assert_eq!(h.emulator.profile_count(), 0);
}

#[tokio::test]
async fn member_types() {
    let h = Harness::start().await;
    let message = h
        .create(json!({"userIdentifier": 12}))
        .await
        .expect_error(400, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value '12' at 'userIdentifier' failed to satisfy constraint: Member must be a string"
    );
    let message = h
        .search(json!({"userType": "DATAZONE_USER", "maxResults": "10"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.contains("at 'maxResults' failed to satisfy constraint: Member must be an integer"),
        "{message}"
    );
    h.search(json!({"userType": "DATAZONE_USER", "maxResults": 2.5}))
        .await
        .expect_error(400, "ValidationException");
    h.create(json!({"userIdentifier": ["a"]}))
        .await
        .expect_error(400, "ValidationException");
}

#[tokio::test]
async fn string_lengths_count_code_points() {
    let h = Harness::start().await;
    let session = |name: &str| json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE_SESSION", "sessionName": name});
    let message = h
        .create(session("x"))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.ends_with("Value 'x' at 'sessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"), "{message}");
    let message = h
        .create(session(&"a".repeat(65)))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.ends_with("Member must have length less than or equal to 64"),
        "{message}"
    );
    // 64 code points of 4 bytes each (256 bytes, 128 UTF-16 units) fit.
    assert_eq!(h.create(session(&"😀".repeat(64))).await.status, 201);
    assert_eq!(h.create(session("ab")).await.status, 201);

    // Query-string members too: GetUserProfile's sessionName.
    h.get(ROLE_ARN, "?sessionName=x")
        .await
        .expect_error(400, "ValidationException");
}

#[tokio::test]
async fn pagination_token_lengths() {
    let h = Harness::start().await;
    let message = h
        .search(json!({"userType": "DATAZONE_USER", "nextToken": ""}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1"), "{message}");
    let message = h
        .search(json!({"userType": "DATAZONE_USER", "nextToken": "a".repeat(8193)}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.contains("Member must have length less than or equal to 8192"),
        "{message}"
    );
}

#[tokio::test]
async fn sensitive_values_are_redacted() {
    let h = Harness::start().await;
    let message = h
        .search(json!({"userType": "DATAZONE_USER", "searchText": "s".repeat(1025)}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("Value '*** Sensitive Data Redacted ***' at 'searchText' failed to satisfy constraint: Member must have length less than or equal to 1024"), "{message}");
    assert!(!message.contains("sss"));
}

#[tokio::test]
async fn patterns() {
    let h = Harness::start().await;
    // Label: DomainId.
    let bad_domain = h
        .send(Req::new("POST", &create_path("notadomain")).json(&json!({"userIdentifier": "jane"})))
        .await;
    let message = bad_domain.expect_error(400, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value 'notadomain' at 'domainIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: dzd[-_][a-zA-Z0-9_-]{1,36}"
    );
    // Smithy patterns are unanchored: a valid id inside a longer label matches.
    let search_inside = h
        .send(Req::new("POST", &create_path("x-dzd_abc")).json(&json!({"userIdentifier": "jane"})))
        .await;
    assert_eq!(search_inside.status, 201);

    // Body: UserIdentifier.
    let message = h
        .create(json!({"userIdentifier": "has space"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("Value 'has space' at 'userIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: .*(^"), "{message}");
    // Label: GetUserProfile's userIdentifier, decoded first.
    h.get("has space", "")
        .await
        .expect_error(400, "ValidationException");
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn enums() {
    let h = Harness::start().await;
    let message = h
        .create(json!({"userIdentifier": "jane", "userType": "ROBOT"}))
        .await
        .expect_error(400, "ValidationException");
    assert_eq!(
        message,
        "1 validation error detected: Value 'ROBOT' at 'userType' failed to satisfy constraint: Member must satisfy enum value set: [IAM_USER, IAM_ROLE, SSO_USER, IAM_ROLE_SESSION]"
    );
    let message = h
        .get("jane", "?type=ROBOT")
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("Value 'ROBOT' at 'type'"), "{message}");
    let message = h
        .update("jane", json!({"status": "ENABLED"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.contains("[ASSIGNED, NOT_ASSIGNED, ACTIVATED, DEACTIVATED]"),
        "{message}"
    );
    let message = h
        .search(json!({"userType": "IAM_ROLE"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.contains("[SSO_USER, DATAZONE_USER, DATAZONE_SSO_USER, DATAZONE_IAM_USER]"),
        "{message}"
    );
    // Enum values are case-sensitive.
    h.create(json!({"userIdentifier": "jane", "userType": "sso_user"}))
        .await
        .expect_error(400, "ValidationException");
}

#[tokio::test]
async fn integer_range() {
    let h = Harness::start().await;
    for (value, constraint) in [
        (0, "Member must have value greater than or equal to 1"),
        (51, "Member must have value less than or equal to 50"),
        (-3, "Member must have value greater than or equal to 1"),
    ] {
        let message = h
            .search(json!({"userType": "DATAZONE_USER", "maxResults": value}))
            .await
            .expect_error(400, "ValidationException");
        assert!(
            message.ends_with(&format!(
                "Value '{value}' at 'maxResults' failed to satisfy constraint: {constraint}"
            )),
            "{message}"
        );
    }
    for ok in [1, 50] {
        assert_eq!(
            h.search(json!({"userType": "DATAZONE_USER", "maxResults": ok}))
                .await
                .status,
            200
        );
    }
}

#[tokio::test]
async fn several_errors_at_once() {
    let h = Harness::start().await;
    let message = h
        .search(json!({"userType": "NOPE", "maxResults": 0}))
        .await
        .expect_error(400, "ValidationException");
    assert!(
        message.starts_with("2 validation errors detected: "),
        "{message}"
    );
    assert!(message.contains("; "), "{message}");
}

#[tokio::test]
async fn unknown_members_are_ignored() {
    let h = Harness::start().await;
    let reply = h
        .create(json!({"userIdentifier": "jane", "favouriteColour": "green", "nested": {"x": [1]}}))
        .await;
    assert_eq!(reply.status, 201);
}

#[tokio::test]
async fn labels_are_percent_decoded() {
    let h = Harness::start().await;
    // %5F is '_': the decoded label is a valid domain id.
    let reply = h
        .send(
            Req::new("POST", "/v2/domains/dzd%5Fencoded/user-profiles")
                .json(&json!({"userIdentifier": "jane"})),
        )
        .await;
    assert_eq!(reply.status, 201);
    assert_eq!(reply.json()["domainId"], "dzd_encoded");
    // A broken escape or non-UTF-8 label is a validation error, not a crash.
    for path in [
        "/v2/domains/dzd_a/user-profiles/%zz",
        "/v2/domains/dzd_a/user-profiles/%FF%FE",
    ] {
        let message = h
            .send(Req::new("GET", path))
            .await
            .expect_error(400, "ValidationException");
        assert!(message.contains("userIdentifier"), "{message}");
    }
}

#[tokio::test]
async fn business_rules() {
    let h = Harness::start().await;
    let message = h
        .create(json!({"userIdentifier": "jane", "userType": "IAM_ROLE"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("IAM principal ARN"), "{message}");
    let message = h
        .create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE_SESSION"}))
        .await
        .expect_error(400, "ValidationException");
    assert!(message.contains("sessionName"), "{message}");
}

#[tokio::test]
async fn malformed_json_is_a_serialization_error() {
    let h = Harness::start().await;
    for body in [
        &b"{"[..],
        b"[1,2]",
        b"\"text\"",
        b"\xff\xfe",
        b"{\"userIdentifier\": \"a\"} trailing",
    ] {
        let reply = h
            .send(
                Req::new("POST", &create_path(DOMAIN))
                    .header("content-type", "application/json")
                    .raw_body(body),
            )
            .await;
        reply.expect_error(400, "SerializationException");
    }
    assert_eq!(h.emulator.profile_count(), 0);
}
