use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum Level {
    Low = 1,
    Mid = 1 + 1,
    High,
}

fn main() {}
