//! SNS (awsQuery) through the real `awsop::Client`, against moto with
//! SigV4 checking on: topics created (attributes and tags as
//! `entry.N` / `member.N`), a message with attributes published and
//! delivered to a subscribed SQS queue, `ListTopics` walked page by page
//! with its paginator, and a missing topic's typed `NotFound`.

use std::collections::HashMap;

use awsop::{Blob, ErrorKind};
use awsop_moto::sns::*;
use awsop_moto::sqs::{CreateQueue, ReceiveMessage};
use awsop_moto::{require_moto, shared_with_sigv4_auth, ACCOUNT_ID, REGION};

// No space in any form value: moto checks an awsQuery signature over its
// own re-encoding of the parsed form (Python's `urlencode`: a space becomes
// `+`), not over the bytes received, so a value with a space fails its
// check however it was encoded; awsop sends `%20` (RFC 3986, as the AWS
// SDKs for Rust and Java do), which AWS verifies over the bytes as sent.
#[tokio::test]
async fn a_published_message_reaches_a_subscribed_queue() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let topic_arn = CreateTopic {
        name: "awsop-news".into(),
        attributes: Some(HashMap::from([(
            "DisplayName".to_string(),
            "awsop&co/ü".to_string(),
        )])),
        tags: Some(vec![Tag {
            key: "team".into(),
            value: "awsop".into(),
        }]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateTopic")
    .topic_arn
    .expect("a topic ARN");
    assert_eq!(
        topic_arn,
        format!("arn:aws:sns:{REGION}:{ACCOUNT_ID}:awsop-news")
    );
    let attributes = GetTopicAttributes {
        topic_arn: topic_arn.clone(),
    }
    .send(&client)
    .await
    .expect("GetTopicAttributes")
    .attributes
    .unwrap_or_default();
    assert_eq!(
        attributes.get("DisplayName").map(String::as_str),
        Some("awsop&co/ü")
    );
    assert_eq!(attributes.get("TopicArn"), Some(&topic_arn));

    let queue_url = CreateQueue {
        queue_name: "awsop-news-inbox".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateQueue")
    .queue_url
    .expect("a queue URL");
    let subscription = Subscribe {
        topic_arn: topic_arn.clone(),
        protocol: "sqs".into(),
        endpoint: Some(format!(
            "arn:aws:sqs:{REGION}:{ACCOUNT_ID}:awsop-news-inbox"
        )),
        return_subscription_arn: Some(true),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("Subscribe")
    .subscription_arn
    .expect("a subscription ARN");
    assert!(
        subscription.starts_with(&format!("{topic_arn}:")),
        "{subscription}"
    );

    let published = Publish {
        topic_arn: Some(topic_arn.clone()),
        subject: Some("hello".into()),
        message: "first-news:ünïcode,&=<tags>+%20".into(),
        message_attributes: Some(HashMap::from([
            (
                "kind".to_string(),
                MessageAttributeValue {
                    data_type: "String".into(),
                    string_value: Some("greeting".into()),
                    ..Default::default()
                },
            ),
            (
                "raw".to_string(),
                MessageAttributeValue {
                    data_type: "Binary".into(),
                    binary_value: Some(Blob::new(vec![0u8, 0xff])),
                    ..Default::default()
                },
            ),
        ])),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("Publish");
    let message_id = published.message_id.expect("a message id");

    // What the queue got is SNS's JSON envelope: the subject, message and
    // attributes as moto understood the form request.
    let delivered = ReceiveMessage {
        queue_url,
        wait_time_seconds: Some(0),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("ReceiveMessage")
    .messages
    .unwrap_or_default();
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    let envelope: serde_json::Value =
        serde_json::from_str(delivered[0].body.as_deref().unwrap_or("")).expect("a JSON envelope");
    assert_eq!(envelope["MessageId"], message_id.as_str());
    assert_eq!(envelope["TopicArn"], topic_arn.as_str());
    assert_eq!(envelope["Subject"], "hello");
    assert_eq!(envelope["Message"], "first-news:ünïcode,&=<tags>+%20");
    assert_eq!(envelope["MessageAttributes"]["kind"]["Type"], "String");
    assert_eq!(envelope["MessageAttributes"]["kind"]["Value"], "greeting");
    assert_eq!(envelope["MessageAttributes"]["raw"]["Type"], "Binary");
    // base64 of [0x00, 0xff]
    assert_eq!(envelope["MessageAttributes"]["raw"]["Value"], "AP8=");
}

#[tokio::test]
async fn topics_are_listed_page_by_page() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    // moto answers ListTopics 100 topics a page (its DEFAULT_PAGE_SIZE);
    // 105 make two pages.
    for i in 0..105 {
        CreateTopic {
            name: format!("awsop-paged-{i:03}"),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("CreateTopic");
    }
    let mut pages = ListTopics::default().paginate(&client);
    let mut paged = Vec::new();
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        let topics = page.expect("a ListTopics page").topics.unwrap_or_default();
        sizes.push(topics.len());
        paged.extend(
            topics
                .into_iter()
                .filter_map(|t| t.topic_arn)
                .filter(|arn| arn.contains(":awsop-paged-")),
        );
    }
    println!("ListTopics pages: {sizes:?}");
    assert_eq!(sizes.len(), 2, "{sizes:?}");
    assert_eq!(sizes[0], 100);
    paged.sort();
    let expected: Vec<String> = (0..105)
        .map(|i| format!("arn:aws:sns:{REGION}:{ACCOUNT_ID}:awsop-paged-{i:03}"))
        .collect();
    assert_eq!(paged, expected);
    // Item by item, the same topics.
    let mut all: Vec<String> = ListTopics::default()
        .paginate(&client)
        .collect_items()
        .await
        .expect("every topic")
        .into_iter()
        .filter_map(|t| t.topic_arn)
        .filter(|arn| arn.contains(":awsop-paged-"))
        .collect();
    all.sort();
    assert_eq!(all, expected);
}

#[tokio::test]
async fn a_missing_topic_is_a_typed_not_found() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let err = GetTopicAttributes {
        topic_arn: format!("arn:aws:sns:{REGION}:{ACCOUNT_ID}:awsop-no-such-topic"),
    }
    .send(&client)
    .await
    .expect_err("no such topic");
    println!("GetTopicAttributes, missing topic: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some("NotFound"));
    assert!(err.request_id().is_some());
    match err.service_error() {
        Some(GetTopicAttributesError::NotFoundException(e)) => {
            assert_eq!(e.message.as_deref(), err.message());
            assert!(e.message.is_some());
        }
        other => panic!("not the typed error: {other:?}"),
    }
}
