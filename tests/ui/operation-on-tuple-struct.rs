use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things/{id}")]
pub struct GetThing(pub String);

fn main() {}
