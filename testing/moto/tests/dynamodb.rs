//! DynamoDB (awsJson1_0) through the real `awsop::Client`, against moto
//! with SigV4 checking on: a table, items of every attribute type written
//! and read back, a conditional update that holds and one that fails with
//! the typed `ConditionalCheckFailedException`, a `Query` walked page by
//! page with its paginator, and a request signed with a wrong secret refused.

use std::collections::HashMap;

use awsop::{Blob, Credentials, ErrorKind};
use awsop_moto::dynamodb::*;
use awsop_moto::{require_moto, shared_with_sigv4_auth};

fn s(v: &str) -> AttributeValue {
    AttributeValue {
        s: Some(v.into()),
        ..Default::default()
    }
}

fn n(v: i64) -> AttributeValue {
    AttributeValue {
        n: Some(v.to_string()),
        ..Default::default()
    }
}

fn key(pk: &str, sk: i64) -> HashMap<String, AttributeValue> {
    HashMap::from([("pk".to_string(), s(pk)), ("sk".to_string(), n(sk))])
}

async fn create_table(client: &awsop::Client, name: &str) {
    let out = CreateTable {
        table_name: name.into(),
        attribute_definitions: Some(vec![
            AttributeDefinition {
                attribute_name: "pk".into(),
                attribute_type: Some(ScalarAttributeType::S),
            },
            AttributeDefinition {
                attribute_name: "sk".into(),
                attribute_type: Some(ScalarAttributeType::N),
            },
        ]),
        key_schema: Some(vec![
            KeySchemaElement {
                attribute_name: "pk".into(),
                key_type: Some(KeyType::Hash),
            },
            KeySchemaElement {
                attribute_name: "sk".into(),
                key_type: Some(KeyType::Range),
            },
        ]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }
    .send(client)
    .await
    .expect("CreateTable");
    let table = out.table_description.expect("a TableDescription");
    assert_eq!(table.table_name.as_deref(), Some(name));
    assert_eq!(table.table_status, Some(TableStatus::Active));
    let schema = table.key_schema.expect("the key schema");
    assert_eq!(schema[0].attribute_name, "pk");
    assert_eq!(schema[1].key_type, Some(KeyType::Range));
    assert!(
        table.creation_date_time.is_some(),
        "a timestamp, epoch seconds on the wire"
    );
}

#[tokio::test]
async fn items_round_trip_conditional_updates_and_a_paginated_query() {
    require_moto!();
    let moto = shared_with_sigv4_auth();
    let client = moto.client().unwrap();
    let table = "awsop-items";
    create_table(&client, table).await;

    // Every attribute type, blobs with bytes that are not UTF-8.
    let blob = Blob::new(vec![0u8, 0xff, 0x10, b'"', b'\\']);
    let mut item = key("user#1", 1);
    item.insert("name".into(), s("Zoë \"quoted\" \u{1F600}"));
    item.insert("count".into(), n(7));
    item.insert(
        "raw".into(),
        AttributeValue {
            b: Some(blob.clone()),
            ..Default::default()
        },
    );
    item.insert(
        "raws".into(),
        AttributeValue {
            bs: Some(vec![Blob::new(vec![1, 2, 3])]),
            ..Default::default()
        },
    );
    item.insert(
        "tags".into(),
        AttributeValue {
            ss: Some(vec!["a".into()]),
            ..Default::default()
        },
    );
    item.insert(
        "nested".into(),
        AttributeValue {
            m: Some(HashMap::from([(
                "list".to_string(),
                AttributeValue {
                    l: Some(vec![n(1), s("two")]),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        },
    );
    item.insert(
        "flag".into(),
        AttributeValue {
            bool: Some(true),
            ..Default::default()
        },
    );
    item.insert(
        "nothing".into(),
        AttributeValue {
            null: Some(true),
            ..Default::default()
        },
    );
    PutItem {
        table_name: table.into(),
        item: item.clone(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("PutItem");
    for sk in 2..=5 {
        PutItem {
            table_name: table.into(),
            item: key("user#1", sk),
            // Only when the key is new: the condition is sent and holds.
            condition_expression: Some("attribute_not_exists(pk)".into()),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("PutItem with a condition");
    }

    let got = GetItem {
        table_name: table.into(),
        key: key("user#1", 1),
        consistent_read: Some(true),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("GetItem")
    .item
    .expect("the item");
    assert_eq!(got, item, "every attribute comes back as it was sent");
    assert_eq!(got["raw"].b.as_ref(), Some(&blob));

    // A condition that holds: count 7 -> 8.
    let updated = UpdateItem {
        table_name: table.into(),
        key: key("user#1", 1),
        update_expression: Some("SET #c = #c + :one".into()),
        condition_expression: Some("#c = :seven".into()),
        expression_attribute_names: Some(HashMap::from([("#c".into(), "count".into())])),
        expression_attribute_values: Some(HashMap::from([
            (":one".into(), n(1)),
            (":seven".into(), n(7)),
        ])),
        return_values: Some(ReturnValue::UpdatedNew),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("UpdateItem with a condition that holds");
    assert_eq!(
        updated.attributes,
        Some(HashMap::from([("count".to_string(), n(8))]))
    );

    // The same condition again fails: count is 8 now.
    let err = UpdateItem {
        table_name: table.into(),
        key: key("user#1", 1),
        update_expression: Some("SET #c = #c + :one".into()),
        condition_expression: Some("#c = :seven".into()),
        expression_attribute_names: Some(HashMap::from([("#c".into(), "count".into())])),
        expression_attribute_values: Some(HashMap::from([
            (":one".into(), n(1)),
            (":seven".into(), n(7)),
        ])),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("the condition no longer holds");
    println!("UpdateItem, failed condition: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("ConditionalCheckFailedException"));
    assert!(err.request_id().is_some(), "moto sends x-amzn-RequestId");
    match err.service_error() {
        Some(UpdateItemError::ConditionalCheckFailedException(e)) => {
            assert_eq!(e.message.as_deref(), err.message());
            assert!(e.message.is_some());
        }
        other => panic!("not the typed error: {other:?}"),
    }

    // Query, two items a page: 2 + 2 + 1, LastEvaluatedKey (a map of
    // attribute values) carried into ExclusiveStartKey each time.
    let query = Query {
        table_name: table.into(),
        key_condition_expression: Some("pk = :pk".into()),
        expression_attribute_values: Some(HashMap::from([(":pk".into(), s("user#1"))])),
        projection_expression: Some("pk, sk".into()),
        ..Default::default()
    };
    let mut pages = query.clone().paginate(&client).page_size(2);
    let mut sizes = Vec::new();
    let mut sort_keys = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a Query page");
        let items = page.items.unwrap_or_default();
        sizes.push(items.len());
        sort_keys.extend(items.iter().map(|i| i["sk"].n.clone().unwrap()));
    }
    println!("Query pages: {sizes:?}");
    // The third page holds fewer than the limit: DynamoDB sends no
    // LastEvaluatedKey then, and the walk ends.
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(sort_keys, ["1", "2", "3", "4", "5"]);
    let all = query
        .paginate(&client)
        .page_size(2)
        .collect_items()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
}

#[tokio::test]
async fn a_request_signed_with_a_wrong_secret_is_refused() {
    require_moto!();
    let moto = shared_with_sigv4_auth();
    let wrong = Credentials::new(moto.access_key_id(), "not-the-secret", None, None, "wrong");
    let client = moto.client_with(wrong).unwrap();
    let err = GetItem {
        table_name: "any".into(),
        key: key("k", 1),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("a wrong signature is refused");
    println!("GetItem, wrong secret: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(403));
    assert!(matches!(err.service_error(), Some(GetItemError::Unhandled)));
    // moto answers this one in XML whatever the protocol (AWS would send
    // JSON): the error keeps the body's start, which names the refusal.
    let excerpt = err.metadata().and_then(|m| m.body_excerpt()).unwrap_or("");
    assert!(
        excerpt.contains("<Code>SignatureDoesNotMatch</Code>"),
        "{excerpt}"
    );
    // The same request with the right key gets through to DynamoDB.
    let err = GetItem {
        table_name: "missing".into(),
        key: key("k", 1),
        ..Default::default()
    }
    .send(&moto.client().unwrap())
    .await
    .expect_err("no such table");
    assert!(
        matches!(
            err.service_error(),
            Some(GetItemError::ResourceNotFoundException(_))
        ),
        "{err}"
    );
}
