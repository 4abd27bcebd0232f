//! SearchUserProfiles pagination: opaque tokens, `maxResults`, a stable
//! order, and rejection of bad tokens.

mod common;

use awsop_emulator::{Emulator, EmulatorConfig};
use common::Harness;
use serde_json::{json, Value};

async fn harness_with_users(page_size: usize, users: usize) -> Harness {
    let config = EmulatorConfig::builder().page_size(page_size).build();
    let h = Harness::with(Emulator::start_with(config).await.unwrap()).await;
    for i in 0..users {
        let reply = h
            .create(json!({"userIdentifier": format!("user{i:02}")}))
            .await;
        assert_eq!(reply.status, 201);
    }
    h
}

fn usernames(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["details"]["sso"]["username"].as_str().unwrap().to_owned())
        .collect()
}

/// Follows nextToken to the end; returns every page.
async fn all_pages(h: &Harness, mut request: Value) -> Vec<Value> {
    let mut pages = Vec::new();
    loop {
        let reply = h.search(request.clone()).await;
        assert_eq!(
            reply.status,
            200,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        let page = reply.json();
        let next = page.get("nextToken").cloned();
        pages.push(page);
        match next {
            Some(token) => request["nextToken"] = token,
            None => return pages,
        }
        assert!(pages.len() < 100, "pagination does not end");
    }
}

#[tokio::test]
async fn max_results_pages_in_creation_order() {
    let h = harness_with_users(50, 7).await;
    let pages = all_pages(&h, json!({"userType": "DATAZONE_USER", "maxResults": 3})).await;
    let sizes: Vec<usize> = pages.iter().map(|p| usernames(p).len()).collect();
    assert_eq!(sizes, [3, 3, 1]);
    let all: Vec<String> = pages.iter().flat_map(usernames).collect();
    let expected: Vec<String> = (0..7).map(|i| format!("user{i:02}")).collect();
    assert_eq!(all, expected);
}

#[tokio::test]
async fn exact_multiple_has_no_trailing_token() {
    let h = harness_with_users(50, 4).await;
    let pages = all_pages(&h, json!({"userType": "DATAZONE_USER", "maxResults": 2})).await;
    assert_eq!(pages.len(), 2);
    assert!(pages[1].get("nextToken").is_none());
}

#[tokio::test]
async fn default_page_size_comes_from_config() {
    let h = harness_with_users(4, 9).await;
    let pages = all_pages(&h, json!({"userType": "DATAZONE_SSO_USER"})).await;
    let sizes: Vec<usize> = pages.iter().map(|p| usernames(p).len()).collect();
    assert_eq!(sizes, [4, 4, 1]);
}

#[tokio::test]
async fn order_is_stable_while_profiles_are_added() {
    let h = harness_with_users(50, 4).await;
    let first = h
        .search(json!({"userType": "DATAZONE_USER", "maxResults": 2}))
        .await
        .json();
    // New profiles land after the cursor; nothing is skipped or repeated.
    h.create(json!({"userIdentifier": "late"})).await;
    let rest = all_pages(
        &h,
        json!({"userType": "DATAZONE_USER", "maxResults": 2, "nextToken": first["nextToken"]}),
    )
    .await;
    let mut seen = usernames(&first);
    seen.extend(rest.iter().flat_map(usernames));
    assert_eq!(seen, ["user00", "user01", "user02", "user03", "late"]);
}

#[tokio::test]
async fn filters_apply_across_pages() {
    let h = harness_with_users(50, 12).await;
    let pages = all_pages(
        &h,
        json!({"userType": "DATAZONE_USER", "searchText": "user1", "maxResults": 1}),
    )
    .await;
    let all: Vec<String> = pages.iter().flat_map(usernames).collect();
    assert_eq!(all, ["user10", "user11"]);
}

#[tokio::test]
async fn bad_tokens_are_validation_errors() {
    let h = harness_with_users(50, 3).await;
    let page = h
        .search(json!({"userType": "DATAZONE_USER", "maxResults": 1}))
        .await
        .json();
    let token = page["nextToken"].as_str().unwrap().to_owned();

    let mut edited = token.clone().into_bytes();
    edited[3] = if edited[3] == b'0' { b'1' } else { b'0' };
    let edited = String::from_utf8(edited).unwrap();
    for bad in [edited.as_str(), "garbage", &token[..token.len() - 2]] {
        let message = h
            .search(json!({"userType": "DATAZONE_USER", "maxResults": 1, "nextToken": bad}))
            .await
            .expect_error(400, "ValidationException");
        assert!(message.contains("nextToken"), "{message}");
    }
    // A token belongs to the search it came from.
    h.search(json!({"userType": "DATAZONE_SSO_USER", "maxResults": 1, "nextToken": token}))
        .await
        .expect_error(400, "ValidationException");
    // maxResults may change between pages (it is not part of the search).
    let reply = h
        .search(json!({"userType": "DATAZONE_USER", "maxResults": 5, "nextToken": token}))
        .await;
    assert_eq!(usernames(&reply.json()), ["user01", "user02"]);
}

#[tokio::test]
async fn tokens_from_another_emulator_are_rejected() {
    let a = harness_with_users(50, 3).await;
    let other = EmulatorConfig::builder().seed(12345).build();
    let b = Harness::with(Emulator::start_with(other).await.unwrap()).await;
    for i in 0..3 {
        b.create(json!({"userIdentifier": format!("user{i:02}")}))
            .await;
    }
    let token = a
        .search(json!({"userType": "DATAZONE_USER", "maxResults": 1}))
        .await
        .json()["nextToken"]
        .clone();
    b.search(json!({"userType": "DATAZONE_USER", "maxResults": 1, "nextToken": token}))
        .await
        .expect_error(400, "ValidationException");
}
