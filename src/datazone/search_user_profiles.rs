use crate::{aws_operation, aws_shape};

use super::{DataZoneError, UserProfileSummary, UserSearchType};

/// Lists the user profiles of a DataZone domain that match a search, one
/// page per call (`SearchUserProfiles`).
///
/// A page holds at most `max_results` profiles (1 to 50); when more match,
/// the answer's `next_token` goes into the next request's `next_token`.
/// [`SearchUserProfiles::paginate`] does that loop for you.
///
/// `user_type` is required, so this struct has no `Default`; build it with
/// [`SearchUserProfiles::new`] or spell out every field.
///
/// Succeeds with HTTP 200. Fails with a [`DataZoneError`].
///
/// ```no_run
/// use awsop::datazone::{SearchUserProfiles, UserSearchType};
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let client = awsop::Client::from_env().await?;
/// let mut search = SearchUserProfiles::new("dzd_4p9n6sw4qt9xgn", UserSearchType::DatazoneIamUser);
/// search.search_text = Some("DataScientist".into());
/// search.max_results = Some(25);
/// let page = search.send(&client).await?;
/// for profile in page.items.unwrap_or_default() {
///     println!("{:?}: {:?}", profile.id, profile.status);
/// }
/// if page.next_token.is_some() {
///     println!("more profiles match");
/// }
/// # Ok(())
/// # }
/// ```
#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "POST",
    uri = "/v2/domains/{domainIdentifier}/search-user-profiles",
    status = 200,
    output = SearchUserProfilesOutput,
    error = DataZoneError,
    paginator(
        input_token = "nextToken",
        output_token = "nextToken",
        items = "items",
        page_size = "maxResults"
    ),
    crate = "crate",
)]
#[derive(Clone, PartialEq)]
pub struct SearchUserProfiles {
    /// The domain to search. Sent in the URL path.
    #[aws(label)]
    pub domain_identifier: String,
    /// Which kind of users to search for.
    pub user_type: UserSearchType,
    /// Text the profiles must contain (up to 1024 characters). Kept out of
    /// `Debug` output.
    #[aws(sensitive)]
    pub search_text: Option<String>,
    /// The most profiles one page may hold (1 to 50).
    pub max_results: Option<i32>,
    /// Where to continue: the `next_token` of the previous page.
    pub next_token: Option<String>,
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

/// One page of [`SearchUserProfiles`] results.
#[aws_shape(crate = "crate")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchUserProfilesOutput {
    /// The profiles on this page.
    pub items: Option<Vec<UserProfileSummary>>,
    /// Present when more profiles match: send it as the next request's
    /// `next_token` to get the following page.
    pub next_token: Option<String>,
}
