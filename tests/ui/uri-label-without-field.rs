use awsop::aws_operation;

#[aws_operation(service = "svc", method = "GET", uri = "/domains/{domainIdentifier}/things/{thingId}")]
pub struct GetThing {
    #[aws(label)]
    pub domain_identifier: String,
}

fn main() {
    // The struct is still emitted as written, so code using it compiles.
    let _ = GetThing { domain_identifier: String::new() };
}
