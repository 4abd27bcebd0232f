//! A local endpoint that behaves like Amazon DataZone for the four
//! user-profile operations, for awsop's tests and quickstart.
//!
//! | operation | request | success |
//! |---|---|---|
//! | CreateUserProfile | `POST /v2/domains/{domainIdentifier}/user-profiles` | 201 |
//! | GetUserProfile | `GET /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}?type=&sessionName=` | 200 |
//! | UpdateUserProfile | `PUT /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}` | 200 |
//! | SearchUserProfiles | `POST /v2/domains/{domainIdentifier}/search-user-profiles` | 200 |
//!
//! What it checks, as the real service does:
//!
//! - **SigV4** on every request (access key, credential scope date, region
//!   and service, signed `host`, the signature itself, and the request time
//!   within 5 minutes of its clock), answering `403` with AWS's codes:
//!   `MissingAuthenticationTokenException`, `IncompleteSignatureException`,
//!   `InvalidSignatureException`, `UnrecognizedClientException`.
//! - **Input** against the vendored service model (`model/`, Apache-2.0,
//!   from botocore): required members, types, string lengths in code points,
//!   patterns (ECMA-262, unanchored), enums and integer ranges, answering
//!   `400 ValidationException` in AWS's wording. Unknown members are ignored.
//!   The emulator reads the model itself, never the client's shapes, so a
//!   mistake cannot hide by being made on both sides.
//! - **Idempotency**: the same `clientToken` with the same input returns the
//!   original response; with a different input, `409 ConflictException`.
//!
//! Every response carries `x-amzn-RequestId` and `Date`; errors carry
//! `x-amzn-ErrorType: <Code>:<namespace>` and a `{"message": ...}` body.
//!
//! For tests it injects [`Fault`]s on demand (status errors, resets,
//! delays, truncated bodies; before or after processing), shifts its clock,
//! and counts requests and faults.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use awsop_emulator::{Emulator, Fault};
//!
//! let emulator = Emulator::start().await;
//! let endpoint = emulator.endpoint_url();      // http://127.0.0.1:<port>
//! let credentials = emulator.credentials();    // AKIDEXAMPLE / wJalr...
//! emulator.faults().push_back(Fault::ResetAfterProcessing);
//! # let _ = (endpoint, credentials);
//! # }
//! ```
//!
//! The binary serves the same on a chosen port:
//! `cargo run -p awsop-emulator -- --port 9000`.
#![warn(missing_docs, unreachable_pub, rust_2018_idioms)]
#![forbid(unsafe_code)]

mod auth;
mod config;
mod date;
mod emulator;
mod error;
mod fault;
mod hex;
mod model;
mod ops;
mod page_token;
mod params;
mod pattern;
mod percent;
mod rng;
mod server;
mod service;
mod state;
mod store;
mod validate;

pub use config::{
    EmulatorConfig, EmulatorConfigBuilder, DEFAULT_ACCESS_KEY_ID, DEFAULT_REGION,
    DEFAULT_SECRET_ACCESS_KEY,
};
pub use emulator::Emulator;
pub use fault::{Fault, Faults, DEFAULT_RANDOM_FAULTS};
