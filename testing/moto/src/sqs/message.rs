//! Queue attributes, messages and their attributes.

use super::*;

/// Returns the QueueUrl attribute of the created queue.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateQueueResult {
    /// The URL of the created Amazon SQS queue.
    pub queue_url: Option<String>,
}

/// The user-specified message attribute value.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageAttributeValue {
    /// Strings are Unicode with UTF-8 binary encoding.
    pub string_value: Option<String>,
    /// Binary type attributes can store any binary data, such as compressed data, encrypted data, or images.
    pub binary_value: Option<Blob>,
    /// Not implemented.
    pub string_list_values: Option<Vec<String>>,
    /// Not implemented.
    pub binary_list_values: Option<Vec<Blob>>,
    /// Amazon SQS supports the following logical data types: String , Number , and Binary .
    pub data_type: String,
}

/// The user-specified message system attribute value.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageSystemAttributeValue {
    /// Strings are Unicode with UTF-8 binary encoding.
    pub string_value: Option<String>,
    /// Binary type attributes can store any binary data, such as compressed data, encrypted data, or images.
    pub binary_value: Option<Blob>,
    /// Not implemented.
    pub string_list_values: Option<Vec<String>>,
    /// Not implemented.
    pub binary_list_values: Option<Vec<Blob>>,
    /// Amazon SQS supports the following logical data types: String , Number , and Binary .
    pub data_type: String,
}

/// The MD5OfMessageBody and MessageId elements.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendMessageResult {
    /// An MD5 digest of the non-URL-encoded message body string.
    #[aws(rename = "MD5OfMessageBody")]
    pub md5_of_message_body: Option<String>,
    /// An MD5 digest of the non-URL-encoded message attribute string.
    #[aws(rename = "MD5OfMessageAttributes")]
    pub md5_of_message_attributes: Option<String>,
    /// An MD5 digest of the non-URL-encoded message system attribute string.
    #[aws(rename = "MD5OfMessageSystemAttributes")]
    pub md5_of_message_system_attributes: Option<String>,
    /// An attribute containing the MessageId of the message sent to the queue.
    pub message_id: Option<String>,
    /// This parameter applies only to FIFO (first-in-first-out) queues.
    pub sequence_number: Option<String>,
}

/// The `QueueAttributeName` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum QueueAttributeName {
    /// `All`
    #[aws(rename = "All")]
    All,
    /// `Policy`
    #[aws(rename = "Policy")]
    Policy,
    /// `VisibilityTimeout`
    #[aws(rename = "VisibilityTimeout")]
    VisibilityTimeout,
    /// `MaximumMessageSize`
    #[aws(rename = "MaximumMessageSize")]
    MaximumMessageSize,
    /// `MessageRetentionPeriod`
    #[aws(rename = "MessageRetentionPeriod")]
    MessageRetentionPeriod,
    /// `ApproximateNumberOfMessages`
    #[aws(rename = "ApproximateNumberOfMessages")]
    ApproximateNumberOfMessages,
    /// `ApproximateNumberOfMessagesNotVisible`
    #[aws(rename = "ApproximateNumberOfMessagesNotVisible")]
    ApproximateNumberOfMessagesNotVisible,
    /// `CreatedTimestamp`
    #[aws(rename = "CreatedTimestamp")]
    CreatedTimestamp,
    /// `LastModifiedTimestamp`
    #[aws(rename = "LastModifiedTimestamp")]
    LastModifiedTimestamp,
    /// `QueueArn`
    #[aws(rename = "QueueArn")]
    QueueArn,
    /// `ApproximateNumberOfMessagesDelayed`
    #[aws(rename = "ApproximateNumberOfMessagesDelayed")]
    ApproximateNumberOfMessagesDelayed,
    /// `DelaySeconds`
    #[aws(rename = "DelaySeconds")]
    DelaySeconds,
    /// `ReceiveMessageWaitTimeSeconds`
    #[aws(rename = "ReceiveMessageWaitTimeSeconds")]
    ReceiveMessageWaitTimeSeconds,
    /// `RedrivePolicy`
    #[aws(rename = "RedrivePolicy")]
    RedrivePolicy,
    /// `FifoQueue`
    #[aws(rename = "FifoQueue")]
    FifoQueue,
    /// `ContentBasedDeduplication`
    #[aws(rename = "ContentBasedDeduplication")]
    ContentBasedDeduplication,
    /// `KmsMasterKeyId`
    #[aws(rename = "KmsMasterKeyId")]
    KmsMasterKeyId,
    /// `KmsDataKeyReusePeriodSeconds`
    #[aws(rename = "KmsDataKeyReusePeriodSeconds")]
    KmsDataKeyReusePeriodSeconds,
    /// `DeduplicationScope`
    #[aws(rename = "DeduplicationScope")]
    DeduplicationScope,
    /// `FifoThroughputLimit`
    #[aws(rename = "FifoThroughputLimit")]
    FifoThroughputLimit,
    /// `RedriveAllowPolicy`
    #[aws(rename = "RedriveAllowPolicy")]
    RedriveAllowPolicy,
    /// `SqsManagedSseEnabled`
    #[aws(rename = "SqsManagedSseEnabled")]
    SqsManagedSseEnabled,
}

