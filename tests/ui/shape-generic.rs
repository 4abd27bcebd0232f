use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
}

fn main() {}
