//! Amazon SNS (awsQuery): `CreateTopic`, `Publish`, `ListTopics` (with its
//! paginator), `GetTopicAttributes` and `Subscribe`, declared from botocore 1.44.8's
//! `sns/2010-03-31/service-2.json` and `paginators-1.json`. Error codes are
//! the model's (`NotFoundException` is code `NotFound`).
//!
//! ```no_run
//! use awsop_moto::sns::ListTopics;
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let topics = ListTopics::default().paginate(client).collect_items().await?;
//! # let _ = topics; Ok(()) }
//! ```

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob};

/// `CreateTopic`: Creates a topic to which notifications can be published.
#[aws_operation(
    service = "sns",
    service_id = "SNS",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    method = "POST",
    uri = "/",
    output = CreateTopicResponse,
    error = CreateTopicError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateTopic {
    /// The name of the topic you want to create.
    pub name: String,
    /// A map of attributes with their corresponding values.
    pub attributes: Option<HashMap<String, String>>,
    /// The list of tags to add to a new topic.
    pub tags: Option<Vec<Tag>>,
    /// Amazon SNS message data protection is no longer available to new customers.
    pub data_protection_policy: Option<String>,
}

/// The modeled errors of [`CreateTopic`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateTopicError {
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "InvalidParameter")]
    InvalidParameterException(InvalidParameterException),
    /// Indicates that the customer already owns the maximum allowed number of topics.
    #[aws(rename = "TopicLimitExceeded")]
    TopicLimitExceededException(TopicLimitExceededException),
    /// Indicates an internal service error.
    #[aws(rename = "InternalError")]
    InternalErrorException(InternalErrorException),
    /// Indicates that the user has been denied access to the requested resource.
    #[aws(rename = "AuthorizationError")]
    AuthorizationErrorException(AuthorizationErrorException),
    /// The credential signature isn't valid.
    #[aws(rename = "InvalidSecurity")]
    InvalidSecurityException(InvalidSecurityException),
    /// Can't add more than 50 tags to a topic.
    #[aws(rename = "TagLimitExceeded")]
    TagLimitExceededException(TagLimitExceededException),
    /// A tag has been added to a resource with the same ARN as a deleted resource.
    #[aws(rename = "StaleTag")]
    StaleTagException(StaleTagException),
    /// The request doesn't comply with the IAM tag policy.
    #[aws(rename = "TagPolicy")]
    TagPolicyException(TagPolicyException),
    /// Can't perform multiple operations on a tag simultaneously.
    #[aws(rename = "ConcurrentAccess")]
    ConcurrentAccessException(ConcurrentAccessException),
}

/// `Publish`: Sends a message to an Amazon SNS topic, a text message (SMS message) directly to a phone number, or a message to a mobile platform endpoint (when you specify the TargetArn ).
#[aws_operation(
    service = "sns",
    service_id = "SNS",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    method = "POST",
    uri = "/",
    output = PublishResponse,
    error = PublishError,
    rename_all = "PascalCase",
)]
#[derive(Clone, Default)]
pub struct Publish {
    /// The topic you want to publish to.
    pub topic_arn: Option<String>,
    /// If you don't specify a value for the TargetArn parameter, you must specify a value for the PhoneNumber or TopicArn parameters.
    pub target_arn: Option<String>,
    /// The phone number to which you want to deliver an SMS message.
    #[aws(sensitive)]
    pub phone_number: Option<String>,
    /// The message you want to send.
    pub message: String,
    /// Optional parameter to be used as the "Subject" line when the message is delivered to email endpoints.
    pub subject: Option<String>,
    /// Set MessageStructure to json if you want to send a different message for each protocol.
    pub message_structure: Option<String>,
    /// Message attributes for Publish action.
    #[aws(xml_key = "Name", xml_value = "Value")]
    pub message_attributes: Option<HashMap<String, MessageAttributeValue>>,
    /// This parameter applies only to FIFO (first-in-first-out) topics.
    pub message_deduplication_id: Option<String>,
    /// The MessageGroupId can contain up to 128 alphanumeric characters (a-z, A-Z, 0-9) and punctuation (!"#$%&'()*+,-./:;<=>?@\[\\]^_`{|}~) .
    pub message_group_id: Option<String>,
}

