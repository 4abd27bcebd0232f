//! Every keyword the macros accept, in one place: the argument lists, and
//! the member and variant keys with where each one may be written. The
//! lists quoted back to the user, and the hints for a key written in the
//! wrong place, are all derived from these tables.

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
pub(crate) const RENAME_ALL: &str = "rename_all";
pub(crate) const PAGINATOR: &str = "paginator";
pub(crate) const TARGET_PREFIX: &str = "target_prefix";
pub(crate) const API_VERSION: &str = "api_version";
pub(crate) const QUERY_COMPATIBLE: &str = "query_compatible";
pub(crate) const REQUEST_CHECKSUM: &str = "request_checksum";
/// The values `request_checksum = "..."` takes.
pub(crate) const REQUEST_CHECKSUM_VALUES: &[&str] = &["required", "supported"];
pub(crate) const HOST_PREFIX: &str = "host_prefix";
// ... and #[aws_shape(...)]: an XML root's name and namespace.
pub(crate) const XML_NAME: &str = "xml_name";
pub(crate) const XML_NAMESPACE: &str = "xml_namespace";
pub(crate) const XML_PREFIX: &str = "xml_prefix";

pub(crate) const OPERATION_ARGS: &[&str] = &[
    SERVICE,
    METHOD,
    URI,
    STATUS,
    OUTPUT,
    ERROR,
    PROTOCOL,
    TARGET_PREFIX,
    API_VERSION,
    QUERY_COMPATIBLE,
    REQUEST_CHECKSUM,
    HOST_PREFIX,
    XML_NAME,
    XML_NAMESPACE,
    XML_PREFIX,
    ENDPOINT,
    SERVICE_ID,
    NAME,
    RENAME_ALL,
    PAGINATOR,
    CRATE,
];

// paginator(...)
pub(crate) const INPUT_TOKEN: &str = "input_token";
pub(crate) const OUTPUT_TOKEN: &str = "output_token";
pub(crate) const ITEMS: &str = "items";
pub(crate) const PAGE_SIZE: &str = "page_size";
pub(crate) const MORE_RESULTS: &str = "more_results";

pub(crate) const PAGINATOR_ARGS: &[&str] =
    &[INPUT_TOKEN, OUTPUT_TOKEN, ITEMS, PAGE_SIZE, MORE_RESULTS];

// #[aws_shape(...)]
pub(crate) const ERRORS: &str = "errors";

pub(crate) const SHAPE_ARGS: &[&str] = &[
    ERRORS,
    RENAME_ALL,
    XML_NAME,
    XML_NAMESPACE,
    XML_PREFIX,
    CRATE,
];

/// The naming rules `rename_all` accepts, as serde spells them.
pub(crate) const RENAME_RULES: &[&str] = &[
    "PascalCase",
    "camelCase",
    "lowerCamelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
];

// #[aws(...)] on members
pub(crate) const LABEL: &str = "label";
pub(crate) const QUERY: &str = "query";
pub(crate) const QUERY_PARAMS: &str = "query_params";
pub(crate) const HEADER: &str = "header";
pub(crate) const PREFIX_HEADERS: &str = "prefix_headers";
pub(crate) const PAYLOAD: &str = "payload";
pub(crate) const IDEMPOTENCY_TOKEN: &str = "idempotency_token";
pub(crate) const HOST_LABEL: &str = "host_label";
pub(crate) const RESPONSE_CODE: &str = "response_code";
pub(crate) const RENAME: &str = "rename";
pub(crate) const TIMESTAMP_FORMAT: &str = "timestamp_format";
pub(crate) const SENSITIVE: &str = "sensitive";
pub(crate) const MEDIA_TYPE: &str = "media_type";
pub(crate) const EC2_NAME: &str = "ec2_name";
pub(crate) const XML_ATTRIBUTE: &str = "xml_attribute";
pub(crate) const XML_FLATTENED: &str = "xml_flattened";
pub(crate) const XML_ITEM: &str = "xml_item";
pub(crate) const XML_ITEM_NAMESPACE: &str = "xml_item_namespace";
pub(crate) const XML_KEY: &str = "xml_key";
pub(crate) const XML_KEY_NAMESPACE: &str = "xml_key_namespace";
pub(crate) const XML_VALUE: &str = "xml_value";
pub(crate) const XML_VALUE_NAMESPACE: &str = "xml_value_namespace";
pub(crate) const XML_INNER: &str = "xml_inner";

/// The keys `xml_inner(...)` takes: the names within a list's items or a
/// map's values that are lists or maps themselves.
pub(crate) const XML_INNER_KEYS: &[&str] = &[
    XML_ITEM,
    XML_ITEM_NAMESPACE,
    XML_KEY,
    XML_KEY_NAMESPACE,
    XML_VALUE,
    XML_VALUE_NAMESPACE,
    XML_INNER,
];

