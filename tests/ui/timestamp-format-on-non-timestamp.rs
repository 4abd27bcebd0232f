use awsop::aws_shape;

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct Event {
    #[aws(timestamp_format = "date-time")]
    pub at: Option<String>,
}

fn main() {}
