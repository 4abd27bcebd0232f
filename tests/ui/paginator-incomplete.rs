use awsop::{aws_operation, aws_shape};

#[aws_shape]
#[derive(Debug, Clone, Default)]
pub struct ListThingsOutput {
    pub next_token: Option<String>,
}

// No output token, an unknown key, a required input token, and no Clone.
#[aws_operation(
    service = "svc", method = "POST", uri = "/things", output = ListThingsOutput,
    paginator(input_token = "nextToken", result_key = "things"),
)]
#[derive(Debug, Default)]
pub struct ListThings {
    pub next_token: String,
}

fn main() {}
