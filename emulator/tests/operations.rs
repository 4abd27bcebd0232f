//! Each operation's happy path, over a raw signed HTTP/1.1 connection.

mod common;

use common::{encode_label, Harness, Req, DOMAIN, ROLE_ARN};
use serde_json::json;

fn is_profile_id(id: &str) -> bool {
    // UserProfileId: ([0-9a-f]{10}-|)UUID
    let parts: Vec<&str> = id.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && id.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit())
}

#[tokio::test]
async fn create_iam_role_profile_golden_input() {
    let h = Harness::start().await;
    let reply = h
        .create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE",
                       "clientToken": "6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}))
        .await;
    assert_eq!(
        reply.status,
        201,
        "{:?}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    assert_eq!(body["domainId"], DOMAIN);
    assert_eq!(body["type"], "IAM");
    assert_eq!(body["status"], "ACTIVATED");
    assert_eq!(body["details"]["iam"]["arn"], ROLE_ARN);
    assert!(body["details"]["iam"]["principalId"]
        .as_str()
        .unwrap()
        .starts_with("AROA"));
    assert!(is_profile_id(body["id"].as_str().unwrap()), "{body}");
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn create_sso_and_inferred_types() {
    let h = Harness::start().await;
    let sso = h
        .create(json!({"userIdentifier": "jane.doe@example.com", "userType": "SSO_USER"}))
        .await
        .json();
    assert_eq!(sso["type"], "SSO");
    assert_eq!(sso["status"], "ASSIGNED");
    assert_eq!(sso["details"]["sso"]["username"], "jane.doe@example.com");

    // No userType: an IAM ARN makes an IAM profile, anything else SSO.
    let user_arn = "arn:aws:iam::123456789012:user/bob";
    let iam = h.create(json!({"userIdentifier": user_arn})).await.json();
    assert_eq!(iam["type"], "IAM");
    assert!(iam["details"]["iam"]["principalId"]
        .as_str()
        .unwrap()
        .starts_with("AIDA"));
    let other = h.create(json!({"userIdentifier": "carol"})).await.json();
    assert_eq!(other["type"], "SSO");
    assert_eq!(h.emulator.profile_count(), 3);
}

#[tokio::test]
async fn create_role_session_profile() {
    let h = Harness::start().await;
    let reply = h
        .create(
            json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE_SESSION",
                       "sessionName": "alice"}),
        )
        .await;
    assert_eq!(reply.status, 201);
    let body = reply.json();
    assert_eq!(body["details"]["iam"]["sessionName"], "alice");
    assert!(body["details"]["iam"]["principalId"]
        .as_str()
        .unwrap()
        .ends_with(":alice"));
    // Another session of the same role is another profile.
    let bob = h
        .create(
            json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE_SESSION",
                       "sessionName": "bob"}),
        )
        .await
        .json();
    assert_ne!(bob["id"], body["id"]);
    let got = h.get(ROLE_ARN, "?type=IAM&sessionName=bob").await.json();
    assert_eq!(got["id"], bob["id"]);
}

#[tokio::test]
async fn creating_an_existing_user_returns_it() {
    let h = Harness::start().await;
    let first = h
        .create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE"}))
        .await;
    let second = h
        .create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE"}))
        .await;
    assert_eq!(second.status, 201);
    assert_eq!(first.json(), second.json());
    assert_eq!(h.emulator.profile_count(), 1);
}

#[tokio::test]
async fn get_by_id_and_by_identifier() {
    let h = Harness::start().await;
    let created = h
        .create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE"}))
        .await
        .json();
    let id = created["id"].as_str().unwrap();

    let by_id = h.get(id, "").await;
    assert_eq!(by_id.status, 200);
    assert_eq!(by_id.json(), created);

    // The ARN's ':' and '/' travel percent-encoded in the label.
    let by_arn = h.get(ROLE_ARN, "?type=IAM").await;
    assert_eq!(by_arn.status, 200);
    assert_eq!(by_arn.json(), created);

    let wrong_type = h.get(ROLE_ARN, "?type=SSO").await;
    wrong_type.expect_error(404, "ResourceNotFoundException");
}

#[tokio::test]
async fn get_missing_is_not_found() {
    let h = Harness::start().await;
    let message = h
        .get("8eb9f7e4-1234-4cde-9abc-0123456789ab", "")
        .await
        .expect_error(404, "ResourceNotFoundException");
    assert!(
        message.contains("8eb9f7e4-1234-4cde-9abc-0123456789ab"),
        "{message}"
    );
}

#[tokio::test]
async fn profiles_are_per_domain() {
    let h = Harness::start().await;
    h.create(json!({"userIdentifier": "jane"})).await;
    let other = h
        .send(Req::new(
            "GET",
            "/v2/domains/dzd-otherdomain/user-profiles/jane",
        ))
        .await;
    other.expect_error(404, "ResourceNotFoundException");
}

#[tokio::test]
async fn update_changes_status() {
    let h = Harness::start().await;
    let created = h.create(json!({"userIdentifier": "jane"})).await.json();
    let id = created["id"].as_str().unwrap();
    let updated = h.update(id, json!({"status": "DEACTIVATED"})).await;
    assert_eq!(updated.status, 200);
    let body = updated.json();
    assert_eq!(body["status"], "DEACTIVATED");
    assert_eq!(body["id"], created["id"]);
    assert_eq!(h.get(id, "").await.json()["status"], "DEACTIVATED");

    h.update("nobody", json!({"status": "ACTIVATED"}))
        .await
        .expect_error(404, "ResourceNotFoundException");
}

