//! AWS Lambda: create, read, list (paginated) and delete functions.

use std::collections::HashMap;

use awsop::{aws_operation, aws_shape, Blob};

/// Lists functions, one page per call (`ListFunctions`); walk them all with
/// [`ListFunctions::paginate`].
#[aws_operation(
    service = "lambda",
    service_id = "Lambda",
    method = "GET",
    uri = "/2015-03-31/functions",
    output = ListFunctionsResponse,
    error = LambdaError,
    rename_all = "PascalCase",
    paginator(input_token = "Marker", output_token = "NextMarker", items = "Functions", page_size = "MaxItems"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListFunctions {
    /// `ALL` to list every published version too.
    #[aws(query)]
    pub function_version: Option<String>,
    /// Where to continue: the previous page's `next_marker`.
    #[aws(query)]
    pub marker: Option<String>,
    /// The most functions a page holds (1 to 10,000).
    #[aws(query)]
    pub max_items: Option<i32>,
}

/// One page of [`ListFunctions`].
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListFunctionsResponse {
    /// Present when more functions follow.
    pub next_marker: Option<String>,
    /// The functions on this page.
    pub functions: Option<Vec<FunctionConfiguration>>,
}

/// Creates a function (`CreateFunction`, HTTP 201).
#[aws_operation(
    service = "lambda",
    service_id = "Lambda",
    method = "POST",
    uri = "/2015-03-31/functions",
    status = 201,
    output = FunctionConfiguration,
    error = LambdaError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateFunction {
    /// The function's name.
    pub function_name: String,
    /// The runtime.
    pub runtime: Option<Runtime>,
    /// The execution role's ARN.
    pub role: String,
    /// The entry point (`index.handler`).
    pub handler: Option<String>,
    /// The code.
    pub code: FunctionCode,
    /// Seconds the function may run.
    pub timeout: Option<i32>,
    /// Megabytes of memory.
    pub memory_size: Option<i32>,
    /// Environment variables.
    pub environment: Option<Environment>,
    /// Tags.
    pub tags: Option<HashMap<String, String>>,
}

/// A function's code.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FunctionCode {
    /// A .zip archive (base64 on the wire).
    pub zip_file: Option<Blob>,
    /// Or an S3 bucket holding it.
    #[aws(rename = "S3Bucket")]
    pub s3_bucket: Option<String>,
    /// And its key.
    #[aws(rename = "S3Key")]
    pub s3_key: Option<String>,
}

/// Environment variables of a function.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Environment {
    /// The variables.
    pub variables: Option<HashMap<String, String>>,
}

/// A function's environment, as read back.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvironmentResponse {
    /// The variables.
    pub variables: Option<HashMap<String, String>>,
}

/// A function's configuration.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FunctionConfiguration {
    /// Its name.
    pub function_name: Option<String>,
    /// Its ARN.
    pub function_arn: Option<String>,
    /// Its runtime.
    pub runtime: Option<Runtime>,
    /// Its role.
    pub role: Option<String>,
    /// Its handler.
    pub handler: Option<String>,
    /// The size of its code, in bytes.
    pub code_size: Option<i64>,
    /// Seconds it may run.
    pub timeout: Option<i32>,
    /// Megabytes of memory.
    pub memory_size: Option<i32>,
    /// When it last changed (ISO 8601, as a string on the wire).
    pub last_modified: Option<String>,
    /// Its environment.
    pub environment: Option<EnvironmentResponse>,
    /// Its state.
    pub state: Option<State>,
    /// Its architectures.
    pub architectures: Option<Vec<Architecture>>,
}

/// Reads one function (`GetFunction`).
#[aws_operation(
    service = "lambda",
    service_id = "Lambda",
    method = "GET",
    uri = "/2015-03-31/functions/{FunctionName}",
    output = GetFunctionResponse,
    error = LambdaError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct GetFunction {
    /// The name or ARN.
    #[aws(label)]
    pub function_name: String,
    /// A version or alias.
    #[aws(query)]
    pub qualifier: Option<String>,
}

/// The answer of [`GetFunction`].
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetFunctionResponse {
    /// The configuration.
    pub configuration: Option<FunctionConfiguration>,
    /// The function's tags.
    pub tags: Option<HashMap<String, String>>,
}

/// Deletes a function (`DeleteFunction`).
#[aws_operation(
    service = "lambda",
    service_id = "Lambda",
    method = "DELETE",
    uri = "/2015-03-31/functions/{FunctionName}",
    status = 204,
    error = LambdaError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteFunction {
    /// The name or ARN.
    #[aws(label)]
    pub function_name: String,
}

/// Lambda's runtimes. Their values follow no naming rule, so each takes a
/// `rename`.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Runtime {
    /// Node.js 20.
    #[aws(rename = "nodejs20.x")]
    Nodejs20X,
    /// Python 3.12.
    #[aws(rename = "python3.12")]
    Python312,
    /// Java 21.
    #[aws(rename = "java21")]
    Java21,
}

/// A function's state: values in PascalCase, as Lambda sends them.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum State {
    /// Being created.
    Pending,
    /// Ready.
    Active,
    /// Not ready.
    Inactive,
    /// Broken.
    Failed,
}

/// An instruction set.
#[aws_shape(rename_all = "snake_case")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Architecture {
    /// `x86_64`.
    #[aws(rename = "x86_64")]
    X8664,
    /// `arm64`.
    Arm64,
}

/// The errors of these operations.
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum LambdaError {
    /// HTTP 404.
    ResourceNotFoundException(ResourceNotFoundException),
    /// HTTP 409: the function exists already.
    ResourceConflictException(ResourceConflictException),
    /// HTTP 400.
    InvalidParameterValueException(InvalidParameterValueException),
    /// HTTP 429. Retried.
    #[aws(throttling)]
    TooManyRequestsException(TooManyRequestsException),
    /// HTTP 500. Retried.
    #[aws(retryable)]
    ServiceException(ServiceException),
}

macro_rules! exception {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[aws_shape(rename_all = "PascalCase")]
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            /// The error's type (`User`, `Service`).
            pub r#type: Option<String>,
            /// What went wrong.
            pub message: Option<String>,
        }
    )*};
}

exception!(
    /// The function does not exist.
    ResourceNotFoundException,
    /// The function exists already.
    ResourceConflictException,
    /// A parameter is not valid.
    InvalidParameterValueException,
    /// Too many requests.
    TooManyRequestsException,
    /// Lambda failed.
    ServiceException,
);
