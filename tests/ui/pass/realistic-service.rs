//! A user's file declaring a small service, depending on `awsop` alone
//! (no serde, reqwest or tokio in sight).

use std::collections::HashMap;

use awsop::runtime::http::HttpResponse;
use awsop::runtime::operation::{read_error, ModeledError, Operation};
use awsop::runtime::token::FixedToken;
use awsop::{aws_operation, aws_shape, DateTime};

#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "POST",
    uri = "/v2/domains/{domainIdentifier}/user-profiles",
    status = 201,
    output = CreateUserProfileOutput,
    error = DataZoneError,
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfile {
    #[aws(label)]
    pub domain_identifier: String,
    pub user_identifier: String,
    pub user_type: Option<UserType>,
    pub session_name: Option<String>,
    #[aws(idempotency_token)]
    pub client_token: Option<String>,
}

#[aws_operation(
    service = "datazone",
    service_id = "DataZone",
    endpoint = "https://datazone.{region}.api.aws",
    method = "GET",
    uri = "/v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}",
    output = GetUserProfileOutput,
    error = DataZoneError,
)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetUserProfile {
    #[aws(label)]
    pub domain_identifier: String,
    #[aws(label)]
    pub user_identifier: String,
    #[aws(query = "type")]
    pub r#type: Option<UserProfileType>,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserType {
    IamUser,
    IamRole,
    SsoUser,
    IamRoleSession,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserProfileType {
    Iam,
    Sso,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserProfileStatus {
    Assigned,
    NotAssigned,
    Activated,
    Deactivated,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IamUserProfileDetails {
    pub arn: Option<String>,
    pub principal_id: Option<String>,
}

#[aws_shape]
#[derive(Clone, Default, PartialEq)]
pub struct SsoUserProfileDetails {
    #[aws(sensitive)]
    pub username: Option<String>,
    #[aws(sensitive)]
    pub first_name: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum UserProfileDetails {
    Iam(IamUserProfileDetails),
    Sso(SsoUserProfileDetails),
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateUserProfileOutput {
    pub domain_id: Option<String>,
    pub id: Option<String>,
    pub r#type: Option<UserProfileType>,
    pub status: Option<UserProfileStatus>,
    pub details: Option<UserProfileDetails>,
    #[aws(response_code)]
    pub http_status: Option<i32>,
    #[aws(header = "x-amzn-requestid")]
    pub request_id: Option<String>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetUserProfileOutput {
    pub id: Option<String>,
    pub status: Option<UserProfileStatus>,
    #[aws(timestamp_format = "date-time")]
    pub created_at: Option<DateTime>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccessDeniedException {
    pub message: String,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThrottlingException {
    pub message: String,
}

#[aws_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationException {
    pub message: String,
}

#[aws_shape(errors)]
#[derive(Debug, Clone, PartialEq)]
pub enum DataZoneError {
    AccessDeniedException(AccessDeniedException),
    #[aws(throttling)]
    ThrottlingException(ThrottlingException),
    ValidationException(ValidationException),
}

fn main() {
    // `send` exists with the agreed signature.
    let _send = CreateUserProfile::send;
    let _get = GetUserProfile::send;

    let mut create = CreateUserProfile {
        domain_identifier: "dzd_4p9n6sw4qt9xgn".into(),
        user_identifier: "arn:aws:iam::123456789012:role/DataScientist".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    };
    create.fill_idempotency_tokens(&FixedToken("6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f".into()));
    let request = create.serialize().unwrap();
    assert_eq!(request.uri, "/v2/domains/dzd_4p9n6sw4qt9xgn/user-profiles");
    assert_eq!(
        std::str::from_utf8(&request.body).unwrap(),
        r#"{"userIdentifier":"arn:aws:iam::123456789012:role/DataScientist","userType":"IAM_ROLE","clientToken":"6f1a3c2e-1b7d-4c55-9a0e-2f3b4c5d6e7f"}"#
    );

    let get = GetUserProfile {
        domain_identifier: "dzd_1".into(),
        user_identifier: "arn:aws:iam::1:user/a b".into(),
        r#type: Some(UserProfileType::Sso),
    };
    assert_eq!(
        get.serialize().unwrap().uri,
        "/v2/domains/dzd_1/user-profiles/arn%3Aaws%3Aiam%3A%3A1%3Auser%2Fa%20b?type=SSO"
    );

    let mut ok = HttpResponse::new(
        201,
        r#"{"domainId":"dzd_1","id":"up_1","type":"SSO","status":"SOMETHING_NEW",
            "details":{"sso":{"username":"ada","firstName":"Ada"}}}"#,
    );
    ok.headers.insert("x-amzn-requestid", "req-1".parse().unwrap());
    let out = CreateUserProfile::parse_output(&ok).unwrap();
    assert_eq!(out.status, Some(UserProfileStatus::Unknown("SOMETHING_NEW".into())));
    assert_eq!(out.http_status, Some(201));
    assert_eq!(out.request_id.as_deref(), Some("req-1"));
    assert!(!format!("{out:?}").contains("Ada"));

    let err = HttpResponse::new(429, r#"{"__type":"ThrottlingException","message":"slow down"}"#);
    let (e, _meta) = read_error::<CreateUserProfile>(&err).unwrap();
    assert!(e.is_throttling());
    assert_eq!(e.to_string(), "ThrottlingException: slow down");
    match e {
        DataZoneError::ThrottlingException(t) => assert_eq!(t.message, "slow down"),
        other => panic!("unexpected {other:?}"),
    }

    let got = GetUserProfile::parse_output(&HttpResponse::new(
        200,
        r#"{"id":"up_1","createdAt":"2024-01-02T03:04:05Z","tags":{"team":"ml"}}"#,
    ))
    .unwrap();
    assert_eq!(got.created_at.map(|t| t.secs()), Some(1_704_164_645));
}
