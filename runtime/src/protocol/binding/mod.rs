//! HTTP bindings of restJson1: how members travel in the URI path, the
//! query string, headers, the status line, or as the whole body.

mod encode;
mod header;
mod label;
mod payload;
mod query;
mod request;
mod response;
mod status;
mod value;

pub use encode::{percent_encode_into, split_header_list};
pub use header::{HeaderBinding, PrefixHeadersBinding};
pub use label::LabelBinding;
pub use payload::{from_json_payload, to_json_payload, Payload, PayloadMember};
pub use query::{QueryBinding, QueryParamsBinding, QueryWriter};
pub use request::RequestWriter;
pub use response::{
    json_body, read_header, read_header_base64, read_payload, read_prefix_headers, read_status,
    BodyMode, FromResponse,
};
pub use status::StatusCodeBinding;
pub use value::HttpValue;
