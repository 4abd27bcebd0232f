//! AWS IAM (awsQuery): `CreateUser`, `ListUsers` (with its paginator),
//! `CreateRole`, `PutRolePolicy` and `ListRoles` (with its paginator),
//! declared from botocore 1.44.8's `iam/2010-05-08/service-2.json` and
//! `paginators-1.json`. Error codes are the model's (`EntityAlreadyExistsException`
//! is code `EntityAlreadyExists`).
//!
//! ```no_run
//! use awsop_moto::iam::ListUsers;
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let users = ListUsers::default().paginate(client).page_size(10).collect_items().await?;
//! # let _ = users; Ok(()) }
//! ```

use awsop::{aws_operation, aws_shape, DateTime};

/// `CreateUser`: Creates a new IAM user for your Amazon Web Services account.
#[aws_operation(
    service = "iam",
    service_id = "IAM",
    protocol = "awsQuery",
    api_version = "2010-05-08",
    method = "POST",
    uri = "/",
    output = CreateUserResponse,
    error = CreateUserError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateUser {
    /// The path for the user name.
    pub path: Option<String>,
    /// The name of the user to create.
    pub user_name: String,
    /// The ARN of the managed policy that is used to set the permissions boundary for the user.
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new user.
    pub tags: Option<Vec<Tag>>,
}

/// The modeled errors of [`CreateUser`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateUserError {
    /// The request was rejected because it attempted to create resources beyond the current Amazon Web Services account limits.
    #[aws(rename = "LimitExceeded")]
    LimitExceededException(LimitExceededException),
    /// The request was rejected because it attempted to create a resource that already exists.
    #[aws(rename = "EntityAlreadyExists")]
    EntityAlreadyExistsException(EntityAlreadyExistsException),
    /// The request was rejected because it referenced a resource entity that does not exist.
    #[aws(rename = "NoSuchEntity")]
    NoSuchEntityException(NoSuchEntityException),
    /// The request was rejected because an invalid or out-of-range value was supplied for an input parameter.
    #[aws(rename = "InvalidInput")]
    InvalidInputException(InvalidInputException),
    /// The request was rejected because multiple requests to change this object were submitted simultaneously.
    #[aws(rename = "ConcurrentModification")]
    ConcurrentModificationException(ConcurrentModificationException),
    /// The request processing has failed because of an unknown error, exception or failure.
    #[aws(rename = "ServiceFailure")]
    ServiceFailureException(ServiceFailureException),
}

/// `ListUsers`: Lists the IAM users that have the specified path prefix.
#[aws_operation(
    service = "iam",
    service_id = "IAM",
    protocol = "awsQuery",
    api_version = "2010-05-08",
    method = "POST",
    uri = "/",
    output = ListUsersResponse,
    error = ListUsersError,
    rename_all = "PascalCase",
    paginator(input_token = "Marker", output_token = "Marker", items = "Users", page_size = "MaxItems", more_results = "IsTruncated"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListUsers {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

/// The modeled errors of [`ListUsers`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum ListUsersError {
    /// The request processing has failed because of an unknown error, exception or failure.
    #[aws(rename = "ServiceFailure")]
    ServiceFailureException(ServiceFailureException),
}

/// `CreateRole`: Creates a new role for your Amazon Web Services account.
#[aws_operation(
    service = "iam",
    service_id = "IAM",
    protocol = "awsQuery",
    api_version = "2010-05-08",
    method = "POST",
    uri = "/",
    output = CreateRoleResponse,
    error = CreateRoleError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateRole {
    /// The path to the role.
    pub path: Option<String>,
    /// The name of the role to create.
    pub role_name: String,
    /// The trust relationship policy document that grants an entity permission to assume the role.
    pub assume_role_policy_document: String,
    /// A description of the role.
    pub description: Option<String>,
    /// The maximum session duration (in seconds) that you want to set for the specified role.
    pub max_session_duration: Option<i32>,
    /// The maximum duration (in seconds) of an Amazon Web Services Sign-In session for users who sign in with this role.
    pub max_signin_session_duration: Option<i32>,
    /// The ARN of the managed policy that is used to set the permissions boundary for the role.
    pub permissions_boundary: Option<String>,
    /// A list of tags that you want to attach to the new role.
    pub tags: Option<Vec<Tag>>,
}

/// The modeled errors of [`CreateRole`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum CreateRoleError {
    /// The request was rejected because it attempted to create resources beyond the current Amazon Web Services account limits.
    #[aws(rename = "LimitExceeded")]
    LimitExceededException(LimitExceededException),
    /// The request was rejected because an invalid or out-of-range value was supplied for an input parameter.
    #[aws(rename = "InvalidInput")]
    InvalidInputException(InvalidInputException),
    /// The request was rejected because it attempted to create a resource that already exists.
    #[aws(rename = "EntityAlreadyExists")]
    EntityAlreadyExistsException(EntityAlreadyExistsException),
    /// The request was rejected because the policy document was malformed.
    #[aws(rename = "MalformedPolicyDocument")]
    MalformedPolicyDocumentException(MalformedPolicyDocumentException),
    /// The request was rejected because multiple requests to change this object were submitted simultaneously.
    #[aws(rename = "ConcurrentModification")]
    ConcurrentModificationException(ConcurrentModificationException),
    /// The request processing has failed because of an unknown error, exception or failure.
    #[aws(rename = "ServiceFailure")]
    ServiceFailureException(ServiceFailureException),
}

