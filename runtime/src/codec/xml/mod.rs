//! XML, for restXml bodies and the responses of awsQuery and ec2Query:
//! [`XmlShapeWriter`] writes request bodies, [`XmlShapeReader`] reads
//! responses through [`XmlReader`], a strict, bounded pull tokenizer that
//! refuses DTDs (and so every entity but the predefined ones).

mod reader;
mod shape_reader;
mod shape_writer;
mod writer;

pub use reader::{XmlEvent, XmlReader, MAX_DEPTH};
pub use shape_reader::XmlShapeReader;
pub use shape_writer::XmlShapeWriter;
pub use writer::XmlWriter;
