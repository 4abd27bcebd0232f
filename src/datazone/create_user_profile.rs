use crate::{aws_operation, aws_shape};

use super::{DataZoneError, UserProfileDetails, UserProfileStatus, UserProfileType, UserType};

/// Creates the user profile of one user in a DataZone domain (`CreateUserProfile`).
///
/// The user is an IAM user, an IAM role, an assumed-role session, or a user
/// of IAM Identity Center. Creating a profile that already exists is not an
/// error: DataZone answers with the existing one.
///
/// The call is idempotent: `client_token` is filled with a fresh UUID before
/// the first attempt when left `None`, and every retry sends that same
/// token, so DataZone creates at most one profile however often the request
/// is repeated. Set it yourself to make a retry of your own (after a crash,
/// say) land on the same profile.
///
/// Succeeds with HTTP 201. Fails with a [`DataZoneError`].
///
/// ```no_run
/// use awsop::datazone::{CreateUserProfile, DataZoneError, UserType};
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let client = awsop::Client::from_env().await?;
/// let request = CreateUserProfile {
///     domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
///     user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
///     user_type: Some(UserType::IamRole),
///     ..Default::default()
/// };
/// match request.send(&client).await {
///     Ok(profile) => println!("created {:?} ({:?})", profile.id, profile.status),
///     Err(err) => match err.service_error() {
///         Some(DataZoneError::AccessDeniedException(denied)) => {
///             eprintln!("not allowed: {}", denied.message)
///         }
///         _ => return Err(err.into()),
///     },
/// }
/// # Ok(())
/// # }
/// ```
#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "POST",
    uri = "/v2/domains/{domainIdentifier}/user-profiles",
    status = 201,
    output = CreateUserProfileOutput,
    error = DataZoneError,
    crate = "crate",
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfile {
    /// The domain to create the profile in (`dzd_` or `dzd-` and 1 to 36
    /// letters, digits, `_` or `-`). Sent in the URL path.
    #[aws(label)]
    pub domain_identifier: String,
    /// Who the profile is for: an IAM ARN
    /// (`arn:aws:iam::123456789012:role/DataScientist`), an IAM Identity
    /// Center user id, or a user name.
    pub user_identifier: String,
    /// What kind of principal `user_identifier` names. DataZone infers it
    /// when absent.
    pub user_type: Option<UserType>,
    /// For [`UserType::IamRoleSession`]: the role session the profile is for
    /// (2 to 64 characters).
    pub session_name: Option<String>,
    /// Makes retries safe: requests with the same token create one profile.
    /// Filled with a random UUID when `None`.
    #[aws(idempotency_token)]
    pub client_token: Option<String>,
}

/// The profile [`CreateUserProfile`] created (or found already there).
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfileOutput {
    /// The domain the profile belongs to.
    pub domain_id: Option<String>,
    /// The profile's own id (a UUID, sometimes with a 10-hex-digit prefix).
    pub id: Option<String>,
    /// Whether this is an IAM or an IAM Identity Center profile.
    pub r#type: Option<UserProfileType>,
    /// Where the profile stands: assigned, activated, deactivated, ...
    pub status: Option<UserProfileStatus>,
    /// Details that depend on the profile's type.
    pub details: Option<UserProfileDetails>,
}
