use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things/{thingId}")]
pub struct GetThing {
    pub thing_id: String,
}

fn main() {}
