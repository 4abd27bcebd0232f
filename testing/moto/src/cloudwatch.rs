//! Amazon CloudWatch (rpcv2Cbor, query-compatible): `PutMetricData`,
//! `ListMetrics` (with its paginator), `GetMetricStatistics` and
//! `GetDashboard`, declared from botocore 1.44.8's
//! `cloudwatch/2010-08-01/service-2.json` and `paginators-1.json`.
//! CloudWatch's path is `/service/GraniteServiceVersion20100801/operation/<Op>`
//! (its target prefix). moto has no CBOR: `tests/cloudwatch.rs` runs these
//! against a loopback server of its own.
//!
//! ```no_run
//! use awsop_moto::cloudwatch::{MetricDatum, PutMetricData};
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! PutMetricData {
//!     namespace: "awsop".into(),
//!     metric_data: Some(vec![MetricDatum { metric_name: "calls".into(), value: Some(1.0), ..Default::default() }]),
//!     ..Default::default()
//! }
//! .send(client)
//! .await?;
//! # Ok(()) }
//! ```

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, DateTime};

/// `PutMetricData`: Publishes metric data to Amazon CloudWatch.
#[aws_operation(
    service = "monitoring",
    service_id = "CloudWatch",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    query_compatible,
    method = "POST",
    uri = "/",
    error = PutMetricDataError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct PutMetricData {
    /// The namespace for the metric data.
    pub namespace: String,
    /// The data for the metrics.
    pub metric_data: Option<Vec<MetricDatum>>,
    /// Data for metrics that contain associated entity information.
    pub entity_metric_data: Option<Vec<EntityMetricData>>,
    /// Whether to accept valid metric data when an invalid entity is sent.
    pub strict_entity_validation: Option<bool>,
}

/// The modeled errors of [`PutMetricData`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum PutMetricDataError {
    /// The value of an input parameter is bad or out-of-range.
    #[aws(rename = "InvalidParameterValue")]
    InvalidParameterValueException(InvalidParameterValueException),
    /// An input parameter that is required is missing.
    #[aws(rename = "MissingParameter")]
    MissingRequiredParameterException(MissingRequiredParameterException),
    /// Parameters were used together that cannot be used together.
    #[aws(rename = "InvalidParameterCombination")]
    InvalidParameterCombinationException(InvalidParameterCombinationException),
    /// Request processing has failed due to some unknown error, exception, or failure.
    #[aws(rename = "InternalServiceError")]
    InternalServiceFault(InternalServiceFault),
}

/// `ListMetrics`: List the specified metrics.
#[aws_operation(
    service = "monitoring",
    service_id = "CloudWatch",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    query_compatible,
    method = "POST",
    uri = "/",
    output = ListMetricsOutput,
    error = ListMetricsError,
    rename_all = "PascalCase",
    paginator(input_token = "NextToken", output_token = "NextToken", items = "Metrics"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListMetrics {
    /// The metric namespace to filter against.
    pub namespace: Option<String>,
    /// The name of the metric to filter against.
    pub metric_name: Option<String>,
    /// The dimensions to filter against.
    pub dimensions: Option<Vec<DimensionFilter>>,
    /// The token returned by a previous call to indicate that there is more data available.
    pub next_token: Option<String>,
    /// To filter the results to show only metrics that have had data points published in the past three hours, specify this parameter with a value of PT3H .
    pub recently_active: Option<RecentlyActive>,
    /// If you are using this operation in a monitoring account, specify true to include metrics from source accounts in the returned data.
    pub include_linked_accounts: Option<bool>,
    /// When you use this operation in a monitoring account, use this field to return metrics only from one source account.
    pub owning_account: Option<String>,
}

/// The modeled errors of [`ListMetrics`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum ListMetricsError {
    /// Request processing has failed due to some unknown error, exception, or failure.
    #[aws(rename = "InternalServiceError")]
    InternalServiceFault(InternalServiceFault),
    /// The value of an input parameter is bad or out-of-range.
    #[aws(rename = "InvalidParameterValue")]
    InvalidParameterValueException(InvalidParameterValueException),
}

/// `GetMetricStatistics`: Gets statistics for the specified metric.
#[aws_operation(
    service = "monitoring",
    service_id = "CloudWatch",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    query_compatible,
    method = "POST",
    uri = "/",
    output = GetMetricStatisticsOutput,
    error = GetMetricStatisticsError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetMetricStatistics {
    /// The namespace of the metric, with or without spaces.
    pub namespace: String,
    /// The name of the metric, with or without spaces.
    pub metric_name: String,
    /// The dimensions.
    pub dimensions: Option<Vec<Dimension>>,
    /// The time stamp that determines the first data point to return.
    pub start_time: Option<DateTime>,
    /// The time stamp that determines the last data point to return.
    pub end_time: Option<DateTime>,
    /// The granularity, in seconds, of the returned data points.
    pub period: i32,
    /// The metric statistics, other than percentile.
    pub statistics: Option<Vec<Statistic>>,
    /// The percentile statistics.
    pub extended_statistics: Option<Vec<String>>,
    /// The unit for a given metric.
    pub unit: Option<StandardUnit>,
}

