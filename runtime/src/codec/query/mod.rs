//! Form encoding (`application/x-www-form-urlencoded`), for awsQuery and
//! ec2Query requests: [`QueryShapeWriter`].

mod shape_writer;

pub use shape_writer::{QueryDialect, QueryShapeWriter};
