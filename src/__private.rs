//! What `#[aws_operation]` and `#[aws_shape]` expand into. Not a public API:
//! generated code names only paths under here (and `core`/`std`), so users
//! depend on `awsop` alone; nothing here is covered by semver.
pub use awsop_runtime::*;

/// The runtime's pagination, with the same one step as
/// [`orchestrator::invoke`] before a paginator's first page.
pub mod pagination {
    pub use awsop_runtime::pagination::*;
    use awsop_runtime::Client;

    /// [`awsop_runtime::pagination::paginate`], after installing the
    /// sources.
    pub fn paginate<O: Paginated>(client: &Client, request: O) -> Paginator<'_, O> {
        crate::credentials::install();
        awsop_runtime::pagination::paginate(client, request)
    }
}

/// The runtime's orchestrator, with one step before every call: the
/// facade's credentials sources are installed (see
/// [`crate::credentials::install`]). This is the one place facade code runs
/// before the runtime resolves a client's credentials, so that
/// `Client::from_env()` assumes roles and uses IAM Identity Center with
/// nothing more to call. (A local item shadows the glob import above.)
pub mod orchestrator {
    use awsop_runtime::operation::Operation;
    use awsop_runtime::{Client, Error};

    /// [`awsop_runtime::orchestrator::invoke`], after installing the sources.
    pub async fn invoke<O: Operation>(
        client: &Client,
        operation: O,
    ) -> Result<O::Output, Error<O::Error>> {
        crate::credentials::install();
        awsop_runtime::orchestrator::invoke(client, operation).await
    }

    /// [`awsop_runtime::orchestrator::invoke_with`], after installing the sources.
    pub async fn invoke_with<O: Operation>(
        client: &Client,
        operation: O,
        options: &awsop_runtime::call_options::CallOptions,
    ) -> Result<O::Output, Error<O::Error>> {
        crate::credentials::install();
        awsop_runtime::orchestrator::invoke_with(client, operation, options).await
    }

    pub use awsop_runtime::orchestrator::compile_here;

    /// [`awsop_runtime::presign::presign`], after installing the sources.
    pub async fn presign<O: Operation>(
        client: &Client,
        operation: O,
        expires_in: std::time::Duration,
    ) -> Result<awsop_runtime::presign::PresignedRequest, Error<O::Error>> {
        crate::credentials::install();
        awsop_runtime::presign::presign(client, operation, expires_in).await
    }
}