/// `PutRolePolicy`: Adds or updates an inline policy document that is embedded in the specified IAM role.
#[aws_operation(
    service = "iam",
    service_id = "IAM",
    protocol = "awsQuery",
    api_version = "2010-05-08",
    method = "POST",
    uri = "/",
    error = PutRolePolicyError,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct PutRolePolicy {
    /// The name of the role to associate the policy with.
    pub role_name: String,
    /// The name of the policy document.
    pub policy_name: String,
    /// The policy document.
    pub policy_document: String,
}

/// The modeled errors of [`PutRolePolicy`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum PutRolePolicyError {
    /// The request was rejected because it attempted to create resources beyond the current Amazon Web Services account limits.
    #[aws(rename = "LimitExceeded")]
    LimitExceededException(LimitExceededException),
    /// The request was rejected because the policy document was malformed.
    #[aws(rename = "MalformedPolicyDocument")]
    MalformedPolicyDocumentException(MalformedPolicyDocumentException),
    /// The request was rejected because it referenced a resource entity that does not exist.
    #[aws(rename = "NoSuchEntity")]
    NoSuchEntityException(NoSuchEntityException),
    /// The request was rejected because service-linked roles are protected Amazon Web Services resources.
    #[aws(rename = "UnmodifiableEntity")]
    UnmodifiableEntityException(UnmodifiableEntityException),
    /// The request processing has failed because of an unknown error, exception or failure.
    #[aws(rename = "ServiceFailure")]
    ServiceFailureException(ServiceFailureException),
}

/// `ListRoles`: Lists the IAM roles that have the specified path prefix.
#[aws_operation(
    service = "iam",
    service_id = "IAM",
    protocol = "awsQuery",
    api_version = "2010-05-08",
    method = "POST",
    uri = "/",
    output = ListRolesResponse,
    error = ListRolesError,
    rename_all = "PascalCase",
    paginator(input_token = "Marker", output_token = "Marker", items = "Roles", page_size = "MaxItems", more_results = "IsTruncated"),
)]
#[derive(Debug, Clone, Default)]
pub struct ListRoles {
    /// The path prefix for filtering the results.
    pub path_prefix: Option<String>,
    /// Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.
    pub marker: Option<String>,
    /// Use this only when paginating results to indicate the maximum number of items you want in the response.
    pub max_items: Option<i32>,
}

/// The modeled errors of [`ListRoles`].
#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum ListRolesError {
    /// The request processing has failed because of an unknown error, exception or failure.
    #[aws(rename = "ServiceFailure")]
    ServiceFailureException(ServiceFailureException),
}

/// A structure that represents user-provided metadata that can be associated with an IAM resource.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The key name that can be used to look up or retrieve the associated value.
    pub key: String,
    /// The value associated with this tag.
    pub value: String,
}

/// Contains the response to a successful CreateUser request.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserResponse {
    /// A structure with details about the new IAM user.
    pub user: Option<User>,
}

