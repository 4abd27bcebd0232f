use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things", method = "POST")]
pub struct ListThings {}

fn main() {}
