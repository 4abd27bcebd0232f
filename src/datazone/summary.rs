use crate::aws_shape;

use super::{UserProfileDetails, UserProfileStatus, UserProfileType};

/// One profile in a [`SearchUserProfiles`](super::SearchUserProfiles) page.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserProfileSummary {
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