/// The modeled errors of [`Publish`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum PublishError {
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "InvalidParameter")]
    InvalidParameterException(InvalidParameterException),
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "ParameterValueInvalid")]
    InvalidParameterValueException(InvalidParameterValueException),
    /// Indicates an internal service error.
    #[aws(rename = "InternalError")]
    InternalErrorException(InternalErrorException),
    /// Indicates that the requested resource does not exist.
    #[aws(rename = "NotFound")]
    NotFoundException(NotFoundException),
    /// Exception error indicating endpoint disabled.
    #[aws(rename = "EndpointDisabled")]
    EndpointDisabledException(EndpointDisabledException),
    /// Exception error indicating platform application disabled.
    #[aws(rename = "PlatformApplicationDisabled")]
    PlatformApplicationDisabledException(PlatformApplicationDisabledException),
    /// Indicates that the user has been denied access to the requested resource.
    #[aws(rename = "AuthorizationError")]
    AuthorizationErrorException(AuthorizationErrorException),
    /// The request was rejected because the specified Amazon Web Services KMS key isn't enabled.
    #[aws(rename = "KMSDisabled")]
    KMSDisabledException(KMSDisabledException),
    /// The request was rejected because the state of the specified resource isn't valid for this request.
    #[aws(rename = "KMSInvalidState")]
    KMSInvalidStateException(KMSInvalidStateException),
    /// The request was rejected because the specified entity or resource can't be found.
    #[aws(rename = "KMSNotFound")]
    KMSNotFoundException(KMSNotFoundException),
    /// The Amazon Web Services access key ID needs a subscription for the service.
    KMSOptInRequired(KMSOptInRequired),
    /// The request was denied due to request throttling.
    #[aws(rename = "KMSThrottling")]
    KMSThrottlingException(KMSThrottlingException),
    /// The ciphertext references a key that doesn't exist or that you don't have access to.
    #[aws(rename = "KMSAccessDenied")]
    KMSAccessDeniedException(KMSAccessDeniedException),
    /// The credential signature isn't valid.
    #[aws(rename = "InvalidSecurity")]
    InvalidSecurityException(InvalidSecurityException),
    /// Indicates that a parameter in the request is invalid.
    ValidationException(ValidationException),
}

/// `ListTopics`: Returns a list of the requester's topics.
#[aws_operation(
    service = "sns",
    service_id = "SNS",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    method = "POST",
    uri = "/",
    output = ListTopicsResponse,
    error = ListTopicsError,
    rename_all = "PascalCase",
    paginator(input_token = "NextToken", output_token = "NextToken", items = "Topics"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListTopics {
    /// Token returned by the previous ListTopics request.
    pub next_token: Option<String>,
}

/// The modeled errors of [`ListTopics`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum ListTopicsError {
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "InvalidParameter")]
    InvalidParameterException(InvalidParameterException),
    /// Indicates an internal service error.
    #[aws(rename = "InternalError")]
    InternalErrorException(InternalErrorException),
    /// Indicates that the user has been denied access to the requested resource.
    #[aws(rename = "AuthorizationError")]
    AuthorizationErrorException(AuthorizationErrorException),
}

/// `GetTopicAttributes`: Returns all of the properties of a topic.
#[aws_operation(
    service = "sns",
    service_id = "SNS",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    method = "POST",
    uri = "/",
    output = GetTopicAttributesResponse,
    error = GetTopicAttributesError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetTopicAttributes {
    /// The ARN of the topic whose properties you want to get.
    pub topic_arn: String,
}

/// The modeled errors of [`GetTopicAttributes`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetTopicAttributesError {
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "InvalidParameter")]
    InvalidParameterException(InvalidParameterException),
    /// Indicates an internal service error.
    #[aws(rename = "InternalError")]
    InternalErrorException(InternalErrorException),
    /// Indicates that the requested resource does not exist.
    #[aws(rename = "NotFound")]
    NotFoundException(NotFoundException),
    /// Indicates that the user has been denied access to the requested resource.
    #[aws(rename = "AuthorizationError")]
    AuthorizationErrorException(AuthorizationErrorException),
    /// The credential signature isn't valid.
    #[aws(rename = "InvalidSecurity")]
    InvalidSecurityException(InvalidSecurityException),
}

/// `Subscribe`: Subscribes an endpoint to an Amazon SNS topic.
#[aws_operation(
    service = "sns",
    service_id = "SNS",
    protocol = "awsQuery",
    api_version = "2010-03-31",
    method = "POST",
    uri = "/",
    output = SubscribeResponse,
    error = SubscribeError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct Subscribe {
    /// The ARN of the topic you want to subscribe to.
    pub topic_arn: String,
    /// The protocol that you want to use.
    pub protocol: String,
    /// The endpoint that you want to receive notifications.
    pub endpoint: Option<String>,
    /// A map of attributes with their corresponding values.
    pub attributes: Option<HashMap<String, String>>,
    /// Sets whether the response from the Subscribe request includes the subscription ARN, even if the subscription is not yet confirmed.
    pub return_subscription_arn: Option<bool>,
}

