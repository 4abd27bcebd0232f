use awsop::aws_shape;

#[aws_shape(rename_all = "camelCase")]
pub enum Level {
    Low = 1,
    High = 2,
}

fn main() {}
