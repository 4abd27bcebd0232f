//! Walking an operation's pages: [`Paginator`], for any operation declared
//! with `paginator(...)` in `#[aws_operation]`.
//!
//! The macro implements [`Paginated`] (how the request moves on to the next
//! page) and, when the paginator names its `items`, [`PaginatedItems`]
//! (where a page keeps them); `paginate(&client)` then gives a
//! [`Paginator`].

use std::collections::HashMap;

use crate::operation::Operation;
use crate::value::Document;
use crate::{Client, Error};

/// An operation whose output leads to a next page.
pub trait Paginated: Operation + Clone {
    /// Moves the request on to the page after `output` (its token into
    /// the request); `false` when `output` was the last page: no token, an
    /// empty one, the very token just sent, or `more_results` false.
    fn advance(&mut self, output: &Self::Output) -> bool;

    /// Sets the request's page size (`page_size = "..."`), if it has one.
    fn set_page_size(&mut self, _size: i32) {}

    /// Cuts the page's items (`items = "..."`) to at most `max`; returns
    /// how many it keeps (0 for operations whose pages name no items).
    fn limit_items(_output: &mut Self::Output, _max: usize) -> usize {
        0
    }
}

/// A paginated operation whose pages hold a list of items (`items =
/// "..."`).
pub trait PaginatedItems: Paginated {
    /// One item.
    type Item: Send + 'static;

    /// The page's items, if it has the member.
    fn page_items(output: &mut Self::Output) -> Option<&mut Vec<Self::Item>>;
}

/// The pages of one operation, fetched one at a time: each call to
/// [`next_page`](Self::next_page) sends the request with the previous
/// page's token.
///
/// The walk starts from the request as given (usually no token: the first
/// page). It ends after a page with no token, an empty one or the very
/// token just sent (a service answering with the same token would
/// otherwise loop forever), after an error (the client already retried
/// what was worth retrying), or once [`max_items`](Self::max_items) items
/// were returned.
///
/// Operations get one from `paginate(&client)` (the `awsop` crate's docs
/// show the whole walk):
///
/// ```text
/// let mut pages = ListFunctions::default().paginate(&client).page_size(50);
/// while let Some(page) = pages.next_page().await { ... }
/// let mut functions = ListFunctions::default().paginate(&client).items();
/// while let Some(function) = functions.next().await { ... }
/// let first_hundred = ListFunctions::default().paginate(&client).max_items(100).collect_items().await?;
/// ```
#[derive(Debug)]
pub struct Paginator<'c, O: Paginated> {
    client: &'c Client,
    request: O,
    max_items: Option<usize>,
    items_seen: usize,
    done: bool,
}

/// What the macro's `paginate()` calls: [`Paginator::new`]. A function
/// of its own so that the facade can do its one step before the first page
/// (installing its credentials sources), as it does before every `send`.
#[doc(hidden)]
pub fn paginate<O: Paginated>(client: &Client, request: O) -> Paginator<'_, O> {
    Paginator::new(client, request)
}

impl<'c, O: Paginated> Paginator<'c, O> {
    /// The pages of `request` sent through `client`.
    pub fn new(client: &'c Client, request: O) -> Self {
        Paginator {
            client,
            request,
            max_items: None,
            items_seen: 0,
            done: false,
        }
    }

    /// Asks for pages of at most `size` items (the request's page-size
    /// member); the service may return fewer.
    pub fn page_size(mut self, size: i32) -> Self {
        self.request.set_page_size(size);
        self
    }

    /// The request the next page will be fetched with.
    pub fn request(&self) -> &O {
        &self.request
    }

    /// The next page, `None` once the walk has ended; its items are cut to
    /// what [`max_items`](Self::max_items) allows. An error ends the walk.
    pub async fn next_page(&mut self) -> Option<Result<O::Output, Error<O::Error>>> {
        let remaining = match self.max_items {
            Some(cap) => cap.saturating_sub(self.items_seen),
            None => usize::MAX,
        };
        if self.done || remaining == 0 {
            self.done = true;
            return None;
        }
        let mut page = match crate::orchestrator::invoke(self.client, self.request.clone()).await {
            Ok(page) => page,
            Err(err) => {
                self.done = true;
                return Some(Err(err));
            }
        };
        let kept = O::limit_items(&mut page, remaining);
        self.items_seen += kept;
        if kept >= remaining && self.max_items.is_some() {
            self.done = true;
        }
        if !self.request.advance(&page) {
            self.done = true;
        }
        Some(Ok(page))
    }
}

