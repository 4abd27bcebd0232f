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

// The declarations are awsop-codegen's output for the four user-profile
// operations of the vendored model (`codegen/tests/models/datazone-user-profiles.json`,
// endpoint from DataZone's rule set): `codegen/tests/dogfood.rs` fails when
// regenerating would change `generated.rs`, and
// `AWSOP_REGENERATE=1 cargo test -p awsop-codegen --test dogfood` rewrites it.
// What the model cannot say (constructors for the operations whose required
// members have no default) is written by hand below.

mod generated;

pub use generated::*;

/// The pages of a [`SearchUserProfiles`]: what [`SearchUserProfiles::paginate`]
/// returns (`next_page()`, `items()`, `collect_items()`, `max_items(n)`).
pub type SearchUserProfilesPages<'a> = crate::Paginator<'a, SearchUserProfiles>;

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

impl SearchUserProfiles {
    /// A search of `domain_identifier` for users of `user_type`, with every
    /// optional member unset.
    ///
    /// ```
    /// use awsop::datazone::{SearchUserProfiles, UserSearchType};
    /// let search = SearchUserProfiles::new("dzd_4p9n6sw4qt9xgn", UserSearchType::SsoUser);
    /// assert_eq!(search.next_token, None);
    /// ```
    pub fn new(domain_identifier: impl Into<String>, user_type: UserSearchType) -> Self {
        SearchUserProfiles {
            domain_identifier: domain_identifier.into(),
            user_type,
            search_text: None,
            max_results: None,
            next_token: None,
        }
    }
}
