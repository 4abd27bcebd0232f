use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things")]
pub struct ListThings {
    #[aws(response_code)]
    pub status: Option<i32>,
}

fn main() {}
