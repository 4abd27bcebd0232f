use crate::aws_shape;

/// What kind of principal a new profile is for
/// ([`CreateUserProfile::user_type`](super::CreateUserProfile::user_type)).
///
/// A value this version of awsop does not know arrives as `Unknown` with
/// the text DataZone sent, and is sent back unchanged.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserType {
    /// An IAM user (`IAM_USER`).
    IamUser,
    /// An IAM role (`IAM_ROLE`).
    IamRole,
    /// An IAM Identity Center user (`SSO_USER`).
    SsoUser,
    /// One session of an assumed IAM role, told apart by its session name
    /// (`IAM_ROLE_SESSION`).
    IamRoleSession,
}
