use awsop::aws_operation;

#[aws_operation(service = "dynamodb", method = "POST", uri = "/", protocol = "awsJson1_0")]
pub struct ListTables {}

#[aws_operation(service = "svc", method = "POST", uri = "/", protocol = "soap")]
pub struct Soap {}

fn main() {}
