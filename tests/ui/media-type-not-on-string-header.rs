use awsop::aws_operation;

#[aws_operation(service = "svc", method = "POST", uri = "/things")]
pub struct CreateThing {
    #[aws(header = "X-Count", media_type = "application/json")]
    pub count: Option<i32>,
    #[aws(media_type = "application/json")]
    pub document: Option<String>,
}

fn main() {}
