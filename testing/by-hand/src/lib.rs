//! Operations of AWS Lambda (restJson1, PascalCase wire names) declared by
//! hand from the botocore model, with nothing but the documented syntax of
//! `#[aws_operation]` and `#[aws_shape]`: `rename_all = "PascalCase"`
//! instead of a rename per member, a paginator, typed errors.
//!
//! The tests run them against a loopback server that answers as Lambda
//! does (`tests/lambda.rs`).
#![warn(missing_docs)]

pub mod lambda;
