//! SQS (awsJson1_0, query-compatible) through the real `awsop::Client`,
//! against moto with SigV4 checking on: a queue, a message with string and
//! binary attributes sent, received and deleted, and a missing queue's
//! typed error with its legacy awsQuery code.

use std::collections::HashMap;

use awsop::{Blob, ErrorKind};
use awsop_moto::sqs::*;
use awsop_moto::{require_moto, shared_with_sigv4_auth};

const BODY: &str = "hello from awsop: ünïcode & <xml>";
/// `hashlib.md5(BODY.encode()).hexdigest()`, computed by Python.
const BODY_MD5: &str = "c9aa5b267418c93ff97280079926d563";

#[tokio::test]
async fn a_message_is_sent_received_and_deleted() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let queue_url = CreateQueue {
        queue_name: "awsop-queue".into(),
        attributes: Some(HashMap::from([(
            "VisibilityTimeout".to_string(),
            "30".to_string(),
        )])),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateQueue")
    .queue_url
    .expect("a queue URL");
    assert!(queue_url.ends_with("/awsop-queue"), "{queue_url}");

    let binary = Blob::new(vec![0u8, 1, 0xfe, 0xff]);
    let sent = SendMessage {
        queue_url: queue_url.clone(),
        message_body: BODY.into(),
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
                    binary_value: Some(binary.clone()),
                    ..Default::default()
                },
            ),
        ])),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("SendMessage");
    assert_eq!(sent.md5_of_message_body.as_deref(), Some(BODY_MD5));
    assert!(sent.md5_of_message_attributes.is_some());
    let message_id = sent.message_id.expect("a message id");

    let received = ReceiveMessage {
        queue_url: queue_url.clone(),
        max_number_of_messages: Some(10),
        message_attribute_names: Some(vec!["All".into()]),
        message_system_attribute_names: Some(vec![MessageSystemAttributeName::SentTimestamp]),
        wait_time_seconds: Some(0),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("ReceiveMessage")
    .messages
    .unwrap_or_default();
    assert_eq!(received.len(), 1, "{received:?}");
    let message = &received[0];
    assert_eq!(message.message_id.as_deref(), Some(message_id.as_str()));
    assert_eq!(message.body.as_deref(), Some(BODY));
    assert_eq!(message.md5_of_body.as_deref(), Some(BODY_MD5));
    let attributes = message.message_attributes.as_ref().expect("attributes");
    assert_eq!(attributes["kind"].string_value.as_deref(), Some("greeting"));
    assert_eq!(attributes["raw"].binary_value.as_ref(), Some(&binary));
    assert_eq!(attributes["raw"].data_type, "Binary");
    let system = message.attributes.as_ref().expect("system attributes");
    assert!(system["SentTimestamp"].parse::<u64>().is_ok(), "{system:?}");

    DeleteMessage {
        queue_url: queue_url.clone(),
        receipt_handle: message.receipt_handle.clone().expect("a receipt handle"),
    }
    .send(&client)
    .await
    .expect("DeleteMessage");
    // Deleted: the queue is empty now.
    let left = ReceiveMessage {
        queue_url,
        wait_time_seconds: Some(0),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("ReceiveMessage");
    assert_eq!(left.messages.unwrap_or_default(), []);
}

#[tokio::test]
async fn a_missing_queue_has_its_legacy_code_and_its_typed_error() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let err = GetQueueUrl {
        queue_name: "awsop-no-such-queue".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("no such queue");
    println!("GetQueueUrl, missing queue: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(400));
    // x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender
    assert_eq!(err.code(), Some("AWS.SimpleQueueService.NonExistentQueue"));
    let typed = err.service_error().expect("a service error");
    assert!(
        matches!(typed, GetQueueUrlError::QueueDoesNotExist(_)),
        "{typed:?}"
    );
    assert_eq!(
        typed.code(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    assert!(err.message().is_some_and(|m| !m.is_empty()));
}
