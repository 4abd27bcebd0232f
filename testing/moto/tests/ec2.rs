//! EC2 (ec2Query) through the real `awsop::Client`, against moto with
//! SigV4 checking on: VPCs created with tags (`TagSpecification.N.Tag.N`),
//! found again by a tag filter (`Filter.N.Value.N`) and walked with the
//! paginator, endpoint services walked over many pages, and an unknown
//! VPC's error with its EC2 code.

use awsop::runtime::operation::Unmodeled;
use awsop::ErrorKind;
use awsop_moto::ec2::*;
use awsop_moto::{require_moto, shared_with_sigv4_auth, ACCOUNT_ID};

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: Some(key.into()),
        value: Some(value.into()),
    }
}

#[tokio::test]
async fn vpcs_are_created_and_found_by_a_filter() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let mut created = Vec::new();
    for i in 0..3 {
        let vpc = CreateVpc {
            cidr_block: Some(format!("10.{i}.0.0/16")),
            tag_specifications: Some(vec![TagSpecification {
                resource_type: Some(ResourceType::Vpc),
                tags: Some(vec![
                    tag("Name", &format!("awsop-vpc-{i}")),
                    tag("team", "awsop"),
                ]),
            }]),
            ..Default::default()
        }
        .send(&client)
        .await
        .expect("CreateVpc")
        .vpc
        .expect("the VPC");
        assert_eq!(
            vpc.cidr_block.as_deref(),
            Some(format!("10.{i}.0.0/16").as_str())
        );
        assert_eq!(vpc.owner_id.as_deref(), Some(ACCOUNT_ID));
        assert_eq!(vpc.is_default, Some(false));
        assert_eq!(vpc.instance_tenancy, Some(Tenancy::Default));
        let tags = vpc.tags.unwrap_or_default();
        assert!(tags.contains(&tag("team", "awsop")), "{tags:?}");
        created.push(vpc.vpc_id.expect("a VPC id"));
    }
    // Another VPC, not tagged: the filter leaves it (and moto's default VPC) out.
    CreateVpc {
        cidr_block: Some("10.99.0.0/16".into()),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("CreateVpc, untagged");

    let filtered = DescribeVpcs {
        filters: Some(vec![
            Filter {
                name: Some("tag:team".into()),
                values: Some(vec!["awsop".into()]),
            },
            Filter {
                name: Some("cidr-block-association.cidr-block".into()),
                values: Some(vec!["10.0.0.0/16".into(), "10.2.0.0/16".into()]),
            },
        ]),
        ..Default::default()
    };
    // moto answers DescribeVpcs in one page (it reads no MaxResults and
    // sends no nextToken): the walk is that page.
    let mut pages = filtered.clone().paginate(&client).page_size(5);
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a DescribeVpcs page");
        assert_eq!(page.next_token, None);
        sizes.push(page.vpcs.map_or(0, |v| v.len()));
    }
    assert_eq!(sizes, [2]);
    let mut found: Vec<String> = filtered
        .paginate(&client)
        .collect_items()
        .await
        .expect("the filtered VPCs")
        .into_iter()
        .filter_map(|v| v.vpc_id)
        .collect();
    found.sort();
    let mut expected = vec![created[0].clone(), created[2].clone()];
    expected.sort();
    assert_eq!(found, expected);

    // By id (`VpcId.N`): every one of them.
    let by_id = DescribeVpcs {
        vpc_ids: Some(created.clone()),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect("DescribeVpcs by id")
    .vpcs
    .unwrap_or_default();
    assert_eq!(by_id.len(), 3);
    assert!(by_id.iter().all(|v| v.state == Some(VpcState::Available)));
}

#[tokio::test]
async fn endpoint_services_are_walked_page_by_page() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let all = DescribeVpcEndpointServices::default()
        .send(&client)
        .await
        .expect("DescribeVpcEndpointServices")
        .service_details
        .unwrap_or_default();
    assert!(
        all.len() > 20,
        "moto lists an endpoint service per service it has"
    );

    let mut pages = DescribeVpcEndpointServices::default()
        .paginate(&client)
        .page_size(50);
    let mut sizes = Vec::new();
    let mut names = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a page");
        let details = page.service_details.unwrap_or_default();
        sizes.push(details.len());
        names.extend(details.into_iter().filter_map(|d| d.service_name));
    }
    println!("DescribeVpcEndpointServices pages: {sizes:?}");
    assert!(sizes.len() > 2, "{sizes:?}");
    assert!(
        sizes[..sizes.len() - 1].iter().all(|&n| n == 50),
        "{sizes:?}"
    );
    let expected: Vec<String> = all.into_iter().filter_map(|d| d.service_name).collect();
    assert_eq!(names, expected, "every service once, in order");
}

#[tokio::test]
async fn an_unknown_vpc_has_its_ec2_error_code() {
    require_moto!();
    let client = shared_with_sigv4_auth().client().unwrap();
    let err = DescribeVpcs {
        vpc_ids: Some(vec!["vpc-0123456789abcdef0".into()]),
        ..Default::default()
    }
    .send(&client)
    .await
    .expect_err("no such VPC");
    println!("DescribeVpcs, unknown VPC: {err}");
    assert_eq!(err.kind(), ErrorKind::Service);
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("InvalidVpcID.NotFound"));
    assert!(
        err.message()
            .is_some_and(|m| m.contains("vpc-0123456789abcdef0")),
        "{err}"
    );
    // ec2Query's <Response><Errors><Error>...</Errors><RequestID>
    assert!(err.request_id().is_some_and(|id| !id.is_empty()));
    // EC2's model declares no errors: the code is the error's whole type.
    assert_eq!(err.service_error(), Some(&Unmodeled::Unhandled));
}
