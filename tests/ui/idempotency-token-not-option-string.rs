use awsop::aws_operation;

#[aws_operation(service = "svc", method = "POST", uri = "/things")]
pub struct CreateThing {
    #[aws(idempotency_token)]
    pub client_token: String,
}

fn main() {}
