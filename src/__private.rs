//! What `#[aws_operation]` and `#[aws_shape]` expand into. Not a public API:
//! generated code names only paths under here (and `core`/`std`), so users
//! depend on `awsop` alone.
pub use awsop_runtime::*;
