use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Enabled,
    Disabled,
    Unknown(String),
}

fn main() {}
