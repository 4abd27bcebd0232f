//! Amazon DynamoDB (awsJson1_0): `CreateTable`, `PutItem`, `GetItem`,
//! `UpdateItem` and `Query` (with its paginator), declared from botocore
//! 1.44.8's `dynamodb/2012-08-10/service-2.json` and `paginators-1.json`:
//! the model's names, members, errors and paginator. botocore models
//! `AttributeValue` as a structure (one member set), so it is one here.
//!
//! ```no_run
//! use std::collections::HashMap;
//! use awsop_moto::dynamodb::{AttributeValue, GetItem};
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let key = HashMap::from([("pk".to_string(), AttributeValue { s: Some("a".into()), ..Default::default() })]);
//! let item = GetItem { table_name: "t".into(), key, ..Default::default() }.send(client).await?.item;
//! # let _ = item; Ok(()) }
//! ```

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob, DateTime};

mod errors;
mod item;
mod table;
mod table_description;

pub use errors::*;
pub use item::*;
pub use table::*;
pub use table_description::*;

/// `CreateTable`: The CreateTable operation adds a new table to your account.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    method = "POST",
    uri = "/",
    output = CreateTableOutput,
    error = CreateTableError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateTable {
    /// An array of attributes that describe the key schema for the table and indexes.
    pub attribute_definitions: Option<Vec<AttributeDefinition>>,
    /// The name of the table to create.
    pub table_name: String,
    /// Specifies the attributes that make up the primary key for a table or an index.
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// One or more local secondary indexes (the maximum is 5) to be created on the table.
    pub local_secondary_indexes: Option<Vec<LocalSecondaryIndex>>,
    /// One or more global secondary indexes (the maximum is 20) to be created on the table.
    pub global_secondary_indexes: Option<Vec<GlobalSecondaryIndex>>,
    /// Controls how you are charged for read and write throughput and how you manage capacity.
    pub billing_mode: Option<BillingMode>,
    /// Represents the provisioned throughput settings for a specified table or index.
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    /// The settings for DynamoDB Streams on the table.
    pub stream_specification: Option<StreamSpecification>,
    /// Represents the settings used to enable server-side encryption.
    #[aws(rename = "SSESpecification")]
    pub sse_specification: Option<SSESpecification>,
    /// A list of key-value pairs to label the table.
    pub tags: Option<Vec<Tag>>,
    /// The table class of the new table.
    pub table_class: Option<TableClass>,
    /// Indicates whether deletion protection is to be enabled (true) or disabled (false) on the table.
    pub deletion_protection_enabled: Option<bool>,
    /// Represents the warm throughput (in read units per second and write units per second) for creating a table.
    pub warm_throughput: Option<WarmThroughput>,
    /// An Amazon Web Services resource-based policy document in JSON format that will be attached to the table.
    pub resource_policy: Option<String>,
    /// Sets the maximum number of read and write units for the specified table in on-demand capacity mode.
    pub on_demand_throughput: Option<OnDemandThroughput>,
    /// The Amazon Resource Name (ARN) of the source table used for the creation of a multi-account global table.
    pub global_table_source_arn: Option<String>,
    /// Controls the settings synchronization mode for the global table.
    pub global_table_settings_replication_mode: Option<GlobalTableSettingsReplicationMode>,
    /// One or more vector indexes to be created on the table.
    pub vector_indexes: Option<Vec<VectorIndex>>,
}

/// The modeled errors of [`CreateTable`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateTableError {
    /// The operation conflicts with the resource's availability.
    ResourceInUseException(ResourceInUseException),
    /// There is no limit to the number of daily on-demand backups that can be taken.
    LimitExceededException(LimitExceededException),
    /// An error occurred on the server side.
    InternalServerError(InternalServerError),
}

