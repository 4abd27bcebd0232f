use awsop::{aws_operation, ByteStream};

#[aws_operation(service = "svc", method = "PUT", uri = "/things")]
#[derive(Debug, Clone, Default)]
pub struct PutThing {
    #[aws(header = "X-Body")]
    pub body: ByteStream,
}

fn main() {}
