//! Amazon SQS (awsJson1_0, query-compatible): `CreateQueue`, `SendMessage`,
//! `ReceiveMessage`, `DeleteMessage` and `GetQueueUrl`, declared from
//! botocore 1.44.8's `sqs/2012-11-05/service-2.json`.
//!
//! SQS moved from awsQuery to JSON and still answers errors with their
//! awsQuery codes in `x-amzn-query-error` (`query_compatible`). botocore's
//! model leaves those codes out (its `_handle_sqs_compatible_error` matches
//! the exception by shape name instead); SQS's own model gives them
//! (`@awsQueryError`), so the one the tests meet is spelled out:
//! `QueueDoesNotExist` is code `AWS.SimpleQueueService.NonExistentQueue`
//! (and still matches by its shape name).
//!
//! ```no_run
//! use awsop_moto::sqs::{GetQueueUrl, GetQueueUrlError};
//! # async fn demo(client: &awsop::Client) {
//! let missing = GetQueueUrl { queue_name: "missing".into(), ..Default::default() };
//! match missing.send(client).await {
//!     Err(e) if matches!(e.service_error(), Some(GetQueueUrlError::QueueDoesNotExist(_))) => {}
//!     other => panic!("{other:?}"),
//! }
//! # }
//! ```

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob};

mod errors;
mod message;

pub use errors::*;
pub use message::*;

/// `CreateQueue`: Creates a new standard or FIFO queue.
#[aws_operation(
    service = "sqs",
    service_id = "SQS",
    protocol = "awsJson1_0",
    target_prefix = "AmazonSQS",
    query_compatible,
    method = "POST",
    uri = "/",
    output = CreateQueueResult,
    error = CreateQueueError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateQueue {
    /// The name of the new queue.
    pub queue_name: String,
    /// A map of attributes with their corresponding values.
    pub attributes: Option<HashMap<String, String>>,
    /// Add cost allocation tags to the specified Amazon SQS queue.
    #[aws(rename = "tags")]
    pub tags: Option<HashMap<String, String>>,
}

/// The modeled errors of [`CreateQueue`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateQueueError {
    /// You must wait 60 seconds after deleting a queue before you can create another queue with the same name.
    QueueDeletedRecently(QueueDeletedRecently),
    /// A queue with this name already exists.
    QueueNameExists(QueueNameExists),
    /// The request was denied due to request throttling.
    RequestThrottled(RequestThrottled),
    /// The specified ID is invalid.
    InvalidAddress(InvalidAddress),
    /// The specified attribute doesn't exist.
    InvalidAttributeName(InvalidAttributeName),
    /// A queue attribute value is invalid.
    InvalidAttributeValue(InvalidAttributeValue),
    /// Error code 400.
    UnsupportedOperation(UnsupportedOperation),
    /// The request was not made over HTTPS or did not use SigV4 for signing.
    InvalidSecurity(InvalidSecurity),
}

/// `SendMessage`: Delivers a message to the specified queue.
#[aws_operation(
    service = "sqs",
    service_id = "SQS",
    protocol = "awsJson1_0",
    target_prefix = "AmazonSQS",
    query_compatible,
    method = "POST",
    uri = "/",
    output = SendMessageResult,
    error = SendMessageError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct SendMessage {
    /// The URL of the Amazon SQS queue to which a message is sent.
    pub queue_url: String,
    /// The message to send.
    pub message_body: String,
    /// The length of time, in seconds, for which to delay a specific message.
    pub delay_seconds: Option<i32>,
    /// Each message attribute consists of a Name , Type , and Value .
    pub message_attributes: Option<HashMap<String, MessageAttributeValue>>,
    /// The message system attribute to send.
    pub message_system_attributes: Option<HashMap<String, MessageSystemAttributeValue>>,
    /// This parameter applies only to FIFO (first-in-first-out) queues.
    pub message_deduplication_id: Option<String>,
    /// MessageGroupId is an attribute used in Amazon SQS FIFO (First-In-First-Out) and standard queues.
    pub message_group_id: Option<String>,
}

/// The modeled errors of [`SendMessage`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum SendMessageError {
    /// The message contains characters outside the allowed set.
    InvalidMessageContents(InvalidMessageContents),
    /// Error code 400.
    UnsupportedOperation(UnsupportedOperation),
    /// The request was denied due to request throttling.
    RequestThrottled(RequestThrottled),
    /// Ensure that the QueueUrl is correct and that the queue has not been deleted.
    #[aws(rename = "AWS.SimpleQueueService.NonExistentQueue")]
    QueueDoesNotExist(QueueDoesNotExist),
    /// The request was not made over HTTPS or did not use SigV4 for signing.
    InvalidSecurity(InvalidSecurity),
    /// The request was denied due to request throttling.
    KmsDisabled(KmsDisabled),
    /// The request was rejected because the state of the specified resource is not valid for this request.
    KmsInvalidState(KmsInvalidState),
    /// The request was rejected because the specified entity or resource could not be found.
    KmsNotFound(KmsNotFound),
    /// The request was rejected because the specified key policy isn't syntactically or semantically correct.
    KmsOptInRequired(KmsOptInRequired),
    /// Amazon Web Services KMS throttles requests for the following conditions.
    KmsThrottled(KmsThrottled),
    /// The caller doesn't have the required KMS access.
    KmsAccessDenied(KmsAccessDenied),
    /// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
    KmsInvalidKeyUsage(KmsInvalidKeyUsage),
    /// The specified ID is invalid.
    InvalidAddress(InvalidAddress),
}

