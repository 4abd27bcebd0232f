use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct Output {
    #[aws(label)]
    pub id: Option<String>,
}

fn main() {}
