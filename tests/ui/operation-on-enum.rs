use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/things")]
pub enum ListThings {
    All,
}

fn main() {
    let _ = ListThings::All;
}
