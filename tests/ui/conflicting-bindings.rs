use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things/{thingId}")]
pub struct GetThing {
    #[aws(label, header = "X-Thing")]
    pub thing_id: String,
}

fn main() {}
