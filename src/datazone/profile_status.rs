use crate::aws_shape;

/// Where a profile stands in its life cycle.
///
/// A value this version of awsop does not know arrives as `Unknown` with
/// the text DataZone sent.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserProfileStatus {
    /// The user has been given access to the domain (`ASSIGNED`).
    Assigned,
    /// The user exists but has no access to the domain (`NOT_ASSIGNED`).
    NotAssigned,
    /// The profile is in use (`ACTIVATED`).
    Activated,
    /// The profile is switched off (`DEACTIVATED`).
    Deactivated,
}
