//! Amazon DataZone user profiles: create, read, update and search them.
//!
//! Four operations, each a plain struct with an async `send`:
//!
//! | operation | HTTP | what it does |
//! |---|---|---|
//! | [`CreateUserProfile`] | `POST /v2/domains/{domainIdentifier}/user-profiles` (201) | gives an IAM principal or an IAM Identity Center user a profile in a domain |
//! | [`GetUserProfile`] | `GET /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}` | reads one profile, by profile id or by the user's identifier |
//! | [`UpdateUserProfile`] | `PUT /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}` | changes a profile's status |
//! | [`SearchUserProfiles`] | `POST /v2/domains/{domainIdentifier}/search-user-profiles` | lists profiles page by page; [`SearchUserProfiles::paginate`] walks every page |
//!
//! All four answer with the same typed error, [`DataZoneError`]; the
//! [`Error`](crate::Error) around it also carries the error code, message,
//! HTTP status and request id.
//!
//! The service signs as `datazone` and lives at
//! `https://datazone.{region}.api.aws` (note: `api.aws`, not `amazonaws.com`).
//! `AWS_ENDPOINT_URL_DATAZONE` or `AWS_ENDPOINT_URL` point the client
//! elsewhere, e.g. at a local emulator.
//!
//! ```no_run
//! use awsop::datazone::{CreateUserProfile, UserType};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = awsop::Client::from_env().await?;
//! let profile = CreateUserProfile {
//!     domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
//!     user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
//!     user_type: Some(UserType::IamRole),
//!     ..Default::default()
//! }
//! .send(&client)
//! .await?;
//! println!("profile {:?} is {:?}", profile.id, profile.status);
//! # Ok(())
//! # }
//! ```

// Inside awsop itself `::awsop` does not name this crate, so every
// declaration here says `crate = "crate"`; code outside awsop leaves it out.

mod create_user_profile;
mod details;
mod errors;
mod get_user_profile;
mod profile_status;
mod profile_type;
mod search_type;
mod search_user_profiles;
mod summary;
mod update_user_profile;
mod user_type;

pub use create_user_profile::{CreateUserProfile, CreateUserProfileOutput};
pub use details::{IamUserProfileDetails, SsoUserProfileDetails, UserProfileDetails};
pub use errors::{
    AccessDeniedException, DataZoneError, InternalServerException, ResourceNotFoundException,
    ThrottlingException, UnauthorizedException, ValidationException,
};
pub use get_user_profile::{GetUserProfile, GetUserProfileOutput};
/// The pages of a [`SearchUserProfiles`]: what [`SearchUserProfiles::paginate`]
/// returns (`next_page()`, `items()`, `collect_items()`, `max_items(n)`).
pub type SearchUserProfilesPages<'a> = crate::Paginator<'a, SearchUserProfiles>;
pub use profile_status::UserProfileStatus;
pub use profile_type::UserProfileType;
pub use search_type::UserSearchType;
pub use search_user_profiles::{SearchUserProfiles, SearchUserProfilesOutput};
pub use summary::UserProfileSummary;
pub use update_user_profile::{UpdateUserProfile, UpdateUserProfileOutput};
pub use user_type::UserType;
