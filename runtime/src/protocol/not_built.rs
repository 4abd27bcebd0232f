//! Stand-ins for the protocols whose feature is off: types with the
//! protocols' names that implement nothing, so an operation declared with
//! one fails to compile with [`Protocol`](super::Protocol)'s message, which
//! names the feature to enable, instead of "cannot find type".

/// restXml, not built: enable the `xml` feature.
#[cfg(not(feature = "xml"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct RestXml;

/// awsQuery, not built: enable the `xml` feature.
#[cfg(not(feature = "xml"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct AwsQuery;

/// ec2Query, not built: enable the `xml` feature.
#[cfg(not(feature = "xml"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct Ec2Query;

/// rpcv2Cbor, not built: enable the `cbor` feature.
#[cfg(not(feature = "cbor"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct RpcV2Cbor;
