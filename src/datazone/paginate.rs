use crate::{Client, Error};

use super::{DataZoneError, SearchUserProfiles, SearchUserProfilesOutput, UserProfileSummary};

impl SearchUserProfiles {
    /// Walks every page of this search: each call to
    /// [`next_page`](SearchUserProfilesPages::next_page) sends the request
    /// with the previous page's `next_token`.
    ///
    /// The walk starts at `self.next_token` (usually `None`, the first
    /// page) and uses `self.max_results` as the page size.
    ///
    /// ```no_run
    /// use awsop::datazone::{SearchUserProfiles, UserSearchType};
    ///
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = awsop::Client::from_env().await?;
    /// let mut pages = SearchUserProfiles::new("dzd_4p9n6sw4qt9xgn", UserSearchType::DatazoneUser)
    ///     .paginate(&client);
    /// while let Some(page) = pages.next_page().await {
    ///     println!("{} profiles on this page", page?.items.unwrap_or_default().len());
    /// }
    ///
    /// // Or all at once, stopping after 100 profiles:
    /// let first_hundred = SearchUserProfiles::new("dzd_4p9n6sw4qt9xgn", UserSearchType::DatazoneUser)
    ///     .paginate(&client)
    ///     .max_items(100)
    ///     .collect_items()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn paginate(self, client: &Client) -> SearchUserProfilesPages<'_> {
        SearchUserProfilesPages {
            client,
            request: self,
            max_items: None,
            items_seen: 0,
            done: false,
        }
    }
}

/// The pages of a [`SearchUserProfiles`], fetched one at a time; made by
/// [`SearchUserProfiles::paginate`].
///
/// The walk ends after a page whose `next_token` is absent or empty, or is
/// the very token that was just sent (a service that keeps answering with
/// the same token would otherwise loop forever), after an error, or once
/// [`max_items`](Self::max_items) profiles were returned.
#[derive(Debug)]
pub struct SearchUserProfilesPages<'a> {
    client: &'a Client,
    request: SearchUserProfiles,
    max_items: Option<usize>,
    items_seen: usize,
    done: bool,
}

impl SearchUserProfilesPages<'_> {
    /// Stops after `max_items` profiles in all: the page that crosses the
    /// cap is cut short (its `next_token` is left as DataZone sent it, and
    /// still points past the whole page), and no further page is fetched.
    pub fn max_items(mut self, max_items: usize) -> Self {
        self.max_items = Some(max_items);
        self
    }

    /// How many profiles the pages returned so far held.
    pub fn items_seen(&self) -> usize {
        self.items_seen
    }

    /// The next page, `None` once the walk has ended. An error ends the walk
    /// (the client already retried what was worth retrying).
    pub async fn next_page(
        &mut self,
    ) -> Option<Result<SearchUserProfilesOutput, Error<DataZoneError>>> {
        let remaining = match self.max_items {
            Some(cap) => cap.saturating_sub(self.items_seen),
            None => usize::MAX,
        };
        if self.done || remaining == 0 {
            self.done = true;
            return None;
        }
        let mut page = match self.request.clone().send(self.client).await {
            Ok(page) => page,
            Err(err) => {
                self.done = true;
                return Some(Err(err));
            }
        };
        if let Some(items) = &mut page.items {
            if items.len() >= remaining {
                items.truncate(remaining);
                self.done = true;
            }
            self.items_seen += items.len();
        }
        match page.next_token.as_deref() {
            Some(next) if !next.is_empty() && self.request.next_token.as_deref() != Some(next) => {
                self.request.next_token = Some(next.to_owned());
            }
            _ => self.done = true,
        }
        Some(Ok(page))
    }

    /// Every profile of every remaining page (up to
    /// [`max_items`](Self::max_items)), in order. The first error is returned
    /// and the profiles gathered before it are dropped.
    pub async fn collect_items(mut self) -> Result<Vec<UserProfileSummary>, Error<DataZoneError>> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await {
            all.extend(page?.items.unwrap_or_default());
        }
        Ok(all)
    }
}
