use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    Iam(String),
    Sso,
}

fn main() {}
