use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone)]
pub struct Id(pub String);

fn main() {}
