use awsop::{aws_operation, Blob};

#[aws_operation(service = "svc", method = "PUT", uri = "/objects")]
pub struct PutObject {
    #[aws(payload)]
    pub body: Option<Blob>,
    #[aws(payload)]
    pub metadata: Option<String>,
}

fn main() {}
