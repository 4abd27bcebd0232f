use awsop::aws_operation;

#[aws_operation(service = "svc", method = "POST", uri = "/things")]
pub struct CreateThing<T> {
    pub value: T,
}

fn main() {}
