use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things")]
pub struct ListThings {
    #[aws(header = "X Bad Name")]
    pub filter: Option<String>,
}

fn main() {}
