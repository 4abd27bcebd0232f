use crate::aws_shape;

/// What DataZone knows about a profile's user, by kind of profile. Exactly
/// one kind is set.
///
/// A member this version of awsop does not know (added to DataZone later)
/// arrives as `Unknown` with the member's name, rather than failing the call.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, PartialEq)]
pub enum UserProfileDetails {
    /// The profile of an IAM user, role or role session (wire name `iam`).
    Iam(IamUserProfileDetails),
    /// The profile of an IAM Identity Center user (wire name `sso`).
    Sso(SsoUserProfileDetails),
}

/// The IAM side of a profile.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IamUserProfileDetails {
    /// The ARN of the IAM user or role.
    pub arn: Option<String>,
    /// IAM's unique id of the principal (`AROA...`, `AIDA...`).
    pub principal_id: Option<String>,
    /// The role session, for profiles of one assumed-role session.
    pub session_name: Option<String>,
    /// The group profile the user belongs to, if any.
    pub group_profile_id: Option<String>,
}

/// The IAM Identity Center side of a profile. Every member is personal
/// data, so `Debug` output redacts them.
#[aws_shape(crate = "crate")]
#[derive(Clone, Default, PartialEq)]
pub struct SsoUserProfileDetails {
    /// The user's sign-in name.
    #[aws(sensitive)]
    pub username: Option<String>,
    /// The user's given name.
    #[aws(sensitive)]
    pub first_name: Option<String>,
    /// The user's family name.
    #[aws(sensitive)]
    pub last_name: Option<String>,
}
