//! Items, keys, conditions and the other shapes of the item operations.

use super::*;

/// Represents the data for an attribute.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeValue {
    /// An attribute of type String.
    pub s: Option<String>,
    /// An attribute of type Number.
    pub n: Option<String>,
    /// An attribute of type Binary.
    pub b: Option<Blob>,
    /// An attribute of type String Set.
    #[aws(rename = "SS")]
    pub ss: Option<Vec<String>>,
    /// An attribute of type Number Set.
    #[aws(rename = "NS")]
    pub ns: Option<Vec<String>>,
    /// An attribute of type Binary Set.
    #[aws(rename = "BS")]
    pub bs: Option<Vec<Blob>>,
    /// An attribute of type Map.
    pub m: Option<HashMap<String, AttributeValue>>,
    /// An attribute of type List.
    pub l: Option<Vec<AttributeValue>>,
    /// An attribute of type Null.
    #[aws(rename = "NULL")]
    pub null: Option<bool>,
    /// An attribute of type Boolean.
    #[aws(rename = "BOOL")]
    pub bool: Option<bool>,
}

/// Represents a condition to be compared with an attribute value.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpectedAttributeValue {
    /// Represents the data for the expected attribute.
    pub value: Option<AttributeValue>,
    /// Causes DynamoDB to evaluate the value before attempting a conditional operation: If Exists is true , DynamoDB will check to see if that attribute value already exists in the table.
    pub exists: Option<bool>,
    /// A comparator for evaluating attributes in the AttributeValueList .
    pub comparison_operator: Option<ComparisonOperator>,
    /// One or more values to evaluate against the supplied attribute.
    pub attribute_value_list: Option<Vec<AttributeValue>>,
}

/// The `ComparisonOperator` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComparisonOperator {
    /// `EQ`
    Eq,
    /// `NE`
    Ne,
    /// `IN`
    In,
    /// `LE`
    Le,
    /// `LT`
    Lt,
    /// `GE`
    Ge,
    /// `GT`
    Gt,
    /// `BETWEEN`
    Between,
    /// `NOT_NULL`
    NotNull,
    /// `NULL`
    Null,
    /// `CONTAINS`
    Contains,
    /// `NOT_CONTAINS`
    NotContains,
    /// `BEGINS_WITH`
    BeginsWith,
}

/// The `ReturnValue` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReturnValue {
    /// `NONE`
    None,
    /// `ALL_OLD`
    AllOld,
    /// `UPDATED_OLD`
    UpdatedOld,
    /// `ALL_NEW`
    AllNew,
    /// `UPDATED_NEW`
    UpdatedNew,
}

/// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response: INDEXES - The response includes the aggregate ConsumedCapacity for the operation, together with...
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReturnConsumedCapacity {
    /// `INDEXES`
    Indexes,
    /// `TOTAL`
    Total,
    /// `NONE`
    None,
}

/// The `ReturnItemCollectionMetrics` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReturnItemCollectionMetrics {
    /// `SIZE`
    Size,
    /// `NONE`
    None,
}

/// The `ConditionalOperator` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConditionalOperator {
    /// `AND`
    And,
    /// `OR`
    Or,
}

/// The `ReturnValuesOnConditionCheckFailure` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReturnValuesOnConditionCheckFailure {
    /// `ALL_OLD`
    AllOld,
    /// `NONE`
    None,
}

/// Represents the output of a PutItem operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutItemOutput {
    /// The attribute values as they appeared before the PutItem operation, but only if ReturnValues is specified as ALL_OLD in the request.
    pub attributes: Option<HashMap<String, AttributeValue>>,
    /// The capacity units consumed by the PutItem operation.
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// Information about item collections, if any, that were affected by the PutItem operation.
    pub item_collection_metrics: Option<ItemCollectionMetrics>,
}

