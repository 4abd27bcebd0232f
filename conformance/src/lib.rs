//! The protocol conformance suites, run against operations declared with
//! awsop's macros.
//!
//! `build.rs` turns botocore's language-neutral protocol tests
//! (`fixtures/{input,output}/<fixture>.json`, one fixture per protocol)
//! into Rust: per suite, the operation and its shapes in the macro user
//! syntax, and one function per case. This library is what those functions
//! call: it builds responses, compares serialized requests (bodies as JSON,
//! CBOR, XML or form values) and parsed outputs, and runs and reports the
//! cases (`tests/suites.rs`).
//!
//! ```
//! use conformance::{run_cases, Case};
//! fn passes() -> Result<(), String> { Ok(()) }
//! let report = run_cases(vec![
//!     Case::run("Passes", passes),
//!     Case::skipped("Deferred", "checksum: Content-MD5 is deferred"),
//! ]);
//! assert_eq!((report.passed, report.failed, report.skipped), (1, 0, 1));
//! ```
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

mod case;
mod form_body;
mod host;
pub mod lit;
mod request;
mod response;
mod xml_body;

pub use case::{run_cases, Case, CaseFn, Report, Skip};
pub use host::check_host;
pub use request::{check_request, ExpectedRequest};
pub use response::{check_error, expect_eq, response, response_base64, take_nan, Float};
