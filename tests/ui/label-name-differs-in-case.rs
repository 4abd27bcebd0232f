use awsop::aws_operation;

// The uri says `{Name}`, the member's wire name is `name`: the fix is to
// name the label, not to add a field.
#[aws_operation(service = "iam", method = "GET", uri = "/groups/{Name}")]
pub struct GetGroup {
    #[aws(label)]
    pub name: String,
}

fn main() {}
