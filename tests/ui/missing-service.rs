use awsop::aws_operation;

#[aws_operation(method = "GET", uri = "/things")]
pub struct ListThings {}

fn main() {}
