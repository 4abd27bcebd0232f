//! The client's `tracing` spans: one for the operation and one per attempt,
//! carrying service, operation, attempt number, status, request id and the
//! reason for a retry.

#[path = "support/capture.rs"]
mod capture;

use std::time::Duration;

use awsop::datazone::{CreateUserProfile, UserType};
use awsop::runtime::retry::RetryConfig;
use awsop::Client;
use awsop_emulator::{Emulator, Fault};

#[tokio::test]
async fn spans_describe_the_operation_and_each_attempt() {
    let logs = capture::logs();
    let emulator = Emulator::start().await;
    emulator.faults().push_back(Fault::Status503);
    let client = Client::builder()
        .region("us-east-1")
        .credentials(emulator.credentials())
        .endpoint_url(emulator.endpoint_url())
        .retry_config(RetryConfig {
            initial_backoff: Duration::from_millis(1),
            ..RetryConfig::default()
        })
        .build()
        .unwrap();
    CreateUserProfile {
        domain_identifier: "dzd_observed".into(),
        user_identifier: "arn:aws:iam::123456789012:role/Observed".into(),
        user_type: Some(UserType::IamRole),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    let text = logs.lock().unwrap().clone();
    let expect = [
        "span DEBUG awsop_runtime::orchestrator operation: service=datazone operation=CreateUserProfile",
        "span DEBUG awsop_runtime::orchestrator attempt: attempt=1",
        "record: status=503",
        "record: retry_reason=Transient",
        "span DEBUG awsop_runtime::orchestrator attempt: attempt=2",
        "record: status=201",
        "record: request_id=",
        "record: attempts=2",
    ];
    for line in expect {
        assert!(text.contains(line), "no `{line}` in:\n{text}");
    }
}