/// `ReceiveMessage`: Retrieves one or more messages (up to 10), from the specified queue.
#[aws_operation(
    service = "sqs",
    service_id = "SQS",
    protocol = "awsJson1_0",
    target_prefix = "AmazonSQS",
    query_compatible,
    method = "POST",
    uri = "/",
    output = ReceiveMessageResult,
    error = ReceiveMessageError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct ReceiveMessage {
    /// The URL of the Amazon SQS queue from which messages are received.
    pub queue_url: String,
    /// This parameter has been discontinued but will be supported for backward compatibility.
    pub attribute_names: Option<Vec<QueueAttributeName>>,
    /// A list of attributes that need to be returned along with each message.
    pub message_system_attribute_names: Option<Vec<MessageSystemAttributeName>>,
    /// The name of the message attribute, where N is the index.
    pub message_attribute_names: Option<Vec<String>>,
    /// The maximum number of messages to return.
    pub max_number_of_messages: Option<i32>,
    /// The duration (in seconds) that the received messages are hidden from subsequent retrieve requests after being retrieved by a ReceiveMessage request.
    pub visibility_timeout: Option<i32>,
    /// The duration (in seconds) for which the call waits for a message to arrive in the queue before returning.
    pub wait_time_seconds: Option<i32>,
    /// This parameter applies only to FIFO (first-in-first-out) queues.
    pub receive_request_attempt_id: Option<String>,
}

/// The modeled errors of [`ReceiveMessage`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum ReceiveMessageError {
    /// Error code 400.
    UnsupportedOperation(UnsupportedOperation),
    /// The specified action violates a limit.
    OverLimit(OverLimit),
    /// The request was denied due to request throttling.
    RequestThrottled(RequestThrottled),
    /// Ensure that the QueueUrl is correct and that the queue has not been deleted.
    #[aws(rename = "AWS.SimpleQueueService.NonExistentQueue")]
    QueueDoesNotExist(QueueDoesNotExist),
    /// The request was not made over HTTPS or did not use SigV4 for signing.
    InvalidSecurity(InvalidSecurity),
    /// The request was denied due to request throttling.
    KmsDisabled(KmsDisabled),
    /// The request was rejected because the state of the specified resource is not valid for this request.
    KmsInvalidState(KmsInvalidState),
    /// The request was rejected because the specified entity or resource could not be found.
    KmsNotFound(KmsNotFound),
    /// The request was rejected because the specified key policy isn't syntactically or semantically correct.
    KmsOptInRequired(KmsOptInRequired),
    /// Amazon Web Services KMS throttles requests for the following conditions.
    KmsThrottled(KmsThrottled),
    /// The caller doesn't have the required KMS access.
    KmsAccessDenied(KmsAccessDenied),
    /// The request was rejected for one of the following reasons: The KeyUsage value of the KMS key is incompatible with the API operation.
    KmsInvalidKeyUsage(KmsInvalidKeyUsage),
    /// The specified ID is invalid.
    InvalidAddress(InvalidAddress),
}

/// `DeleteMessage`: Deletes the specified message from the specified queue.
#[aws_operation(
    service = "sqs",
    service_id = "SQS",
    protocol = "awsJson1_0",
    target_prefix = "AmazonSQS",
    query_compatible,
    method = "POST",
    uri = "/",
    error = DeleteMessageError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteMessage {
    /// The URL of the Amazon SQS queue from which messages are deleted.
    pub queue_url: String,
    /// The receipt handle associated with the message to delete.
    pub receipt_handle: String,
}

/// The modeled errors of [`DeleteMessage`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum DeleteMessageError {
    /// The specified receipt handle isn't valid for the current version.
    InvalidIdFormat(InvalidIdFormat),
    /// The specified receipt handle isn't valid.
    ReceiptHandleIsInvalid(ReceiptHandleIsInvalid),
    /// The request was denied due to request throttling.
    RequestThrottled(RequestThrottled),
    /// Ensure that the QueueUrl is correct and that the queue has not been deleted.
    #[aws(rename = "AWS.SimpleQueueService.NonExistentQueue")]
    QueueDoesNotExist(QueueDoesNotExist),
    /// Error code 400.
    UnsupportedOperation(UnsupportedOperation),
    /// The request was not made over HTTPS or did not use SigV4 for signing.
    InvalidSecurity(InvalidSecurity),
    /// The specified ID is invalid.
    InvalidAddress(InvalidAddress),
}

/// `GetQueueUrl`: The GetQueueUrl API returns the URL of an existing Amazon SQS queue.
#[aws_operation(
    service = "sqs",
    service_id = "SQS",
    protocol = "awsJson1_0",
    target_prefix = "AmazonSQS",
    query_compatible,
    method = "POST",
    uri = "/",
    output = GetQueueUrlResult,
    error = GetQueueUrlError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetQueueUrl {
    /// (Required) The name of the queue for which you want to fetch the URL.
    pub queue_name: String,
    /// (Optional) The Amazon Web Services account ID of the account that created the queue.
    #[aws(rename = "QueueOwnerAWSAccountId")]
    pub queue_owner_aws_account_id: Option<String>,
}

/// The modeled errors of [`GetQueueUrl`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetQueueUrlError {
    /// The request was denied due to request throttling.
    RequestThrottled(RequestThrottled),
    /// Ensure that the QueueUrl is correct and that the queue has not been deleted.
    #[aws(rename = "AWS.SimpleQueueService.NonExistentQueue")]
    QueueDoesNotExist(QueueDoesNotExist),
    /// The specified ID is invalid.
    InvalidAddress(InvalidAddress),
    /// The request was not made over HTTPS or did not use SigV4 for signing.
    InvalidSecurity(InvalidSecurity),
    /// Error code 400.
    UnsupportedOperation(UnsupportedOperation),
}
