//! awsop: call AWS APIs by declaring each operation as a plain struct.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]

pub use awsop_macros::{aws_operation, aws_shape};
pub use awsop_runtime as runtime;

#[doc(hidden)]
pub mod __private;
