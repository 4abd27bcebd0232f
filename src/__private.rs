//! What `#[aws_operation]` and `#[aws_shape]` expand into. Not a public API:
//! generated code names only paths under here (and `core`/`std`), so users
//! depend on `awsop` alone; nothing here is covered by semver.
pub use awsop_runtime::*;
