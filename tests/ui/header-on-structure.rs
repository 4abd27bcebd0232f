use awsop::{aws_operation, aws_shape};

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub timeout: Option<i32>,
}

#[aws_operation(service = "svc", method = "POST", uri = "/things")]
pub struct CreateThing {
    #[aws(header = "X-Settings")]
    pub settings: Option<Settings>,
}

fn main() {}