impl<'c, O: PaginatedItems> Paginator<'c, O> {
    /// Stops after `max_items` items in all: the page that crosses the cap
    /// is cut short (its token is left as the service sent it, and still
    /// points past the whole page), and no further page is fetched.
    pub fn max_items(mut self, max_items: usize) -> Self {
        self.max_items = Some(max_items);
        self
    }

    /// How many items the pages returned so far held.
    pub fn items_seen(&self) -> usize {
        self.items_seen
    }

    /// The items of every remaining page, one at a time.
    pub fn items(self) -> Items<'c, O> {
        Items {
            pages: self,
            buffered: Vec::new().into_iter(),
        }
    }

    /// Every item of every remaining page (up to
    /// [`max_items`](Self::max_items)), in order. The first error is
    /// returned and the items gathered before it are dropped.
    pub async fn collect_items(mut self) -> Result<Vec<O::Item>, Error<O::Error>> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await {
            if let Some(items) = O::page_items(&mut page?) {
                all.append(items);
            }
        }
        Ok(all)
    }
}

/// The items of a [`Paginator`], one at a time: [`next`](Self::next)
/// fetches the next page when the current one is used up.
#[derive(Debug)]
pub struct Items<'c, O: PaginatedItems> {
    pages: Paginator<'c, O>,
    buffered: std::vec::IntoIter<O::Item>,
}

impl<O: PaginatedItems> Items<'_, O> {
    /// The next item, `None` once the walk has ended. An error ends it.
    pub async fn next(&mut self) -> Option<Result<O::Item, Error<O::Error>>> {
        loop {
            if let Some(item) = self.buffered.next() {
                return Some(Ok(item));
            }
            let mut page = match self.pages.next_page().await? {
                Ok(page) => page,
                Err(err) => return Some(Err(err)),
            };
            if let Some(items) = O::page_items(&mut page) {
                self.buffered = std::mem::take(items).into_iter();
            }
        }
    }
}

/// Moves a request's token on: `slot` takes `next` unless it is absent,
/// empty, or what `slot` already holds. What generated `advance` calls.
///
/// ```
/// use awsop_runtime::pagination::advance_token;
/// let mut token = None;
/// assert!(advance_token(&mut token, Some(&"a".to_string())));
/// assert!(!advance_token(&mut token, Some(&"a".to_string())), "repeated");
/// assert!(!advance_token(&mut token, Some(&String::new())), "empty");
/// assert!(!advance_token(&mut token, None), "absent");
/// ```
pub fn advance_token<T: PageToken>(slot: &mut Option<T>, next: Option<&T>) -> bool {
    match next {
        Some(next) if !next.is_empty_token() && slot.as_ref() != Some(next) => {
            *slot = Some(next.clone());
            true
        }
        _ => false,
    }
}

/// A pagination token: a string, or a structured key (DynamoDB's
/// `LastEvaluatedKey`), empty when there is no next page.
pub trait PageToken: Clone + PartialEq {
    /// Whether this token says "no more pages".
    fn is_empty_token(&self) -> bool;
}

impl PageToken for String {
    fn is_empty_token(&self) -> bool {
        self.is_empty()
    }
}

impl<
        K: PartialEq + Eq + std::hash::Hash + Clone,
        V: Clone + PartialEq,
        S: Clone + std::hash::BuildHasher,
    > PageToken for HashMap<K, V, S>
{
    fn is_empty_token(&self) -> bool {
        self.is_empty()
    }
}

impl<T: Clone + PartialEq> PageToken for Vec<T> {
    fn is_empty_token(&self) -> bool {
        self.is_empty()
    }
}

impl PageToken for Document {
    fn is_empty_token(&self) -> bool {
        match self {
            Document::Null => true,
            Document::String(s) => s.is_empty(),
            Document::Object(o) => o.is_empty(),
            Document::Array(a) => a.is_empty(),
            _ => false,
        }
    }
}

impl PageToken for i32 {
    fn is_empty_token(&self) -> bool {
        false
    }
}

impl PageToken for i64 {
    fn is_empty_token(&self) -> bool {
        false
    }
}

