use awsop::aws_operation;

// Every mistake is reported at once, each at its own token.
#[aws_operation(service = "svc", method = "get", uri = "/things/{id}", status = "200", colour = "blue")]
pub struct GetThing {
    #[aws(header)]
    pub filter: Option<String>,
    #[aws(query = "max", query = "limit")]
    pub max: Option<i32>,
}

fn main() {}
