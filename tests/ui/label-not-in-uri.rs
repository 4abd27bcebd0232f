use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things")]
pub struct GetThing {
    #[aws(label)]
    pub thing_id: String,
}

fn main() {}
