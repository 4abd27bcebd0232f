use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things", retries = 3)]
pub struct ListThings {}

fn main() {}
