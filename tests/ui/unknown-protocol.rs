use awsop::aws_operation;

#[aws_operation(service = "s3", method = "GET", uri = "/", protocol = "restxml")]
pub struct ListBuckets {}

#[aws_operation(service = "svc", method = "POST", uri = "/", protocol = "soap")]
pub struct Soap {}

fn main() {}
