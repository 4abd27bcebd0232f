use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/x", host_prefix = "{account}.{missing}.")]
struct NamesNoMember {
    #[aws(query = "account", host_label)]
    account: String,
}

#[aws_operation(service = "svc", method = "GET", uri = "/y")]
struct LabelWithoutPrefix {
    #[aws(query = "a", host_label)]
    a: i32,
}

#[aws_operation(service = "svc", method = "GET", uri = "/z", host_prefix = "a/b.")]
struct NotAHost {}

fn main() {}