/// `PutItem`: Creates a new item, or replaces an old item with a new item.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    method = "POST",
    uri = "/",
    output = PutItemOutput,
    error = PutItemError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct PutItem {
    /// The name of the table to contain the item.
    pub table_name: String,
    /// A map of attribute name/value pairs, one for each attribute.
    pub item: HashMap<String, AttributeValue>,
    /// This is a legacy parameter.
    pub expected: Option<HashMap<String, ExpectedAttributeValue>>,
    /// Use ReturnValues if you want to get the item attributes as they appeared before they were updated with the PutItem request.
    pub return_values: Option<ReturnValue>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response: INDEXES - The response includes the aggregate ConsumedCapacity for the operation, together with...
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// This is a legacy parameter.
    pub conditional_operator: Option<ConditionalOperator>,
    /// A condition that must be satisfied in order for a conditional PutItem operation to succeed.
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    pub expression_attribute_values: Option<HashMap<String, AttributeValue>>,
    /// An optional parameter that returns the item attributes for a PutItem operation that failed a condition check.
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// The modeled errors of [`PutItem`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum PutItemError {
    /// A condition specified in the operation failed to be evaluated.
    ConditionalCheckFailedException(ConditionalCheckFailedException),
    /// The request was denied due to request throttling.
    ProvisionedThroughputExceededException(ProvisionedThroughputExceededException),
    /// The operation tried to access a nonexistent table or index.
    ResourceNotFoundException(ResourceNotFoundException),
    /// An item collection is too large.
    ItemCollectionSizeLimitExceededException(ItemCollectionSizeLimitExceededException),
    /// Operation was rejected because there is an ongoing transaction for the item.
    TransactionConflictException(TransactionConflictException),
    /// Throughput exceeds the current throughput quota for your account.
    RequestLimitExceeded(RequestLimitExceeded),
    /// An error occurred on the server side.
    InternalServerError(InternalServerError),
    /// The request was rejected because one or more items in the request are being modified by a request in another Region.
    ReplicatedWriteConflictException(ReplicatedWriteConflictException),
    /// The request was denied due to request throttling.
    ThrottlingException(ThrottlingException),
}

/// `GetItem`: The GetItem operation returns a set of attributes for the item with the given primary key.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    method = "POST",
    uri = "/",
    output = GetItemOutput,
    error = GetItemError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetItem {
    /// The name of the table containing the requested item.
    pub table_name: String,
    /// A map of attribute names to AttributeValue objects, representing the primary key of the item to retrieve.
    pub key: HashMap<String, AttributeValue>,
    /// This is a legacy parameter.
    pub attributes_to_get: Option<Vec<String>>,
    /// Determines the read consistency model: If set to true , then the operation uses strongly consistent reads; otherwise, the operation uses eventually consistent reads.
    pub consistent_read: Option<bool>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response: INDEXES - The response includes the aggregate ConsumedCapacity for the operation, together with...
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// A string that identifies one or more attributes to retrieve from the table.
    pub projection_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    pub expression_attribute_names: Option<HashMap<String, String>>,
}

/// The modeled errors of [`GetItem`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetItemError {
    /// The request was denied due to request throttling.
    ProvisionedThroughputExceededException(ProvisionedThroughputExceededException),
    /// The operation tried to access a nonexistent table or index.
    ResourceNotFoundException(ResourceNotFoundException),
    /// Throughput exceeds the current throughput quota for your account.
    RequestLimitExceeded(RequestLimitExceeded),
    /// An error occurred on the server side.
    InternalServerError(InternalServerError),
    /// The request was denied due to request throttling.
    ThrottlingException(ThrottlingException),
}

