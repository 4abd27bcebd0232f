use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things/{id")]
pub struct GetThing {
    #[aws(label)]
    pub id: String,
}

#[aws_operation(service = "svc", method = "GET", uri = "things")]
pub struct ListThings {}

fn main() {}