/// A member on the way to a token or the items: `Option<T>` may be
/// absent; a required member (a structure, a string, a list) is there.
/// `#[aws_shape]` implements it for structures.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be on a paginator's path",
    label = "paginator paths go through structures to a token, a list of items or a flag"
)]
pub trait PathMember {
    /// What the member holds when present.
    type Value;
    /// The value, if present.
    fn value(&self) -> Option<&Self::Value>;
    /// The value, if present, to change.
    fn value_mut(&mut self) -> Option<&mut Self::Value>;
}

impl<T> PathMember for Option<T> {
    type Value = T;
    fn value(&self) -> Option<&T> {
        self.as_ref()
    }
    fn value_mut(&mut self) -> Option<&mut T> {
        self.as_mut()
    }
}

macro_rules! present_path_member {
    ($([$($generics:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($generics)*> PathMember for $t {
            type Value = Self;
            fn value(&self) -> Option<&Self> {
                Some(self)
            }
            fn value_mut(&mut self) -> Option<&mut Self> {
                Some(self)
            }
        }
    )*};
}

present_path_member!(
    [] String,
    [] bool,
    [] i32,
    [] i64,
    [] Document,
    [T] Vec<T>,
    [K, V, S] HashMap<K, V, S>,
);

/// The element type of a list member (what `items` names).
pub trait ListOf {
    /// One element.
    type Item;
}

impl<T> ListOf for Vec<T> {
    type Item = T;
}

/// The type of a structure's member, by the hash of its field name
/// ([`field_hash`]): how `#[aws_operation(paginator(items = "..."))]`
/// names the items' type of an output declared elsewhere. `#[aws_shape]`
/// implements it for each member that is not a scalar.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no list or structure member that the paginator's `items` names",
    label = "`items` names a member of the output (by its wire name, e.g. \"items\" or \"Result.Items\")"
)]
pub trait MemberType<const FIELD: u64> {
    /// The member's declared type.
    type Type;
}

/// The hash `MemberType` is keyed by: FNV-1a (64 bits) of a field name.
/// The macros compute the same, at compile time.
///
/// ```
/// assert_ne!(awsop_runtime::pagination::field_hash("items"), awsop_runtime::pagination::field_hash("next_token"));
/// ```
pub const fn field_hash(name: &str) -> u64 {
    let bytes = name.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// What generated `limit_items` calls: cuts `items` (if present) to
/// `max` and says how many are left.
///
/// ```
/// let mut items = vec![1, 2, 3];
/// assert_eq!(awsop_runtime::pagination::limit(Some(&mut items), 2), 2);
/// assert_eq!(items, [1, 2]);
/// assert_eq!(awsop_runtime::pagination::limit::<i32>(None, 2), 0);
/// ```
pub fn limit<T>(items: Option<&mut Vec<T>>, max: usize) -> usize {
    match items {
        Some(items) => {
            items.truncate(max);
            items.len()
        }
        None => 0,
    }
}

/// Setting a request's page-size member (`page_size = "..."`).
pub trait PageSize {
    /// Sets it to `size`.
    fn set_page_size(&mut self, size: i32);
}

impl PageSize for Option<i32> {
    fn set_page_size(&mut self, size: i32) {
        *self = Some(size);
    }
}

impl PageSize for i32 {
    fn set_page_size(&mut self, size: i32) {
        *self = size;
    }
}

impl PageSize for Option<i64> {
    fn set_page_size(&mut self, size: i32) {
        *self = Some(i64::from(size));
    }
}

impl PageSize for i64 {
    fn set_page_size(&mut self, size: i32) {
        *self = i64::from(size);
    }
}

// Route 53, CloudFront and API Gateway v2 model their page sizes as
// strings (`MaxItems=100` in the query either way).
impl PageSize for Option<String> {
    fn set_page_size(&mut self, size: i32) {
        *self = Some(size.to_string());
    }
}

impl PageSize for String {
    fn set_page_size(&mut self, size: i32) {
        *self = size.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::PageSize;

    #[test]
    fn page_sizes_of_every_modeled_type() {
        let (mut a, mut b, mut c, mut d) = (None::<i32>, 0i64, None::<String>, String::new());
        a.set_page_size(25);
        b.set_page_size(25);
        c.set_page_size(100);
        d.set_page_size(7);
        assert_eq!(
            (a, b, c.as_deref(), d.as_str()),
            (Some(25), 25, Some("100"), "7")
        );
    }
}
