use awsop::aws_operation;

#[aws_operation(service = "svc", method = "FETCH", uri = "/things")]
pub struct ListThings {}

#[aws_operation(service = "svc", method = "post", uri = "/things")]
pub struct CreateThing {}

fn main() {}
