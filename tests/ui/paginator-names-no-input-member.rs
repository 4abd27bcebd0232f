use awsop::{aws_operation, aws_shape};

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct ListThingsOutput {
    pub next_token: Option<String>,
}

#[aws_operation(
    service = "svc", method = "POST", uri = "/things", output = ListThingsOutput,
    paginator(input_token = "nextTokn", output_token = "nextToken", page_size = "limit"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListThings {
    pub next_token: Option<String>,
    pub max_results: Option<i32>,
}

fn main() {}
