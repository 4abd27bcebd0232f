use awsop::aws_operation;

#[aws_operation(service = "svc", uri = "/things")]
pub struct ListThings {}

fn main() {}
