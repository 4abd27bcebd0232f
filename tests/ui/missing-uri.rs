use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET")]
pub struct ListThings {}

fn main() {}
