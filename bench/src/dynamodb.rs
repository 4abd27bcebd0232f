//! The DynamoDB exchange the `*-dynamodb` drivers and the loopback server
//! share: `GetItem` and `PutItem` (awsJson1.0) of one realistic item — ten
//! attributes, a nested map and a list of maps, a number set, a binary —
//! and awsop's declarations of the two operations, written from botocore's
//! `dynamodb/2012-08-10` model as a user would (only the members the calls
//! use are optional extras; the wire names are the model's).

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob};

/// The table every call reads and writes.
pub const TABLE: &str = "bench-users";
/// `X-Amz-Target` of GetItem.
pub const GET_ITEM_TARGET: &str = "DynamoDB_20120810.GetItem";
/// `X-Amz-Target` of PutItem.
pub const PUT_ITEM_TARGET: &str = "DynamoDB_20120810.PutItem";

/// The item, in DynamoDB's JSON: what GetItem answers and PutItem sends.
pub const ITEM_JSON: &str = concat!(
    "{\"pk\":{\"S\":\"user#5f3e8c2a\"},\"sk\":{\"S\":\"profile\"},",
    "\"name\":{\"S\":\"Jane Doe\"},\"email\":{\"S\":\"jane@example.com\"},",
    "\"age\":{\"N\":\"42\"},\"active\":{\"BOOL\":true},",
    "\"tags\":{\"SS\":[\"admin\",\"beta\",\"ops\"]},",
    "\"scores\":{\"NS\":[\"1.5\",\"99\",\"-3\"]},",
    "\"address\":{\"M\":{\"street\":{\"S\":\"1 Main St\"},\"city\":{\"S\":\"Seattle\"},",
    "\"zip\":{\"S\":\"98101\"},\"geo\":{\"M\":{\"lat\":{\"N\":\"47.6062\"},\"lon\":{\"N\":\"-122.3321\"}}}}},",
    "\"history\":{\"L\":[{\"M\":{\"at\":{\"S\":\"2026-01-01T00:00:00Z\"},\"event\":{\"S\":\"created\"}}},",
    "{\"M\":{\"at\":{\"S\":\"2026-06-01T12:30:00Z\"},\"event\":{\"S\":\"updated\"}}},{\"NULL\":true}]}}"
);

/// The GetItem request body the raw driver sends.
pub const GET_ITEM_REQUEST: &str = concat!(
    "{\"TableName\":\"bench-users\",",
    "\"Key\":{\"pk\":{\"S\":\"user#5f3e8c2a\"},\"sk\":{\"S\":\"profile\"}}}"
);

/// The PutItem request body the raw driver sends (the item, as above).
pub fn put_item_request() -> String {
    format!("{{\"TableName\":\"{TABLE}\",\"Item\":{ITEM_JSON}}}")
}

/// The GetItem response body: the item.
pub fn get_item_response() -> String {
    format!("{{\"Item\":{ITEM_JSON}}}")
}

/// The PutItem response body (no `ReturnValues`, no consumed capacity asked).
pub const PUT_ITEM_RESPONSE: &str = "{}";

/// Which of the two calls a driver makes: env `OP` = `get`, `put`, or
/// `mixed` (the default: even calls GetItem, odd calls PutItem).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Every call is a GetItem.
    Get,
    /// Every call is a PutItem.
    Put,
    /// GetItem and PutItem alternate.
    Mixed,
}

impl Op {
    /// Reads `OP`, or exits with a message.
    pub fn from_env() -> Op {
        match std::env::var("OP").as_deref() {
            Err(_) | Ok("mixed") => Op::Mixed,
            Ok("get") => Op::Get,
            Ok("put") => Op::Put,
            Ok(other) => {
                eprintln!("OP must be get, put or mixed, got {other:?}");
                std::process::exit(2)
            }
        }
    }

    /// Whether call number `i` is a GetItem.
    pub fn is_get(self, i: usize) -> bool {
        match self {
            Op::Get => true,
            Op::Put => false,
            Op::Mixed => i.is_multiple_of(2),
        }
    }
}

/// A DynamoDB attribute value (`AttributeValue` in the model).
#[aws_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
pub enum AttributeValue {
    /// A string.
    S(String),
    /// A number, as its decimal text.
    N(String),
    /// A binary.
    B(Blob),
    /// A string set.
    Ss(Vec<String>),
    /// A number set.
    Ns(Vec<String>),
    /// A binary set.
    Bs(Vec<Blob>),
    /// A map of attributes.
    M(HashMap<String, AttributeValue>),
    /// A list of attributes.
    L(Vec<AttributeValue>),
    /// A null.
    Null(bool),
    /// A boolean.
    Bool(bool),
}

/// `GetItem`: one item by its primary key.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    output = GetItemOutput,
    error = DynamoDbError,
    rename_all = "PascalCase"
)]
#[derive(Debug, Clone, Default)]
pub struct GetItem {
    /// The table's name or ARN.
    pub table_name: String,
    /// The item's primary key.
    pub key: HashMap<String, AttributeValue>,
    /// Strongly consistent read.
    pub consistent_read: Option<bool>,
    /// Which attributes to return.
    pub projection_expression: Option<String>,
    /// Substitutes for attribute names in the expression.
    pub expression_attribute_names: Option<HashMap<String, String>>,
}

/// What `GetItem` returns.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetItemOutput {
    /// The item, if there is one with that key.
    pub item: Option<HashMap<String, AttributeValue>>,
}

/// `PutItem`: writes a whole item.
#[aws_operation(
    service = "dynamodb",
    service_id = "DynamoDB",
    protocol = "awsJson1_0",
    target_prefix = "DynamoDB_20120810",
    output = PutItemOutput,
    error = DynamoDbError,
    rename_all = "PascalCase"
)]
#[derive(Debug, Clone, Default)]
pub struct PutItem {
    /// The table's name or ARN.
    pub table_name: String,
    /// The item.
    pub item: HashMap<String, AttributeValue>,
    /// A condition the write must meet.
    pub condition_expression: Option<String>,
    /// `NONE` or `ALL_OLD`.
    pub return_values: Option<String>,
}

/// What `PutItem` returns.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PutItemOutput {
    /// The item's old attributes, with `ReturnValues = ALL_OLD`.
    pub attributes: Option<HashMap<String, AttributeValue>>,
}

/// A DynamoDB exception's members.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DynamoDbException {
    /// What went wrong.
    pub message: Option<String>,
}

/// The errors the two operations model.
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum DynamoDbError {
    /// The condition was not met.
    ConditionalCheckFailedException(DynamoDbException),
    /// Too many requests for the table's capacity.
    #[aws(throttling)]
    ProvisionedThroughputExceededException(DynamoDbException),
    /// No such table.
    ResourceNotFoundException(DynamoDbException),
    /// An error inside DynamoDB.
    #[aws(retryable)]
    InternalServerError(DynamoDbException),
}

/// The item as awsop's `PutItem` sends it (parsed once from [`ITEM_JSON`]
/// through the real GetItem output parser, so both sides agree).
pub fn item() -> HashMap<String, AttributeValue> {
    use awsop::runtime::operation::Operation;
    let response = awsop::runtime::http::HttpResponse::new(200, get_item_response().into_bytes());
    <GetItem as Operation>::parse_output(&response)
        .expect("the bench item parses")
        .item
        .expect("the bench item has attributes")
}
