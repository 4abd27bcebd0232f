use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things")]
pub struct ListThings {
    #[aws(query = "max")]
    pub max_results: Option<i32>,
    #[aws(query = "max")]
    pub limit: Option<i32>,
}

fn main() {}