/// The modeled errors of [`Subscribe`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum SubscribeError {
    /// Indicates that the customer already owns the maximum allowed number of subscriptions.
    #[aws(rename = "SubscriptionLimitExceeded")]
    SubscriptionLimitExceededException(SubscriptionLimitExceededException),
    /// Indicates that the number of filter polices in your Amazon Web Services account exceeds the limit.
    #[aws(rename = "FilterPolicyLimitExceeded")]
    FilterPolicyLimitExceededException(FilterPolicyLimitExceededException),
    /// Indicates that the request parameter has exceeded the maximum number of concurrent message replays.
    #[aws(rename = "ReplayLimitExceeded")]
    ReplayLimitExceededException(ReplayLimitExceededException),
    /// Indicates that a request parameter does not comply with the associated constraints.
    #[aws(rename = "InvalidParameter")]
    InvalidParameterException(InvalidParameterException),
    /// Indicates an internal service error.
    #[aws(rename = "InternalError")]
    InternalErrorException(InternalErrorException),
    /// Indicates that the requested resource does not exist.
    #[aws(rename = "NotFound")]
    NotFoundException(NotFoundException),
    /// Indicates that the user has been denied access to the requested resource.
    #[aws(rename = "AuthorizationError")]
    AuthorizationErrorException(AuthorizationErrorException),
    /// The credential signature isn't valid.
    #[aws(rename = "InvalidSecurity")]
    InvalidSecurityException(InvalidSecurityException),
}

/// The list of tags to be added to the specified topic.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The required key portion of the tag.
    pub key: String,
    /// The optional value portion of the tag.
    pub value: String,
}

/// Response from CreateTopic action.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateTopicResponse {
    /// The Amazon Resource Name (ARN) assigned to the created topic.
    pub topic_arn: Option<String>,
}

/// Indicates that a request parameter does not comply with the associated constraints.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidParameterException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates that the customer already owns the maximum allowed number of topics.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicLimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates an internal service error.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InternalErrorException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates that the user has been denied access to the requested resource.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuthorizationErrorException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The credential signature isn't valid.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidSecurityException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Can't add more than 50 tags to a topic.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagLimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// A tag has been added to a resource with the same ARN as a deleted resource.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StaleTagException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request doesn't comply with the IAM tag policy.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagPolicyException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Can't perform multiple operations on a tag simultaneously.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConcurrentAccessException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The user-specified message attribute value.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageAttributeValue {
    /// Amazon SNS supports the following logical data types: String, String.Array, Number, and Binary.
    pub data_type: String,
    /// Strings are Unicode with UTF8 binary encoding.
    pub string_value: Option<String>,
    /// Binary type attributes can store any binary data, for example, compressed data, encrypted data, or images.
    pub binary_value: Option<Blob>,
}

/// Response for Publish action.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublishResponse {
    /// Unique identifier assigned to the published message.
    pub message_id: Option<String>,
    /// This response element applies only to FIFO (first-in-first-out) topics.
    pub sequence_number: Option<String>,
}

/// Indicates that a request parameter does not comply with the associated constraints.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidParameterValueException {
    /// The parameter of an entry in a request doesn't abide by the specification.
    pub message: Option<String>,
}

/// Indicates that the requested resource does not exist.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotFoundException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Exception error indicating endpoint disabled.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EndpointDisabledException {
    /// Message for endpoint disabled.
    pub message: Option<String>,
}

/// Exception error indicating platform application disabled.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlatformApplicationDisabledException {
    /// Message for platform application disabled.
    pub message: Option<String>,
}

/// The request was rejected because the specified Amazon Web Services KMS key isn't enabled.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSDisabledException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the state of the specified resource isn't valid for this request.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSInvalidStateException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because the specified entity or resource can't be found.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSNotFoundException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The Amazon Web Services access key ID needs a subscription for the service.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSOptInRequired {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was denied due to request throttling.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSThrottlingException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The ciphertext references a key that doesn't exist or that you don't have access to.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KMSAccessDeniedException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates that a parameter in the request is invalid.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationException {
    /// The `Message` member.
    pub message: String,
}

/// Response for ListTopics action.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListTopicsResponse {
    /// A list of topic ARNs.
    pub topics: Option<Vec<Topic>>,
    /// Token to pass along to the next ListTopics request.
    pub next_token: Option<String>,
}

/// A wrapper type for the topic's Amazon Resource Name (ARN).
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topic {
    /// The topic's ARN.
    pub topic_arn: Option<String>,
}

/// Response for GetTopicAttributes action.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetTopicAttributesResponse {
    /// A map of the topic's attributes.
    pub attributes: Option<HashMap<String, String>>,
}

/// Response for Subscribe action.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubscribeResponse {
    /// The ARN of the subscription if it is confirmed, or the string "pending confirmation" if the subscription requires confirmation.
    pub subscription_arn: Option<String>,
}

/// Indicates that the customer already owns the maximum allowed number of subscriptions.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubscriptionLimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates that the number of filter polices in your Amazon Web Services account exceeds the limit.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterPolicyLimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Indicates that the request parameter has exceeded the maximum number of concurrent message replays.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayLimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}