#[tokio::test]
async fn search_filters_by_type_and_text() {
    let h = Harness::start().await;
    h.create(json!({"userIdentifier": ROLE_ARN, "userType": "IAM_ROLE"}))
        .await;
    h.create(json!({"userIdentifier": "jane.doe", "userType": "SSO_USER"}))
        .await;
    h.create(json!({"userIdentifier": "John.Smith", "userType": "SSO_USER"}))
        .await;

    let names = |body: serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                p["details"]["sso"]["username"]
                    .as_str()
                    .or(p["details"]["iam"]["arn"].as_str())
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let all = h.search(json!({"userType": "DATAZONE_USER"})).await;
    assert_eq!(all.status, 200);
    let all = all.json();
    assert_eq!(names(all.clone()), [ROLE_ARN, "jane.doe", "John.Smith"]);
    assert!(all.get("nextToken").is_none());

    let iam = h
        .search(json!({"userType": "DATAZONE_IAM_USER"}))
        .await
        .json();
    assert_eq!(names(iam), [ROLE_ARN]);
    let sso = h
        .search(json!({"userType": "DATAZONE_SSO_USER"}))
        .await
        .json();
    assert_eq!(names(sso), ["jane.doe", "John.Smith"]);
    let text = h
        .search(json!({"userType": "DATAZONE_USER", "searchText": "JOHN"}))
        .await
        .json();
    assert_eq!(names(text), ["John.Smith"]);
    let none = h
        .search(json!({"userType": "SSO_USER", "searchText": "zzz"}))
        .await
        .json();
    assert_eq!(none, json!({"items": []}));
}

#[tokio::test]
async fn every_response_has_request_id_and_date() {
    let h = Harness::start().await;
    let ok = h.create(json!({"userIdentifier": "jane"})).await;
    let err = h.get("nobody", "").await;
    let unsigned = h
        .send_unsigned(Req::new("GET", "/v2/domains/dzd_a/user-profiles/x"))
        .await;
    let mut ids = Vec::new();
    for reply in [&ok, &err, &unsigned] {
        let id = reply.header("x-amzn-requestid").expect("request id");
        assert_eq!(id.len(), 36, "{id}");
        ids.push(id.to_owned());
        let date = reply.header("date").expect("date");
        assert!(
            awsop_runtime::time::parse_http_date(date).is_some(),
            "{date}"
        );
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "request ids must differ");
    assert_eq!(
        err.header("x-amzn-ErrorType"),
        Some(
            "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.service/"
        )
    );
}

#[tokio::test]
async fn keep_alive_and_pipelining() {
    let h = Harness::start().await;
    let mut conn = h.open().await;
    // Two requests in one write: the second waits in the server's buffer.
    let path = format!("/v2/domains/{DOMAIN}/user-profiles");
    let signer = h.signer();
    let mut bytes = h.encode(
        &Req::new("POST", &path).json(&json!({"userIdentifier": "a1"})),
        Some(&signer),
    );
    bytes.extend(h.encode(
        &Req::new("POST", &path).json(&json!({"userIdentifier": "a2"})),
        Some(&signer),
    ));
    conn.write(&bytes).await.unwrap();
    let first = conn.read_reply().await.unwrap();
    let second = conn.read_reply().await.unwrap();
    assert_eq!((first.status, second.status), (201, 201));
    assert_eq!(first.json()["details"]["sso"]["username"], "a1");
    assert_eq!(second.json()["details"]["sso"]["username"], "a2");
    // And the connection is still open for a third.
    let get = h.encode(
        &Req::new("GET", &format!("{path}/{}", encode_label("a1"))),
        Some(&signer),
    );
    conn.write(&get).await.unwrap();
    assert_eq!(conn.read_reply().await.unwrap().status, 200);
    assert_eq!(h.emulator.requests_served(), 3);
}

#[tokio::test]
async fn connection_close_is_honoured() {
    let h = Harness::start().await;
    let mut conn = h.open().await;
    let req = Req::new("GET", "/v2/domains/dzd_a/user-profiles/x").header("connection", "close");
    conn.write(&h.encode(&req, Some(&h.signer())))
        .await
        .unwrap();
    let reply = conn.read_reply().await.unwrap();
    assert_eq!(reply.header("connection"), Some("close"));
    assert!(conn.closed().await);
}

#[tokio::test]
async fn concurrent_connections() {
    let h = std::sync::Arc::new(Harness::start().await);
    let tasks: Vec<_> = (0..24)
        .map(|i| {
            let h = std::sync::Arc::clone(&h);
            tokio::spawn(async move {
                h.create(json!({"userIdentifier": format!("user{i}")}))
                    .await
                    .status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), 201);
    }
    assert_eq!(h.emulator.profile_count(), 24);
}

#[tokio::test]
async fn same_seed_same_ids() {
    use awsop_emulator::{Emulator, EmulatorConfig};
    let mut ids = Vec::new();
    for _ in 0..2 {
        let emulator = Emulator::start_with(EmulatorConfig::builder().seed(99).build())
            .await
            .unwrap();
        let h = Harness::with(emulator).await;
        ids.push(h.create(json!({"userIdentifier": "jane"})).await.json()["id"].clone());
    }
    assert_eq!(ids[0], ids[1]);
}

#[tokio::test]
async fn shutdown_stops_listening() {
    let h = Harness::start().await;
    let addr = h.emulator.local_addr();
    h.emulator.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn unknown_route_is_unknown_operation() {
    let h = Harness::start().await;
    h.send(Req::new(
        "DELETE",
        &format!("/v2/domains/{DOMAIN}/user-profiles/x"),
    ))
    .await
    .expect_error(404, "UnknownOperationException");
    h.send(Req::new("GET", "/"))
        .await
        .expect_error(404, "UnknownOperationException");
}
