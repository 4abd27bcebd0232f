use awsop::aws_shape;

#[aws_shape(errors)]
#[derive(Debug)]
pub enum ServiceError {
    AccessDeniedException,
}

fn main() {}
