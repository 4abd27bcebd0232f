use awsop::{aws_operation, aws_shape};

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct ListThingsOutput {
    pub next_token: Option<String>,
    pub things: Option<Vec<String>>,
}

#[aws_operation(
    service = "svc", method = "POST", uri = "/things", output = ListThingsOutput,
    paginator(input_token = "nextToken", output_token = "NextMarker", items = "items"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListThings {
    pub next_token: Option<String>,
}

fn main() {}
