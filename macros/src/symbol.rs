//! Every keyword the macros accept, in one place, with the lists quoted
//! back to the user when a key is unknown.

// #[aws_operation(...)]
pub(crate) const SERVICE: &str = "service";
pub(crate) const METHOD: &str = "method";
pub(crate) const URI: &str = "uri";
pub(crate) const STATUS: &str = "status";
pub(crate) const OUTPUT: &str = "output";
pub(crate) const ERROR: &str = "error";
pub(crate) const PROTOCOL: &str = "protocol";
pub(crate) const ENDPOINT: &str = "endpoint";
pub(crate) const SERVICE_ID: &str = "service_id";
pub(crate) const NAME: &str = "name";
pub(crate) const CRATE: &str = "crate";

pub(crate) const OPERATION_ARGS: &[&str] = &[
    SERVICE, METHOD, URI, STATUS, OUTPUT, ERROR, PROTOCOL, ENDPOINT, SERVICE_ID, NAME, CRATE,
];

// #[aws_shape(...)]
pub(crate) const ERRORS: &str = "errors";

pub(crate) const SHAPE_ARGS: &[&str] = &[ERRORS, CRATE];

// #[aws(...)] on members
pub(crate) const LABEL: &str = "label";
pub(crate) const QUERY: &str = "query";
pub(crate) const QUERY_PARAMS: &str = "query_params";
pub(crate) const HEADER: &str = "header";
pub(crate) const PREFIX_HEADERS: &str = "prefix_headers";
pub(crate) const PAYLOAD: &str = "payload";
pub(crate) const IDEMPOTENCY_TOKEN: &str = "idempotency_token";
pub(crate) const RESPONSE_CODE: &str = "response_code";
pub(crate) const RENAME: &str = "rename";
pub(crate) const TIMESTAMP_FORMAT: &str = "timestamp_format";
pub(crate) const SENSITIVE: &str = "sensitive";
pub(crate) const MEDIA_TYPE: &str = "media_type";

/// Keys on the members of an operation's input struct.
pub(crate) const OPERATION_MEMBER_KEYS: &[&str] = &[
    LABEL,
    QUERY,
    QUERY_PARAMS,
    HEADER,
    PREFIX_HEADERS,
    PAYLOAD,
    IDEMPOTENCY_TOKEN,
    RENAME,
    TIMESTAMP_FORMAT,
    SENSITIVE,
    MEDIA_TYPE,
];

/// Keys on the members of a `#[aws_shape]` structure.
pub(crate) const SHAPE_MEMBER_KEYS: &[&str] = &[
    HEADER,
    PREFIX_HEADERS,
    PAYLOAD,
    RESPONSE_CODE,
    RENAME,
    TIMESTAMP_FORMAT,
    SENSITIVE,
    MEDIA_TYPE,
];

// #[aws(...)] on variants
pub(crate) const RETRYABLE: &str = "retryable";
pub(crate) const THROTTLING: &str = "throttling";

pub(crate) const ENUM_VARIANT_KEYS: &[&str] = &[RENAME];
pub(crate) const UNION_VARIANT_KEYS: &[&str] = &[RENAME, TIMESTAMP_FORMAT];
pub(crate) const ERROR_VARIANT_KEYS: &[&str] = &[RENAME, RETRYABLE, THROTTLING];

/// The member attribute.
pub(crate) const AWS: &str = "aws";

pub(crate) const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

pub(crate) const REST_JSON1: &str = "restJson1";
/// Protocols AWS uses that a later version may support.
pub(crate) const OTHER_PROTOCOLS: &[&str] = &[
    "awsJson1_0",
    "awsJson1_1",
    "restXml",
    "awsQuery",
    "ec2Query",
];

pub(crate) const EPOCH_SECONDS: &str = "epoch-seconds";
pub(crate) const DATE_TIME: &str = "date-time";
pub(crate) const HTTP_DATE: &str = "http-date";
pub(crate) const TIMESTAMP_FORMATS: &[&str] = &[EPOCH_SECONDS, DATE_TIME, HTTP_DATE];

/// Variants the macros add to enums, so users cannot declare them.
pub(crate) const UNKNOWN: &str = "Unknown";
pub(crate) const UNHANDLED: &str = "Unhandled";

/// The facade crate, unless `crate = "..."` says otherwise.
pub(crate) const DEFAULT_CRATE: &str = "::awsop";
