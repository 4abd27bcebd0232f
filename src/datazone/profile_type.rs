use crate::aws_shape;

/// Which identity system a profile's user comes from.
///
/// A value this version of awsop does not know arrives as `Unknown` with
/// the text DataZone sent.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserProfileType {
    /// AWS Identity and Access Management (`IAM`).
    Iam,
    /// IAM Identity Center, formerly AWS SSO (`SSO`).
    Sso,
}
