use awsop::{aws_operation, aws_shape};

// XML options where they mean nothing, or incomplete.
#[aws_operation(service = "svc", method = "POST", uri = "/", xml_name = "Root")]
pub struct JsonInput {
    #[aws(xml_attribute)]
    pub id: Option<String>,
    #[aws(ec2_name = "Name")]
    pub name: Option<String>,
}

#[aws_shape(xml_prefix = "p")]
pub struct Prefixed {
    #[aws(xml_item = "item")]
    pub not_a_list: Option<String>,
    #[aws(xml_key = "K", xml_flattened)]
    pub not_a_map: Option<Vec<String>>,
    #[aws(xml_attribute)]
    pub tags: Option<Vec<String>>,
    #[aws(xml_inner(xml_item = "x"))]
    pub scalar: Option<i32>,
}

#[aws_shape(xml_name = "E")]
pub enum Color {
    Red,
}

fn main() {}
