//! Each command: its options into the operation's input, the call, and the
//! answer as printable JSON.

use awsop::datazone::{
    CreateUserProfile, DataZoneError, GetUserProfile, SearchUserProfiles, UpdateUserProfile,
    UserProfileStatus, UserProfileSummary, UserProfileType, UserSearchType, UserType,
};
use awsop::Client;

use super::args::{Invocation, UsageError};
use super::print::{search_json, Json, ToJson};
use super::resume::ResumeToken;

/// Why a command did not produce output.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The options cannot make a request (exit 252).
    Usage(UsageError),
    /// The call failed.
    Call(awsop::Error<DataZoneError>),
}

impl From<UsageError> for Failure {
    fn from(err: UsageError) -> Self {
        Failure::Usage(err)
    }
}

impl From<awsop::Error<DataZoneError>> for Failure {
    fn from(err: awsop::Error<DataZoneError>) -> Self {
        Failure::Call(err)
    }
}

/// Runs the invoked command. Enum options take any text: a value this
/// build does not know is sent as is, and the service judges it.
pub(crate) async fn execute(run: &Invocation, client: &Client) -> Result<Json, Failure> {
    let text = |name: &str| run.get(name).map(str::to_owned);
    let domain_identifier = run.required("domain-identifier");
    Ok(match run.command.name {
        "create-user-profile" => CreateUserProfile {
            domain_identifier,
            user_identifier: run.required("user-identifier"),
            user_type: run.get("user-type").map(UserType::from),
            session_name: text("session-name"),
            client_token: text("client-token"),
        }
        .send(client)
        .await?
        .to_json(),
        "get-user-profile" => GetUserProfile {
            domain_identifier,
            user_identifier: run.required("user-identifier"),
            r#type: run.get("type").map(UserProfileType::from),
            session_name: text("session-name"),
        }
        .send(client)
        .await?
        .to_json(),
        "update-user-profile" => UpdateUserProfile {
            domain_identifier,
            user_identifier: run.required("user-identifier"),
            r#type: run.get("type").map(UserProfileType::from),
            status: UserProfileStatus::from(run.required("status").as_str()),
            session_name: text("session-name"),
        }
        .send(client)
        .await?
        .to_json(),
        _ => {
            let mut search = SearchUserProfiles::new(
                domain_identifier,
                UserSearchType::from(run.required("user-type").as_str()),
            );
            search.search_text = text("search-text");
            search_user_profiles(run, search, client).await?
        }
    })
}

/// `search-user-profiles`: one page when `--max-results`, `--next-token` or
/// `--no-paginate` is given (as the aws CLI does), else every page, merged,
/// up to `--max-items`, with a `NextToken` to resume when cut short.
async fn search_user_profiles(
    run: &Invocation,
    mut search: SearchUserProfiles,
    client: &Client,
) -> Result<Json, Failure> {
    let one_page = run.flag("no-paginate")
        || run.get("max-results").is_some()
        || run.get("next-token").is_some();
    if one_page {
        search.max_results = match run.int("max-results")? {
            Some(n) => Some(n),
            None => run.int("page-size")?,
        };
        search.next_token = run.get("next-token").map(str::to_owned);
        let page = search.send(client).await?;
        let items = page.items.unwrap_or_default();
        return Ok(search_json(
            &items,
            page.next_token.map(|t| ("nextToken", t)),
        ));
    }

    search.max_results = run.int("page-size")?;
    let start = match run.get("starting-token") {
        Some(token) => ResumeToken::decode(token)
            .map_err(|why| UsageError(format!("argument --starting-token: {why}")))?,
        None => ResumeToken::default(),
    };
    search.next_token = start.next_token.clone();
    let max_items: Option<usize> = run.int("max-items")?;

    // The cap is applied here rather than with the pager's `max_items`: the
    // printed NextToken must say where inside a page the listing was cut.
    let mut items: Vec<UserProfileSummary> = Vec::new();
    let mut skip = start.skip;
    let mut sent = start.next_token;
    let mut resume = None;
    let mut pages = search.paginate(client);
    while let Some(page) = pages.next_page().await {
        let page = page?;
        let mut page_items = page.items.unwrap_or_default();
        let skipped = skip.min(page_items.len());
        page_items.drain(..skipped);
        skip = 0;
        let room = max_items.map_or(usize::MAX, |cap| cap.saturating_sub(items.len()));
        if page_items.len() > room {
            // Cut inside the page: resuming fetches this page again and
            // skips what was printed from it.
            resume = Some(ResumeToken {
                next_token: sent,
                skip: skipped + room,
            });
            page_items.truncate(room);
            items.extend(page_items);
            break;
        }
        items.extend(page_items);
        if max_items == Some(items.len()) {
            resume = page
                .next_token
                .filter(|t| !t.is_empty())
                .map(|t| ResumeToken {
                    next_token: Some(t),
                    skip: 0,
                });
            break;
        }
        sent = page.next_token;
    }
    Ok(search_json(
        &items,
        resume.map(|r| ("NextToken", r.encode())),
    ))
}
