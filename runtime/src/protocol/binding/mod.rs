//! The HTTP-binding layer, shared by restJson1 and restXml: how members
//! travel in the URI path, the query string, headers, the status line, or
//! as the whole body (in the protocol's format).

mod header;
mod header_list;
mod label;
mod payload;
mod query;
mod request;
mod response;
mod status;
mod streaming;
mod value;

pub use header::{HeaderBinding, PrefixHeadersBinding};
pub use header_list::split_header_list;
pub use label::LabelBinding;
pub use payload::{Payload, PayloadBody, PayloadMember};
pub use query::{QueryBinding, QueryParamsBinding, QueryWriter};
pub use request::RequestWriter;
pub use response::{
    read_header, read_header_base64, read_payload, read_prefix_headers, read_status, FromResponse,
};
pub use status::StatusCodeBinding;
pub use streaming::{read_streaming_payload, StreamingPayload};
pub use value::HttpValue;