/// The modeled errors of [`GetMetricStatistics`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetMetricStatisticsError {
    /// The value of an input parameter is bad or out-of-range.
    #[aws(rename = "InvalidParameterValue")]
    InvalidParameterValueException(InvalidParameterValueException),
    /// An input parameter that is required is missing.
    #[aws(rename = "MissingParameter")]
    MissingRequiredParameterException(MissingRequiredParameterException),
    /// Parameters were used together that cannot be used together.
    #[aws(rename = "InvalidParameterCombination")]
    InvalidParameterCombinationException(InvalidParameterCombinationException),
    /// Request processing has failed due to some unknown error, exception, or failure.
    #[aws(rename = "InternalServiceError")]
    InternalServiceFault(InternalServiceFault),
}

/// `GetDashboard`: Displays the details of the dashboard that you specify.
#[aws_operation(
    service = "monitoring",
    service_id = "CloudWatch",
    protocol = "rpcv2Cbor",
    target_prefix = "GraniteServiceVersion20100801",
    query_compatible,
    method = "POST",
    uri = "/",
    output = GetDashboardOutput,
    error = GetDashboardError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetDashboard {
    /// The name of the dashboard to be described.
    pub dashboard_name: String,
}

/// The modeled errors of [`GetDashboard`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum GetDashboardError {
    /// The value of an input parameter is bad or out-of-range.
    #[aws(rename = "InvalidParameterValue")]
    InvalidParameterValueException(InvalidParameterValueException),
    /// The specified dashboard does not exist.
    #[aws(rename = "ResourceNotFound")]
    DashboardNotFoundError(DashboardNotFoundError),
    /// Request processing has failed due to some unknown error, exception, or failure.
    #[aws(rename = "InternalServiceError")]
    InternalServiceFault(InternalServiceFault),
}

/// Encapsulates the information sent to either create a metric or add new values to be aggregated into an existing metric.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricDatum {
    /// The name of the metric.
    pub metric_name: String,
    /// The dimensions associated with the metric.
    pub dimensions: Option<Vec<Dimension>>,
    /// The time the metric data was received, expressed as the number of milliseconds since Jan 1, 1970 00:00:00 UTC.
    pub timestamp: Option<DateTime>,
    /// The value for the metric.
    pub value: Option<f64>,
    /// The statistical values for the metric.
    pub statistic_values: Option<StatisticSet>,
    /// Array of numbers representing the values for the metric during the period.
    pub values: Option<Vec<f64>>,
    /// Array of numbers that is used along with the Values array.
    pub counts: Option<Vec<f64>>,
    /// When you are using a Put operation, this defines what unit you want to use when storing the metric.
    pub unit: Option<StandardUnit>,
    /// Valid values are 1 and 60.
    pub storage_resolution: Option<i32>,
}

/// A dimension is a name/value pair that is part of the identity of a metric.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dimension {
    /// The name of the dimension.
    pub name: String,
    /// The value of the dimension.
    pub value: String,
}

/// Represents a set of statistics that describes a specific metric.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatisticSet {
    /// The number of samples used for the statistic set.
    pub sample_count: f64,
    /// The sum of values for the sample set.
    pub sum: f64,
    /// The minimum value of the sample set.
    pub minimum: f64,
    /// The maximum value of the sample set.
    pub maximum: f64,
}

/// The `StandardUnit` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StandardUnit {
    /// `Seconds`
    #[aws(rename = "Seconds")]
    Seconds,
    /// `Microseconds`
    #[aws(rename = "Microseconds")]
    Microseconds,
    /// `Milliseconds`
    #[aws(rename = "Milliseconds")]
    Milliseconds,
    /// `Bytes`
    #[aws(rename = "Bytes")]
    Bytes,
    /// `Kilobytes`
    #[aws(rename = "Kilobytes")]
    Kilobytes,
    /// `Megabytes`
    #[aws(rename = "Megabytes")]
    Megabytes,
    /// `Gigabytes`
    #[aws(rename = "Gigabytes")]
    Gigabytes,
    /// `Terabytes`
    #[aws(rename = "Terabytes")]
    Terabytes,
    /// `Bits`
    #[aws(rename = "Bits")]
    Bits,
    /// `Kilobits`
    #[aws(rename = "Kilobits")]
    Kilobits,
    /// `Megabits`
    #[aws(rename = "Megabits")]
    Megabits,
    /// `Gigabits`
    #[aws(rename = "Gigabits")]
    Gigabits,
    /// `Terabits`
    #[aws(rename = "Terabits")]
    Terabits,
    /// `Percent`
    #[aws(rename = "Percent")]
    Percent,
    /// `Count`
    #[aws(rename = "Count")]
    Count,
    /// `Bytes/Second`
    #[aws(rename = "Bytes/Second")]
    BytesSecond,
    /// `Kilobytes/Second`
    #[aws(rename = "Kilobytes/Second")]
    KilobytesSecond,
    /// `Megabytes/Second`
    #[aws(rename = "Megabytes/Second")]
    MegabytesSecond,
    /// `Gigabytes/Second`
    #[aws(rename = "Gigabytes/Second")]
    GigabytesSecond,
    /// `Terabytes/Second`
    #[aws(rename = "Terabytes/Second")]
    TerabytesSecond,
    /// `Bits/Second`
    #[aws(rename = "Bits/Second")]
    BitsSecond,
    /// `Kilobits/Second`
    #[aws(rename = "Kilobits/Second")]
    KilobitsSecond,
    /// `Megabits/Second`
    #[aws(rename = "Megabits/Second")]
    MegabitsSecond,
    /// `Gigabits/Second`
    #[aws(rename = "Gigabits/Second")]
    GigabitsSecond,
    /// `Terabits/Second`
    #[aws(rename = "Terabits/Second")]
    TerabitsSecond,
    /// `Count/Second`
    #[aws(rename = "Count/Second")]
    CountSecond,
    /// `None`
    #[aws(rename = "None")]
    None,
}

