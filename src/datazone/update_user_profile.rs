use crate::{aws_operation, aws_shape};

use super::{DataZoneError, UserProfileDetails, UserProfileStatus, UserProfileType};

/// Changes the status of a user profile (`UpdateUserProfile`), e.g. to
/// deactivate a user's access to a domain or to activate it again.
///
/// `status` is required, so this struct has no `Default`; build it with
/// [`UpdateUserProfile::new`] or spell out every field.
///
/// Succeeds with HTTP 200. Fails with a [`DataZoneError`].
///
/// ```no_run
/// use awsop::datazone::{UpdateUserProfile, UserProfileStatus};
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let client = awsop::Client::from_env().await?;
/// let updated = UpdateUserProfile::new(
///     "dzd_4p9n6sw4qt9xgn",
///     "arn:aws:iam::123456789012:role/DataScientist",
///     UserProfileStatus::Deactivated,
/// )
/// .send(&client)
/// .await?;
/// assert_eq!(updated.status, Some(UserProfileStatus::Deactivated));
/// # Ok(())
/// # }
/// ```
#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "PUT",
    uri = "/v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}",
    status = 200,
    output = UpdateUserProfileOutput,
    error = DataZoneError,
    crate = "crate",
)]
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateUserProfile {
    /// The domain the profile belongs to. Sent in the URL path.
    #[aws(label)]
    pub domain_identifier: String,
    /// The profile's id, or its user's identifier. Sent in the URL path.
    #[aws(label)]
    pub user_identifier: String,
    /// Only an IAM or only an IAM Identity Center profile.
    pub r#type: Option<UserProfileType>,
    /// The status to set.
    pub status: UserProfileStatus,
    /// The role session of an [`UserType::IamRoleSession`](super::UserType::IamRoleSession)
    /// profile (2 to 64 characters).
    pub session_name: Option<String>,
}

impl UpdateUserProfile {
    /// An update of the profile of `user_identifier` in `domain_identifier`
    /// to `status`, with every optional member unset.
    ///
    /// ```
    /// use awsop::datazone::{UpdateUserProfile, UserProfileStatus};
    /// let update = UpdateUserProfile::new("dzd_4p9n6sw4qt9xgn", "jane", UserProfileStatus::Activated);
    /// assert_eq!(update.r#type, None);
    /// ```
    pub fn new(
        domain_identifier: impl Into<String>,
        user_identifier: impl Into<String>,
        status: UserProfileStatus,
    ) -> Self {
        UpdateUserProfile {
            domain_identifier: domain_identifier.into(),
            user_identifier: user_identifier.into(),
            r#type: None,
            status,
            session_name: None,
        }
    }
}

/// The profile as [`UpdateUserProfile`] left it.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateUserProfileOutput {
    /// The domain the profile belongs to.
    pub domain_id: Option<String>,
    /// The profile's own id.
    pub id: Option<String>,
    /// Whether this is an IAM or an IAM Identity Center profile.
    pub r#type: Option<UserProfileType>,
    /// The profile's status after the update.
    pub status: Option<UserProfileStatus>,
    /// Details that depend on the profile's type.
    pub details: Option<UserProfileDetails>,
}
