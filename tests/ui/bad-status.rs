use awsop::aws_operation;

#[aws_operation(service = "svc", method = "POST", uri = "/things", status = 404)]
pub struct CreateThing {}

fn main() {}
