//! What `#[aws_operation]` and `#[aws_shape]` expand into. Not a public API.
pub use awsop_runtime::*;
