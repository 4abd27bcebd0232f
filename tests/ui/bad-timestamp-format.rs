use awsop::{aws_shape, DateTime};

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct Event {
    #[aws(timestamp_format = "iso8601")]
    pub at: Option<DateTime>,
}

fn main() {}
