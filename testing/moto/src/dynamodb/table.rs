//! The shapes of a `CreateTable` request: key schema, indexes, throughput, streams, encryption.

use super::*;

/// Represents an attribute for describing the schema for the table and indexes.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeDefinition {
    /// A name for the attribute.
    pub attribute_name: String,
    /// The data type for the attribute, where: S - the attribute is of type String N - the attribute is of type Number B - the attribute is of type Binary
    pub attribute_type: Option<ScalarAttributeType>,
}

/// The `ScalarAttributeType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ScalarAttributeType {
    /// `S`
    S,
    /// `N`
    N,
    /// `B`
    B,
}

/// Represents a single element of a key schema.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeySchemaElement {
    /// The name of a key attribute.
    pub attribute_name: String,
    /// The role that this key attribute will assume: HASH - partition key RANGE - sort key The partition key of an item is also known as its hash attribute .
    pub key_type: Option<KeyType>,
}

/// The `KeyType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// `HASH`
    Hash,
    /// `RANGE`
    Range,
}

/// Represents the properties of a local secondary index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocalSecondaryIndex {
    /// The name of the local secondary index.
    pub index_name: String,
    /// The complete key schema for the local secondary index, consisting of one or more pairs of attribute names and key types: HASH - partition key RANGE - sort key The partition key of an item is also known as its hash attribute .
    pub key_schema: Vec<KeySchemaElement>,
    /// Represents attributes that are copied (projected) from the table into the local secondary index.
    pub projection: Projection,
}

/// Represents attributes that are copied (projected) from the table into an index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Projection {
    /// The set of attributes that are projected into the index: KEYS_ONLY - Only the index and primary keys are projected into the index.
    pub projection_type: Option<ProjectionType>,
    /// Represents the non-key attribute names which will be projected into the index.
    pub non_key_attributes: Option<Vec<String>>,
}

/// The `ProjectionType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProjectionType {
    /// `ALL`
    All,
    /// `KEYS_ONLY`
    KeysOnly,
    /// `INCLUDE`
    Include,
}

/// Represents the properties of a global secondary index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlobalSecondaryIndex {
    /// The name of the global secondary index.
    pub index_name: String,
    /// The complete key schema for a global secondary index, which consists of one or more pairs of attribute names and key types: HASH - partition key RANGE - sort key The partition key of an item is also known as its hash attribute .
    pub key_schema: Vec<KeySchemaElement>,
    /// Represents attributes that are copied (projected) from the table into the global secondary index.
    pub projection: Projection,
    /// Represents the provisioned throughput settings for the specified global secondary index.
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    /// The maximum number of read and write units for the specified global secondary index.
    pub on_demand_throughput: Option<OnDemandThroughput>,
    /// Represents the warm throughput value (in read units per second and write units per second) for the specified secondary index.
    pub warm_throughput: Option<WarmThroughput>,
}

/// Represents the provisioned throughput settings for the specified global secondary index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProvisionedThroughput {
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a ThrottlingException .
    pub read_capacity_units: i64,
    /// The maximum number of writes consumed per second before DynamoDB returns a ThrottlingException .
    pub write_capacity_units: i64,
}

/// Sets the maximum number of read and write units for the specified on-demand table.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OnDemandThroughput {
    /// Maximum number of read request units for the specified table.
    pub max_read_request_units: Option<i64>,
    /// Maximum number of write request units for the specified table.
    pub max_write_request_units: Option<i64>,
}

/// Provides visibility into the number of read and write operations your table or secondary index can instantaneously support.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WarmThroughput {
    /// Represents the number of read operations your base table can instantaneously support.
    pub read_units_per_second: Option<i64>,
    /// Represents the number of write operations your base table can instantaneously support.
    pub write_units_per_second: Option<i64>,
}

/// The `BillingMode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BillingMode {
    /// `PROVISIONED`
    Provisioned,
    /// `PAY_PER_REQUEST`
    PayPerRequest,
}

/// Represents the DynamoDB Streams configuration for a table in DynamoDB.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StreamSpecification {
    /// Indicates whether DynamoDB Streams is enabled (true) or disabled (false) on the table.
    pub stream_enabled: bool,
    /// When an item in the table is modified, StreamViewType determines what information is written to the stream for this table.
    pub stream_view_type: Option<StreamViewType>,
}

/// The `StreamViewType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StreamViewType {
    /// `NEW_IMAGE`
    NewImage,
    /// `OLD_IMAGE`
    OldImage,
    /// `NEW_AND_OLD_IMAGES`
    NewAndOldImages,
    /// `KEYS_ONLY`
    KeysOnly,
}

/// Represents the settings used to enable server-side encryption.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SSESpecification {
    /// Indicates whether server-side encryption is done using an Amazon Web Services managed key or an Amazon Web Services owned key.
    pub enabled: Option<bool>,
    /// Server-side encryption type.
    #[aws(rename = "SSEType")]
    pub sse_type: Option<SSEType>,
    /// The KMS key that should be used for the KMS encryption.
    #[aws(rename = "KMSMasterKeyId")]
    pub kms_master_key_id: Option<String>,
}

/// The `SSEType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SSEType {
    /// `AES256`
    Aes256,
    /// `KMS`
    Kms,
}

/// Describes a tag.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The key of the tag.
    pub key: String,
    /// The value of the tag.
    pub value: String,
}

/// The `TableClass` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TableClass {
    /// `STANDARD`
    Standard,
    /// `STANDARD_INFREQUENT_ACCESS`
    StandardInfrequentAccess,
}

/// The `GlobalTableSettingsReplicationMode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GlobalTableSettingsReplicationMode {
    /// `ENABLED`
    Enabled,
    /// `DISABLED`
    Disabled,
    /// `ENABLED_WITH_OVERRIDES`
    EnabledWithOverrides,
}

/// Contains the configuration settings for a vector index, including the index name, vector attribute, dimensions, distance function, search schema, and projection.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VectorIndex {
    /// The name of the vector index.
    pub index_name: String,
    /// The vector attribute configuration for the index.
    pub vector_attribute: VectorAttributeDefinition,
    /// The search schema that defines partition key and inline filter attributes for the vector index.
    pub search_schema: Option<Vec<SearchSchemaElement>>,
    /// Specifies attributes that are copied (projected) from the table into the vector index.
    pub projection: Projection,
    /// The number of dimensions in each vector.
    pub dimensions: i64,
    /// The distance function used to calculate similarity between vectors.
    pub distance_function: Option<VectorDistanceFunction>,
}

/// The definition of a vector attribute for a vector index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VectorAttributeDefinition {
    /// The name of the vector attribute.
    pub attribute_name: String,
}

/// An element in the search schema of a vector index.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchSchemaElement {
    /// The name of the attribute.
    pub attribute_name: String,
    /// The role of the attribute in the search schema.
    pub search_schema_element_type: Option<SearchSchemaElementType>,
}

/// The `SearchSchemaElementType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SearchSchemaElementType {
    /// `HASH`
    Hash,
    /// `INLINE_FILTER`
    InlineFilter,
}

/// The `VectorDistanceFunction` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VectorDistanceFunction {
    /// `COSINE`
    Cosine,
    /// `DOT_PRODUCT`
    DotProduct,
    /// `EUCLIDEAN`
    Euclidean,
}
