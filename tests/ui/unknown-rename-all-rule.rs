use awsop::{aws_operation, aws_shape};

#[aws_shape(rename_all = "Pascal")]
pub struct Thing {
    pub table_name: Option<String>,
}

#[aws_operation(service = "svc", method = "POST", uri = "/", rename_all = "UPPERCASE")]
pub struct PutThing {
    pub table_name: Option<String>,
}

fn main() {}