/// `UpdateItem`: Edits an existing item's attributes, or adds a new item to the table if it does not already exist.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    method = "POST",
    uri = "/",
    output = UpdateItemOutput,
    error = UpdateItemError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct UpdateItem {
    /// The name of the table containing the item to update.
    pub table_name: String,
    /// The primary key of the item to be updated.
    pub key: HashMap<String, AttributeValue>,
    /// This is a legacy parameter.
    pub attribute_updates: Option<HashMap<String, AttributeValueUpdate>>,
    /// This is a legacy parameter.
    pub expected: Option<HashMap<String, ExpectedAttributeValue>>,
    /// This is a legacy parameter.
    pub conditional_operator: Option<ConditionalOperator>,
    /// Use ReturnValues if you want to get the item attributes as they appear before or after they are successfully updated.
    pub return_values: Option<ReturnValue>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response: INDEXES - The response includes the aggregate ConsumedCapacity for the operation, together with...
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// An expression that defines one or more attributes to be updated, the action to be performed on them, and new values for them.
    pub update_expression: Option<String>,
    /// A condition that must be satisfied in order for a conditional update to succeed.
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    pub expression_attribute_values: Option<HashMap<String, AttributeValue>>,
    /// An optional parameter that returns the item attributes for an UpdateItem operation that failed a condition check.
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// The modeled errors of [`UpdateItem`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateItemError {
    /// A condition specified in the operation failed to be evaluated.
    ConditionalCheckFailedException(ConditionalCheckFailedException),
    /// The request was denied due to request throttling.
    ProvisionedThroughputExceededException(ProvisionedThroughputExceededException),
    /// The operation tried to access a nonexistent table or index.
    ResourceNotFoundException(ResourceNotFoundException),
    /// An item collection is too large.
    ItemCollectionSizeLimitExceededException(ItemCollectionSizeLimitExceededException),
    /// Operation was rejected because there is an ongoing transaction for the item.
    TransactionConflictException(TransactionConflictException),
    /// Throughput exceeds the current throughput quota for your account.
    RequestLimitExceeded(RequestLimitExceeded),
    /// An error occurred on the server side.
    InternalServerError(InternalServerError),
    /// The request was rejected because one or more items in the request are being modified by a request in another Region.
    ReplicatedWriteConflictException(ReplicatedWriteConflictException),
    /// The request was denied due to request throttling.
    ThrottlingException(ThrottlingException),
}

/// `Query`: You must provide the name of the partition key attribute and a single value for that attribute.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    method = "POST",
    uri = "/",
    output = QueryOutput,
    error = QueryError,
    rename_all = "PascalCase",
    paginator(input_token = "ExclusiveStartKey", output_token = "LastEvaluatedKey", items = "Items", page_size = "Limit"),
)]
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The name of the table containing the requested items.
    pub table_name: String,
    /// The name of an index to query.
    pub index_name: Option<String>,
    /// The attributes to be returned in the result.
    pub select: Option<Select>,
    /// This is a legacy parameter.
    pub attributes_to_get: Option<Vec<String>>,
    /// The maximum number of items to evaluate (not necessarily the number of matching items).
    pub limit: Option<i32>,
    /// Determines the read consistency model: If set to true , then the operation uses strongly consistent reads; otherwise, the operation uses eventually consistent reads.
    pub consistent_read: Option<bool>,
    /// This is a legacy parameter.
    pub key_conditions: Option<HashMap<String, Condition>>,
    /// This is a legacy parameter.
    pub query_filter: Option<HashMap<String, Condition>>,
    /// This is a legacy parameter.
    pub conditional_operator: Option<ConditionalOperator>,
    /// Specifies the order for index traversal: If true (default), the traversal is performed in ascending order; if false , the traversal is performed in descending order.
    pub scan_index_forward: Option<bool>,
    /// The primary key of the first item that this operation will evaluate.
    pub exclusive_start_key: Option<HashMap<String, AttributeValue>>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response: INDEXES - The response includes the aggregate ConsumedCapacity for the operation, together with...
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// A string that identifies one or more attributes to retrieve from the table.
    pub projection_expression: Option<String>,
    /// A string that contains conditions that DynamoDB applies after the Query operation, but before the data is returned to you.
    pub filter_expression: Option<String>,
    /// The condition that specifies the key values for items to be retrieved by the Query action.
    pub key_condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    pub expression_attribute_values: Option<HashMap<String, AttributeValue>>,
}

/// The modeled errors of [`Query`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum QueryError {
    /// The request was denied due to request throttling.
    ProvisionedThroughputExceededException(ProvisionedThroughputExceededException),
    /// The operation tried to access a nonexistent table or index.
    ResourceNotFoundException(ResourceNotFoundException),
    /// Throughput exceeds the current throughput quota for your account.
    RequestLimitExceeded(RequestLimitExceeded),
    /// An error occurred on the server side.
    InternalServerError(InternalServerError),
    /// The request was denied due to request throttling.
    ThrottlingException(ThrottlingException),
}
