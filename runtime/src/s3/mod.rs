//! Amazon S3's exceptions to the general rules, in one place: how a bucket
//! is addressed, S3's endpoints, how S3 requests are signed, and what S3
//! responses mean beyond their status. The orchestrator and the endpoint
//! resolver apply them to operations whose signing name is `s3`.
//!
//! ```
//! use awsop_runtime::s3::AddressingStyle;
//! assert_eq!("path".parse::<AddressingStyle>().unwrap(), AddressingStyle::Path);
//! assert_eq!(AddressingStyle::default(), AddressingStyle::Auto);
//! ```

mod addressing;
mod checksum;
mod endpoint;
mod errors;
mod signing;
mod trailing_checksum;

pub use addressing::{AddressingStyle, InvalidAddressingStyle};

pub(crate) use addressing::route;
pub(crate) use checksum::add_required_checksum;
pub(crate) use endpoint::regional as regional_endpoint;
pub(crate) use errors::{enrich_metadata, promote_200_error};
pub(crate) use signing::settings as signing_settings;
pub(crate) use trailing_checksum::{
    applies as takes_trailing_checksum, frame as frame_with_trailing_checksum,
    STREAMING_UNSIGNED_PAYLOAD_TRAILER,
};

/// Whether an operation of this signing name follows S3's rules (S3 and
/// S3 Control both sign as `s3`).
pub(crate) fn applies_to(service: &str) -> bool {
    service == "s3"
}
