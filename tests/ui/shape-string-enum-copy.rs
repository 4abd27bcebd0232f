use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Enabled,
    Disabled,
}

fn main() {}
