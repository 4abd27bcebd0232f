use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Login {
    pub user: Option<String>,
    #[aws(sensitive)]
    pub password: Option<String>,
}

fn main() {}
