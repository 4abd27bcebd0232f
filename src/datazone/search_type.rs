use crate::aws_shape;

/// Which users a [`SearchUserProfiles`](super::SearchUserProfiles) looks at.
///
/// A value this version of awsop does not know is kept as `Unknown` and
/// sent unchanged.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserSearchType {
    /// IAM Identity Center users, whether or not they have a profile yet
    /// (`SSO_USER`).
    SsoUser,
    /// Every user with a DataZone profile (`DATAZONE_USER`).
    DatazoneUser,
    /// IAM Identity Center users with a DataZone profile (`DATAZONE_SSO_USER`).
    DatazoneSsoUser,
    /// IAM principals with a DataZone profile (`DATAZONE_IAM_USER`).
    DatazoneIamUser,
}
