use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things/{ids}")]
pub struct GetThings {
    #[aws(label)]
    pub ids: Vec<String>,
}

fn main() {}
