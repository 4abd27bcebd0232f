use awsop::aws_operation;

// awsJson sends the whole input as its body: a member bound to the URI,
// the query or a header would silently not be sent.
#[aws_operation(service = "dynamodb", protocol = "awsJson1_0", target_prefix = "DynamoDB_20120810")]
#[derive(Debug, Clone, Default)]
pub struct GetItem {
    #[aws(label)]
    pub table_name: String,
    #[aws(query = "consistent")]
    pub consistent_read: Option<bool>,
    #[aws(header = "x-amz-thing")]
    pub thing: Option<String>,
    #[aws(payload)]
    pub key: Option<String>,
}

fn main() {}
