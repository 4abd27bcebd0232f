use crate::{aws_operation, aws_shape};

use super::{DataZoneError, UserProfileDetails, UserProfileStatus, UserProfileType};

/// Reads one user profile of a DataZone domain (`GetUserProfile`).
///
/// `user_identifier` is either the profile's id or the identifier of its
/// user (an IAM ARN, an IAM Identity Center user id or a user name); `type`
/// and `session_name` narrow the lookup when one user could have several
/// profiles. A profile that does not exist fails with
/// [`DataZoneError::ResourceNotFoundException`].
///
/// Succeeds with HTTP 200. Fails with a [`DataZoneError`].
///
/// ```no_run
/// use awsop::datazone::{DataZoneError, GetUserProfile};
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let client = awsop::Client::from_env().await?;
/// let lookup = GetUserProfile {
///     domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
///     user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
///     ..Default::default()
/// };
/// match lookup.send(&client).await {
///     Ok(profile) => println!("{:?} is {:?}", profile.id, profile.status),
///     Err(err) if matches!(err.service_error(), Some(DataZoneError::ResourceNotFoundException(_))) => {
///         println!("no such profile (request id {:?})", err.request_id())
///     }
///     Err(err) => return Err(err.into()),
/// }
/// # Ok(())
/// # }
/// ```
#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "GET",
    uri = "/v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}",
    status = 200,
    output = GetUserProfileOutput,
    error = DataZoneError,
    crate = "crate",
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetUserProfile {
    /// The domain the profile belongs to. Sent in the URL path.
    #[aws(label)]
    pub domain_identifier: String,
    /// The profile's id, or its user's identifier. Sent in the URL path.
    #[aws(label)]
    pub user_identifier: String,
    /// Only an IAM or only an IAM Identity Center profile. Sent as the
    /// `type` query parameter.
    #[aws(query = "type")]
    pub r#type: Option<UserProfileType>,
    /// The role session of an [`UserType::IamRoleSession`](super::UserType::IamRoleSession)
    /// profile (2 to 64 characters). Sent as the `sessionName` query parameter.
    #[aws(query = "sessionName")]
    pub session_name: Option<String>,
}

/// The profile [`GetUserProfile`] found.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetUserProfileOutput {
    /// The domain the profile belongs to.
    pub domain_id: Option<String>,
    /// The profile's own id.
    pub id: Option<String>,
    /// Whether this is an IAM or an IAM Identity Center profile.
    pub r#type: Option<UserProfileType>,
    /// Where the profile stands: assigned, activated, deactivated, ...
    pub status: Option<UserProfileStatus>,
    /// Details that depend on the profile's type.
    pub details: Option<UserProfileDetails>,
}