/// Contains information about an IAM user entity.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct User {
    /// The path to the user.
    pub path: String,
    /// The friendly name identifying the user.
    pub user_name: String,
    /// The stable and unique string identifying the user.
    pub user_id: String,
    /// The Amazon Resource Name (ARN) that identifies the user.
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format , when the user was created.
    pub create_date: Option<DateTime>,
    /// The date and time, in ISO 8601 date-time format , when the user's password was last used to sign in to an Amazon Web Services website.
    pub password_last_used: Option<DateTime>,
    /// For more information about permissions boundaries, see Permissions boundaries for IAM identities in the IAM User Guide .
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are associated with the user.
    pub tags: Option<Vec<Tag>>,
}

/// Contains information about an attached permissions boundary.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttachedPermissionsBoundary {
    /// The permissions boundary usage type that indicates what type of IAM resource is used as the permissions boundary for an entity.
    pub permissions_boundary_type: Option<PermissionsBoundaryAttachmentType>,
    /// The ARN of the policy used to set the permissions boundary for the user or role.
    pub permissions_boundary_arn: Option<String>,
}

/// The `PermissionsBoundaryAttachmentType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PermissionsBoundaryAttachmentType {
    /// `PermissionsBoundaryPolicy`
    #[aws(rename = "PermissionsBoundaryPolicy")]
    PermissionsBoundaryPolicy,
}

/// The request was rejected because it attempted to create resources beyond the current Amazon Web Services account limits.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LimitExceededException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because it attempted to create a resource that already exists.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityAlreadyExistsException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because it referenced a resource entity that does not exist.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoSuchEntityException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because an invalid or out-of-range value was supplied for an input parameter.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvalidInputException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because multiple requests to change this object were submitted simultaneously.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConcurrentModificationException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request processing has failed because of an unknown error, exception or failure.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceFailureException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Contains the response to a successful ListUsers request.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListUsersResponse {
    /// A list of users.
    pub users: Vec<User>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}

/// Contains the response to a successful CreateRole request.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateRoleResponse {
    /// A structure containing details about the new role.
    pub role: Role,
}

/// Contains information about an IAM role.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    /// The path to the role.
    pub path: String,
    /// The friendly name that identifies the role.
    pub role_name: String,
    /// The stable and unique string identifying the role.
    pub role_id: String,
    /// The Amazon Resource Name (ARN) specifying the role.
    pub arn: String,
    /// The date and time, in ISO 8601 date-time format , when the role was created.
    pub create_date: Option<DateTime>,
    /// The policy that grants an entity permission to assume the role.
    pub assume_role_policy_document: Option<String>,
    /// A description of the role that you provide.
    pub description: Option<String>,
    /// The maximum session duration (in seconds) for the specified role.
    pub max_session_duration: Option<i32>,
    /// The maximum duration (in seconds) of an Amazon Web Services Sign-In session for users who sign in with this role.
    pub max_signin_session_duration: Option<i32>,
    /// The ARN of the policy used to set the permissions boundary for the role.
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// A list of tags that are attached to the role.
    pub tags: Option<Vec<Tag>>,
    /// Contains information about the last time that an IAM role was used.
    pub role_last_used: Option<RoleLastUsed>,
    /// Contains information about the role template that this role was created from.
    pub source_role_template: Option<SourceRoleTemplate>,
}

/// Contains information about the last time that an IAM role was used.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleLastUsed {
    /// The date and time, in ISO 8601 date-time format that the role was last used.
    pub last_used_date: Option<DateTime>,
    /// The name of the Amazon Web Services Region in which the role was last used.
    pub region: Option<String>,
}

/// Contains information about the role template that a role was created from.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceRoleTemplate {
    /// The Amazon Resource Name (ARN) of the role template that the role was created from.
    pub template_arn: String,
    /// The minor version of the role template that was used to create the role.
    pub template_minor_version: i32,
}

/// The request was rejected because the policy document was malformed.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MalformedPolicyDocumentException {
    /// The `message` member.
    pub message: Option<String>,
}

/// The request was rejected because service-linked roles are protected Amazon Web Services resources.
#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnmodifiableEntityException {
    /// The `message` member.
    pub message: Option<String>,
}

/// Contains the response to a successful ListRoles request.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListRolesResponse {
    /// A list of roles.
    pub roles: Vec<Role>,
    /// A flag that indicates whether there are more items to return.
    pub is_truncated: Option<bool>,
    /// When IsTruncated is true , this element is present and contains the value to use for the Marker parameter in a subsequent pagination request.
    pub marker: Option<String>,
}
