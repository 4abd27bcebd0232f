//! The AWS protocols, as the macros know them: the name
//! `protocol = "..."` takes, the runtime type that implements it, and what
//! the declaration may use.

/// One protocol.
pub(crate) struct ProtocolInfo {
    /// As written in `protocol = "..."` (Smithy's name).
    pub(crate) name: &'static str,
    /// The type in the runtime's `protocol` module.
    pub(crate) type_name: &'static str,
    /// Whether members may bind to the URI, query and headers (REST
    /// protocols); otherwise the whole input is the body.
    pub(crate) http_bindings: bool,
    /// The service argument it needs, if any (`target_prefix`, `api_version`).
    pub(crate) needs: Option<&'static str>,
}

pub(crate) const REST_JSON1: &str = "restJson1";

/// Every AWS protocol, in the order messages list them.
pub(crate) const PROTOCOLS: &[ProtocolInfo] = &[
    ProtocolInfo {
        name: REST_JSON1,
        type_name: "RestJson1",
        http_bindings: true,
        needs: None,
    },
    ProtocolInfo {
        name: "awsJson1_0",
        type_name: "AwsJson1_0",
        http_bindings: false,
        needs: Some(crate::symbol::TARGET_PREFIX),
    },
    ProtocolInfo {
        name: "awsJson1_1",
        type_name: "AwsJson1_1",
        http_bindings: false,
        needs: Some(crate::symbol::TARGET_PREFIX),
    },
    ProtocolInfo {
        name: "rpcv2Cbor",
        type_name: "RpcV2Cbor",
        http_bindings: false,
        needs: Some(crate::symbol::TARGET_PREFIX),
    },
    ProtocolInfo {
        name: "restXml",
        type_name: "RestXml",
        http_bindings: true,
        needs: None,
    },
    ProtocolInfo {
        name: "awsQuery",
        type_name: "AwsQuery",
        http_bindings: false,
        needs: Some(crate::symbol::API_VERSION),
    },
    ProtocolInfo {
        name: "ec2Query",
        type_name: "Ec2Query",
        http_bindings: false,
        needs: Some(crate::symbol::API_VERSION),
    },
];

/// The protocol called `name`.
pub(crate) fn find(name: &str) -> Option<&'static ProtocolInfo> {
    PROTOCOLS.iter().find(|p| p.name == name)
}

/// The protocol an operation without `protocol = "..."` speaks.
pub(crate) fn default() -> &'static ProtocolInfo {
    &PROTOCOLS[0]
}