/// A set of metrics that are associated with an entity, such as a specific service or resource.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityMetricData {
    /// The entity associated with the metrics.
    pub entity: Option<Entity>,
    /// The metric data.
    pub metric_data: Option<Vec<MetricDatum>>,
}

/// An entity associated with metrics, to allow for finding related telemetry.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entity {
    /// The attributes of the entity which identify the specific entity, as a list of key-value pairs.
    pub key_attributes: Option<HashMap<String, String>>,
    /// Additional attributes of the entity that are not used to specify the identity of the entity.
    pub attributes: Option<HashMap<String, String>>,
}

/// The value of an input parameter is bad or out-of-range.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidParameterValueException {
    /// The `message` member.
    pub message: Option<String>,
}

/// An input parameter that is required is missing.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MissingRequiredParameterException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Parameters were used together that cannot be used together.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidParameterCombinationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Request processing has failed due to some unknown error, exception, or failure.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InternalServiceFault {
    /// The `Message` member.
    pub message: Option<String>,
}

/// Represents filters for a dimension.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DimensionFilter {
    /// The dimension name to be matched.
    pub name: String,
    /// The value of the dimension to be matched.
    pub value: Option<String>,
}

/// The `RecentlyActive` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecentlyActive {
    /// `PT3H`
    #[aws(rename = "PT3H")]
    Pt3H,
}

/// The `ListMetricsOutput` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListMetricsOutput {
    /// The metrics that match your request.
    pub metrics: Option<Vec<Metric>>,
    /// The token that marks the start of the next batch of returned results.
    pub next_token: Option<String>,
    /// If you are using this operation in a monitoring account, this array contains the account IDs of the source accounts where the metrics in the returned data are from.
    pub owning_accounts: Option<Vec<String>>,
}

/// Represents a specific metric.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metric {
    /// The namespace of the metric.
    pub namespace: Option<String>,
    /// The name of the metric.
    pub metric_name: Option<String>,
    /// The dimensions for the metric.
    pub dimensions: Option<Vec<Dimension>>,
}

/// The `Statistic` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Statistic {
    /// `SampleCount`
    #[aws(rename = "SampleCount")]
    SampleCount,
    /// `Average`
    #[aws(rename = "Average")]
    Average,
    /// `Sum`
    #[aws(rename = "Sum")]
    Sum,
    /// `Minimum`
    #[aws(rename = "Minimum")]
    Minimum,
    /// `Maximum`
    #[aws(rename = "Maximum")]
    Maximum,
}

/// The `GetMetricStatisticsOutput` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetMetricStatisticsOutput {
    /// A label for the specified metric.
    pub label: Option<String>,
    /// The data points for the specified metric.
    pub datapoints: Option<Vec<Datapoint>>,
}

/// Encapsulates the statistical data that CloudWatch computes from metric data.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Datapoint {
    /// The time stamp used for the data point.
    pub timestamp: Option<DateTime>,
    /// The number of metric values that contributed to the aggregate value of this data point.
    pub sample_count: Option<f64>,
    /// The average of the metric values that correspond to the data point.
    pub average: Option<f64>,
    /// The sum of the metric values for the data point.
    pub sum: Option<f64>,
    /// The minimum metric value for the data point.
    pub minimum: Option<f64>,
    /// The maximum metric value for the data point.
    pub maximum: Option<f64>,
    /// The standard unit for the data point.
    pub unit: Option<StandardUnit>,
    /// The percentile statistic for the data point.
    pub extended_statistics: Option<HashMap<String, f64>>,
}

/// The `GetDashboardOutput` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetDashboardOutput {
    /// The Amazon Resource Name (ARN) of the dashboard.
    pub dashboard_arn: Option<String>,
    /// The detailed information about the dashboard, including what widgets are included and their location on the dashboard.
    pub dashboard_body: Option<String>,
    /// The name of the dashboard.
    pub dashboard_name: Option<String>,
}

/// The specified dashboard does not exist.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardNotFoundError {
    /// The `message` member.
    pub message: Option<String>,
}
