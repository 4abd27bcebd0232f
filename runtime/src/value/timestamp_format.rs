//! [`TimestampFormat`] and the one rule that picks it when a member does
//! not say: [`TimestampFormat::default_for`].

/// How a timestamp is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimestampFormat {
    /// Seconds since the epoch, with a fraction when needed (`1576540098.5`).
    EpochSeconds,
    /// RFC 3339 date-time in UTC (`2019-12-16T23:48:18Z`).
    DateTime,
    /// RFC 7231 IMF-fixdate (`Mon, 16 Dec 2019 23:48:18 GMT`).
    HttpDate,
}

/// Where a timestamp travels, which decides its format when the member has
/// no `timestamp_format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// A URI path label.
    Label,
    /// A query-string parameter (HTTP bindings).
    Query,
    /// A header.
    Header,
    /// A JSON document body (restJson1, awsJson).
    JsonBody,
    /// An XML document body (restXml, and awsQuery / ec2Query responses).
    XmlBody,
    /// A form-encoded body (awsQuery and ec2Query requests).
    FormBody,
}

impl TimestampFormat {
    /// The name used in `timestamp_format = "..."` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            TimestampFormat::EpochSeconds => "epoch-seconds",
            TimestampFormat::DateTime => "date-time",
            TimestampFormat::HttpDate => "http-date",
        }
    }

    /// The format a member without `timestamp_format` uses at `location`,
    /// as Smithy's protocols define it: http-date in headers, epoch seconds
    /// in JSON bodies, date-time everywhere else. (rpcv2Cbor has no text
    /// format: it sends tag 1 epoch seconds.)
    ///
    /// ```
    /// use awsop_runtime::value::{Location, TimestampFormat};
    /// assert_eq!(TimestampFormat::default_for(Location::Header), TimestampFormat::HttpDate);
    /// assert_eq!(TimestampFormat::default_for(Location::JsonBody), TimestampFormat::EpochSeconds);
    /// assert_eq!(TimestampFormat::default_for(Location::Label), TimestampFormat::DateTime);
    /// ```
    pub const fn default_for(location: Location) -> Self {
        match location {
            Location::Header => TimestampFormat::HttpDate,
            Location::JsonBody => TimestampFormat::EpochSeconds,
            Location::Label | Location::Query | Location::XmlBody | Location::FormBody => {
                TimestampFormat::DateTime
            }
        }
    }

    /// `explicit` if the member has one, else the default at `location`.
    ///
    /// ```
    /// use awsop_runtime::value::{Location, TimestampFormat};
    /// let f = TimestampFormat::resolve(Some(TimestampFormat::EpochSeconds), Location::Header);
    /// assert_eq!(f, TimestampFormat::EpochSeconds);
    /// ```
    #[inline]
    pub const fn resolve(explicit: Option<TimestampFormat>, location: Location) -> Self {
        match explicit {
            Some(format) => format,
            None => Self::default_for(location),
        }
    }
}
