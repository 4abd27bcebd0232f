//! CloudWatch (rpcv2Cbor) through the real `awsop::Client`, end to end.
//! moto has no CBOR, so the service is a loopback server here: it checks
//! the rpcv2Cbor request line and headers, verifies the SigV4 signature
//! with the runtime's `sigv4::verify` (as the emulator does), decodes the
//! CBOR body with ciborium (a codec that is not awsop's) and answers in
//! CBOR, modeled errors by `__type` (and the query-compatible
//! `x-amzn-query-error`). It needs no moto and always runs.

// A crate root looks for modules beside it: say where this one is.
#[path = "cloudwatch/server.rs"]
mod server;

use awsop::{Credentials, DateTime, ErrorKind};
use awsop_moto::cloudwatch::*;
use server::{start, KEY_ID, SECRET};

fn client(endpoint: &str, secret: &str) -> awsop::Client {
    awsop::ClientBuilder::new()
        .region("us-east-1")
        .endpoint_url(endpoint)
        .credentials(Credentials::new(KEY_ID, secret, None, None, "test"))
        .max_attempts(1)
        .build()
        .unwrap()
}

fn datum(name: &str, host: &str, secs: f64, value: f64) -> MetricDatum {
    MetricDatum {
        metric_name: name.into(),
        dimensions: Some(vec![Dimension {
            name: "Host".into(),
            value: host.into(),
        }]),
        timestamp: Some(DateTime::from_secs_f64(secs)),
        value: Some(value),
        unit: Some(StandardUnit::Milliseconds),
        ..Default::default()
    }
}

const T0: f64 = 1_700_000_040.0;

#[tokio::test]
async fn metrics_are_put_listed_page_by_page_and_summed() {
    let (endpoint, state) = start().await;
    let client = client(&endpoint, SECRET);
    PutMetricData {
        namespace: "awsop/e2e".into(),
        metric_data: Some(vec![
            datum("latency", "a", T0 + 0.25, 1.5),
            datum("latency", "a", T0 + 10.0, 2.0),
            datum("latency", "b", T0 + 20.0, 1e-7),
            datum("errors", "a", T0 + 30.0, 3.0),
            datum("latency", "c", T0 + 65.0, -0.0),
        ]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("PutMetricData");
    {
        let state = state.lock().unwrap();
        // What the server decoded: names, dimensions, tag-1 timestamps
        // (to the quarter second) and doubles, exactly.
        assert_eq!(state.data.len(), 5);
        assert_eq!(state.data[0].timestamp, T0 + 0.25);
        assert_eq!(state.data[0].value, 1.5);
        assert_eq!(state.data[2].value, 1e-7);
        assert!(state.data[4].value == 0.0 && state.data[4].value.is_sign_negative());
        assert_eq!(state.data[0].dimensions, [("Host".into(), "a".into())]);
        assert_eq!(state.data[3].name, "errors");
        assert_eq!(state.data[0].unit.as_deref(), Some("Milliseconds"));
    }

    // Four metrics (name + dimensions), two a page: 2 + 2.
    let listing = ListMetrics {
        namespace: Some("awsop/e2e".into()),
        ..Default::default()
    };
    let mut pages = listing.clone().paginate(&client);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(page.expect("a page").metrics.unwrap_or_default().len());
    }
    assert_eq!(sizes, [2, 2]);
    let metrics = listing.paginate(&client).collect_items().await.unwrap();
    let names: Vec<(String, String)> = metrics
        .iter()
        .map(|m| {
            (
                m.metric_name.clone().unwrap_or_default(),
                m.dimensions.clone().unwrap_or_default()[0].value.clone(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("errors".to_string(), "a".to_string()),
            ("latency".into(), "a".into()),
            ("latency".into(), "b".into()),
            ("latency".into(), "c".into()),
        ]
    );

    let stats = GetMetricStatistics {
        namespace: "awsop/e2e".into(),
        metric_name: "latency".into(),
        start_time: Some(DateTime::from_secs_f64(T0)),
        end_time: Some(DateTime::from_secs_f64(T0 + 120.0)),
        period: 60,
        statistics: Some(vec![
            Statistic::Sum,
            Statistic::SampleCount,
            Statistic::Maximum,
        ]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("GetMetricStatistics");
    assert_eq!(stats.label.as_deref(), Some("latency"));
    let points = stats.datapoints.unwrap_or_default();
    assert_eq!(points.len(), 2, "{points:?}");
    // The server's floats come in their shortest lossless width (ciborium):
    // 2.0 and 3.0 as halves, 3.5000001 as a double; the timestamp a tag-1
    // double.
    assert_eq!(points[0].sum, Some(1.5 + 2.0 + 1e-7));
    assert_eq!(points[0].sample_count, Some(3.0));
    assert_eq!(points[0].maximum, Some(2.0));
    assert_eq!(points[0].unit, Some(StandardUnit::Milliseconds));
    let first = points[0].timestamp.as_ref().expect("a timestamp");
    assert_eq!(first.as_secs_f64(), T0 + 0.5);
    assert_eq!(points[1].sum, Some(0.0));
    assert_eq!(points[1].sample_count, Some(1.0));
    assert_eq!(
        points[1].timestamp.as_ref().map(DateTime::as_secs_f64),
        Some(T0 + 60.5)
    );

    let calls = state.lock().unwrap().calls.clone();
    assert_eq!(
        calls,
        [
            "PutMetricData",
            "ListMetrics",
            "ListMetrics",
            "ListMetrics",
            "ListMetrics",
            "GetMetricStatistics"
        ]
    );
}

#[tokio::test]
async fn a_modeled_error_by_its_type_and_its_legacy_code() {
    let (endpoint, _) = start().await;
    let client = client(&endpoint, SECRET);

    // __type and x-amzn-query-error: the legacy code is the code.
    let err = GetDashboard {
        dashboard_name: "missing".into(),
    }
    .send(&client)
    .await
    .expect_err("no dashboard");
    println!("GetDashboard, missing: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some("ResourceNotFound"));
    assert_eq!(err.message(), Some("Dashboard missing does not exist"));
    assert_eq!(err.request_id(), Some("cbor-1"));
    match err.service_error() {
        Some(GetDashboardError::DashboardNotFoundError(e)) => {
            assert_eq!(
                e.message.as_deref(),
                Some("Dashboard missing does not exist")
            )
        }
        other => panic!("not the typed error: {other:?}"),
    }

    // __type alone: the shape's name, namespace cut off, is the code.
    let err = GetDashboard {
        dashboard_name: "type-only".into(),
    }
    .send(&client)
    .await
    .expect_err("no dashboard");
    assert_eq!(err.code(), Some("DashboardNotFoundError"));
    assert!(
        matches!(
            err.service_error(),
            Some(GetDashboardError::DashboardNotFoundError(_))
        ),
        "{err}"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused_by_the_server() {
    let (endpoint, state) = start().await;
    let err = GetDashboard {
        dashboard_name: "any".into(),
    }
    .send(&client(&endpoint, "not-the-secret"))
    .await
    .expect_err("a wrong signature");
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.code(), Some("InvalidSignatureException"));
    assert!(
        err.message()
            .is_some_and(|m| m.contains("signature mismatch")),
        "{err}"
    );
    assert!(
        state.lock().unwrap().calls.is_empty(),
        "refused before the operation"
    );
}
