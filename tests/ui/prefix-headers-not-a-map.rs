use awsop::aws_operation;

#[aws_operation(service = "svc", method = "PUT", uri = "/objects")]
pub struct PutObject {
    #[aws(prefix_headers = "x-amz-meta-")]
    pub metadata: Option<String>,
}

fn main() {}