/// Where a member key may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberPlace {
    /// A field of an `#[aws_operation]` struct.
    Input,
    /// A field of an `#[aws_shape]` structure.
    Structure,
}

/// A member key: where it is accepted, and what to say when it is
/// written elsewhere.
pub(crate) struct MemberKey {
    pub(crate) name: &'static str,
    pub(crate) places: &'static [MemberPlace],
    pub(crate) misplaced_hint: Option<&'static str>,
}

const BOTH: &[MemberPlace] = &[MemberPlace::Input, MemberPlace::Structure];
const INPUT_ONLY: &[MemberPlace] = &[MemberPlace::Input];
const STRUCTURE_ONLY: &[MemberPlace] = &[MemberPlace::Structure];
const INPUT_HINT: Option<&str> =
    Some("binds members of an operation's input and goes in a struct with #[aws_operation]");

/// Every member key, in the order messages list them.
pub(crate) const MEMBER_KEYS: &[MemberKey] = &[
    MemberKey {
        name: LABEL,
        places: INPUT_ONLY,
        misplaced_hint: INPUT_HINT,
    },
    MemberKey {
        name: QUERY,
        places: INPUT_ONLY,
        misplaced_hint: INPUT_HINT,
    },
    MemberKey {
        name: QUERY_PARAMS,
        places: INPUT_ONLY,
        misplaced_hint: INPUT_HINT,
    },
    MemberKey {
        name: HEADER,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: PREFIX_HEADERS,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: PAYLOAD,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: IDEMPOTENCY_TOKEN,
        places: INPUT_ONLY,
        misplaced_hint: INPUT_HINT,
    },
    MemberKey {
        name: HOST_LABEL,
        places: INPUT_ONLY,
        misplaced_hint: INPUT_HINT,
    },
    MemberKey {
        name: RESPONSE_CODE,
        places: STRUCTURE_ONLY,
        misplaced_hint: Some(
            "reads the status of a response and goes in an output structure with #[aws_shape]",
        ),
    },
    MemberKey {
        name: RENAME,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: TIMESTAMP_FORMAT,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: SENSITIVE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: MEDIA_TYPE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: EC2_NAME,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_ATTRIBUTE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_FLATTENED,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_NAMESPACE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_PREFIX,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_ITEM,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_ITEM_NAMESPACE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_KEY,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_KEY_NAMESPACE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_VALUE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_VALUE_NAMESPACE,
        places: BOTH,
        misplaced_hint: None,
    },
    MemberKey {
        name: XML_INNER,
        places: BOTH,
        misplaced_hint: None,
    },
];

/// The member keys accepted at `place`, in message order.
pub(crate) fn member_keys(place: MemberPlace) -> Vec<&'static str> {
    MEMBER_KEYS
        .iter()
        .filter(|k| k.places.contains(&place))
        .map(|k| k.name)
        .collect()
}

/// The member key `name`, if it is one.
pub(crate) fn member_key(name: &str) -> Option<&'static MemberKey> {
    MEMBER_KEYS.iter().find(|k| k.name == name)
}

// #[aws(...)] on variants
pub(crate) const RETRYABLE: &str = "retryable";
pub(crate) const THROTTLING: &str = "throttling";

/// What kind of enum a variant belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum VariantPlace {
    StringEnum,
    IntEnum,
    Union,
    Errors,
}

/// The variant keys accepted in each kind of enum.
pub(crate) fn variant_keys(place: VariantPlace) -> &'static [&'static str] {
    match place {
        VariantPlace::StringEnum => &[RENAME],
        VariantPlace::IntEnum => &[],
        VariantPlace::Union => &[RENAME, TIMESTAMP_FORMAT],
        VariantPlace::Errors => &[RENAME, RETRYABLE, THROTTLING],
    }
}

/// The member attribute.
pub(crate) const AWS: &str = "aws";

pub(crate) const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

pub(crate) const EPOCH_SECONDS: &str = "epoch-seconds";
pub(crate) const DATE_TIME: &str = "date-time";
pub(crate) const HTTP_DATE: &str = "http-date";
pub(crate) const TIMESTAMP_FORMATS: &[&str] = &[EPOCH_SECONDS, DATE_TIME, HTTP_DATE];

/// Variants the macros add to enums, so users cannot declare them.
pub(crate) const UNKNOWN: &str = "Unknown";
pub(crate) const UNHANDLED: &str = "Unhandled";

/// The facade crate, unless `crate = "..."` says otherwise.
pub(crate) const DEFAULT_CRATE: &str = "::awsop";