/// The `MessageSystemAttributeName` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MessageSystemAttributeName {
    /// `All`
    #[aws(rename = "All")]
    All,
    /// `SenderId`
    #[aws(rename = "SenderId")]
    SenderId,
    /// `SentTimestamp`
    #[aws(rename = "SentTimestamp")]
    SentTimestamp,
    /// `ApproximateReceiveCount`
    #[aws(rename = "ApproximateReceiveCount")]
    ApproximateReceiveCount,
    /// `ApproximateFirstReceiveTimestamp`
    #[aws(rename = "ApproximateFirstReceiveTimestamp")]
    ApproximateFirstReceiveTimestamp,
    /// `SequenceNumber`
    #[aws(rename = "SequenceNumber")]
    SequenceNumber,
    /// `MessageDeduplicationId`
    #[aws(rename = "MessageDeduplicationId")]
    MessageDeduplicationId,
    /// `MessageGroupId`
    #[aws(rename = "MessageGroupId")]
    MessageGroupId,
    /// `AWSTraceHeader`
    #[aws(rename = "AWSTraceHeader")]
    AwsTraceHeader,
    /// `DeadLetterQueueSourceArn`
    #[aws(rename = "DeadLetterQueueSourceArn")]
    DeadLetterQueueSourceArn,
}

/// A list of received messages.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReceiveMessageResult {
    /// A list of messages.
    pub messages: Option<Vec<Message>>,
}

/// An Amazon SQS message.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Message {
    /// A unique identifier for the message.
    pub message_id: Option<String>,
    /// An identifier associated with the act of receiving the message.
    pub receipt_handle: Option<String>,
    /// An MD5 digest of the non-URL-encoded message body string.
    #[aws(rename = "MD5OfBody")]
    pub md5_of_body: Option<String>,
    /// The message's contents (not URL-encoded).
    pub body: Option<String>,
    /// A map of the attributes requested in ReceiveMessage to their respective values.
    pub attributes: Option<HashMap<String, String>>,
    /// An MD5 digest of the non-URL-encoded message attribute string.
    #[aws(rename = "MD5OfMessageAttributes")]
    pub md5_of_message_attributes: Option<String>,
    /// Each message attribute consists of a Name , Type , and Value .
    pub message_attributes: Option<HashMap<String, MessageAttributeValue>>,
}

/// For more information, see Interpreting Responses in the Amazon SQS Developer Guide .
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetQueueUrlResult {
    /// The URL of the queue.
    pub queue_url: Option<String>,
}
