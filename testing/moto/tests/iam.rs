//! IAM (awsQuery) through the real `awsop::Client`, against moto with
//! SigV4 checking on: users created (tags as `Tags.member.N`), a duplicate
//! refused with its typed error and code, `ListUsers` walked with its
//! paginator, and `ListRoles` walked page by page (`Marker` / `IsTruncated`).

use awsop::ErrorKind;
use awsop_moto::iam::*;
use awsop_moto::{require_moto, shared_with_sigv4_auth, ACCOUNT_ID};

#[tokio::test]
async fn users_are_created_and_listed_page_by_page() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    for i in 0..5 {
        let user = CreateUser {
            user_name: format!("awsop-user-{i}"),
            path: Some("/awsop/".into()),
            tags: Some(vec![Tag {
                key: "n".into(),
                value: i.to_string(),
            }]),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("CreateUser")
        .user
        .expect("the user");
        assert_eq!(
            user.arn,
            format!("arn:aws:iam::{ACCOUNT_ID}:user/awsop/awsop-user-{i}")
        );
        assert_eq!(user.path, "/awsop/");
        assert!(user.create_date.is_some());
    }

    let err = CreateUser {
        user_name: "awsop-user-0".into(),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("a duplicate user");
    println!("CreateUser, duplicate: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(409));
    assert_eq!(err.code(), Some("EntityAlreadyExists"));
    assert!(err.request_id().is_some());
    match err.service_error() {
        Some(CreateUserError::EntityAlreadyExistsException(e)) => {
            assert!(
                e.message
                    .as_deref()
                    .is_some_and(|m| m.contains("awsop-user-0")),
                "{e:?}"
            )
        }
        other => panic!("not the typed error: {other:?}"),
    }

    // moto's ListUsers ignores MaxItems and always answers IsTruncated
    // false (moto/iam/responses.py `list_users`): the paginator's walk is
    // one page, ended by the flag.
    let listing = ListUsers {
        path_prefix: Some("/awsop/".into()),
        ..Default::default()
    };
    let mut pages = listing.clone().paginate(&client).page_size(2);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a ListUsers page");
        assert_eq!(page.is_truncated, Some(false));
        sizes.push(page.users.len());
    }
    assert_eq!(sizes, [5]);
    let mut names: Vec<String> = listing
        .paginate(&client)
        .collect_items()
        .await
        .expect("every user")
        .into_iter()
        .map(|u| u.user_name)
        .collect();
    names.sort();
    let expected: Vec<String> = (0..5).map(|i| format!("awsop-user-{i}")).collect();
    assert_eq!(names, expected);
}

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

#[tokio::test]
async fn roles_are_listed_page_by_page() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    for i in 0..5 {
        CreateRole {
            role_name: format!("awsop-paged-{i}"),
            path: Some("/paged/".into()),
            assume_role_policy_document: TRUST.into(),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("CreateRole");
    }
    // moto pages ListRoles: Marker in, Marker and IsTruncated out.
    let listing = ListRoles {
        path_prefix: Some("/paged/".into()),
        ..Default::default()
    };
    let mut pages = listing.clone().paginate(&client).page_size(2);
    let mut sizes = Vec::new();
    let mut truncated = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a ListRoles page");
        sizes.push(page.roles.len());
        truncated.push(page.is_truncated.unwrap_or(false));
    }
    println!("ListRoles pages: {sizes:?}, IsTruncated {truncated:?}");
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(truncated, [true, true, false]);
    let mut names: Vec<String> = listing
        .paginate(&client)
        .page_size(2)
        .collect_items()
        .await
        .expect("every role")
        .into_iter()
        .map(|r| r.role_name)
        .collect();
    names.sort();
    let expected: Vec<String> = (0..5).map(|i| format!("awsop-paged-{i}")).collect();
    assert_eq!(names, expected);
}