/// The capacity units consumed by an operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConsumedCapacity {
    /// The name of the table that was affected by the operation.
    pub table_name: Option<String>,
    /// The total number of capacity units consumed by the operation.
    pub capacity_units: Option<f64>,
    /// The total number of read capacity units consumed by the operation.
    pub read_capacity_units: Option<f64>,
    /// The total number of write capacity units consumed by the operation.
    pub write_capacity_units: Option<f64>,
    /// The amount of throughput consumed on the table affected by the operation.
    pub table: Option<Capacity>,
    /// The amount of throughput consumed on each local index affected by the operation.
    pub local_secondary_indexes: Option<HashMap<String, Capacity>>,
    /// The amount of throughput consumed on each global index affected by the operation.
    pub global_secondary_indexes: Option<HashMap<String, Capacity>>,
    /// The amount of throughput consumed on each vector index affected by the operation.
    pub vector_indexes: Option<HashMap<String, VectorCapacity>>,
}

/// Represents the amount of provisioned throughput capacity consumed on a table or an index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Capacity {
    /// The total number of read capacity units consumed on a table or an index.
    pub read_capacity_units: Option<f64>,
    /// The total number of write capacity units consumed on a table or an index.
    pub write_capacity_units: Option<f64>,
    /// The total number of capacity units consumed on a table or an index.
    pub capacity_units: Option<f64>,
}

/// The consumed capacity for vector index operations, including vector search request bytes and vector write request bytes.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VectorCapacity {
    /// The number of vector search request bytes consumed by a SearchVectors operation.
    pub vector_search_request_bytes: Option<f64>,
    /// The number of vector write request bytes consumed when writing to a vector index.
    pub vector_write_request_bytes: Option<f64>,
}

/// Information about item collections, if any, that were affected by the operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemCollectionMetrics {
    /// The partition key value of the item collection.
    pub item_collection_key: Option<HashMap<String, AttributeValue>>,
    /// An estimate of item collection size, in gigabytes.
    #[aws(rename = "SizeEstimateRangeGB")]
    pub size_estimate_range_gb: Option<Vec<f64>>,
}

/// Represents the output of a GetItem operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetItemOutput {
    /// A map of attribute names to AttributeValue objects, as specified by ProjectionExpression .
    pub item: Option<HashMap<String, AttributeValue>>,
    /// The capacity units consumed by the GetItem operation.
    pub consumed_capacity: Option<ConsumedCapacity>,
}

/// For the UpdateItem operation, represents the attributes to be modified, the action to perform on each, and the new value for each.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeValueUpdate {
    /// Represents the data for an attribute.
    pub value: Option<AttributeValue>,
    /// Specifies how to perform the update.
    pub action: Option<AttributeAction>,
}

/// The `AttributeAction` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttributeAction {
    /// `ADD`
    Add,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
}

/// Represents the output of an UpdateItem operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateItemOutput {
    /// A map of attribute values as they appear before or after the UpdateItem operation, as determined by the ReturnValues parameter.
    pub attributes: Option<HashMap<String, AttributeValue>>,
    /// The capacity units consumed by the UpdateItem operation.
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// Information about item collections, if any, that were affected by the UpdateItem operation.
    pub item_collection_metrics: Option<ItemCollectionMetrics>,
}

/// The `Select` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Select {
    /// `ALL_ATTRIBUTES`
    AllAttributes,
    /// `ALL_PROJECTED_ATTRIBUTES`
    AllProjectedAttributes,
    /// `SPECIFIC_ATTRIBUTES`
    SpecificAttributes,
    /// `COUNT`
    Count,
}

/// Represents the selection criteria for a Query or Scan operation: For a Query operation, Condition is used for specifying the KeyConditions to use when querying a table or an index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Condition {
    /// One or more values to evaluate against the supplied attribute.
    pub attribute_value_list: Option<Vec<AttributeValue>>,
    /// A comparator for evaluating attributes.
    pub comparison_operator: Option<ComparisonOperator>,
}

/// Represents the output of a Query operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryOutput {
    /// An array of item attributes that match the query criteria.
    pub items: Option<Vec<HashMap<String, AttributeValue>>>,
    /// The number of items in the response.
    pub count: Option<i32>,
    /// The number of items evaluated, before any QueryFilter is applied.
    pub scanned_count: Option<i32>,
    /// The primary key of the item where the operation stopped, inclusive of the previous result set.
    pub last_evaluated_key: Option<HashMap<String, AttributeValue>>,
    /// The capacity units consumed by the Query operation.
    pub consumed_capacity: Option<ConsumedCapacity>,
}
