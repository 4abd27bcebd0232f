use awsop::aws_operation;

#[aws_operation(service = "svc", method = "PUT", uri = "/x", request_checksum = "always")]
struct Put {}

fn main() {}
