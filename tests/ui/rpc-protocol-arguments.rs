use awsop::aws_operation;

// awsJson needs its target prefix, has no use for an API version, always
// POSTs and chooses its own path.
#[aws_operation(service = "dynamodb", protocol = "awsJson1_0", api_version = "2012-08-10", method = "GET", uri = "/tables")]
pub struct ListTables {}

// rpcv2Cbor needs the service's name, as its target prefix.
#[aws_operation(service = "monitoring", protocol = "rpcv2Cbor")]
pub struct ListDashboards {}

fn main() {}
