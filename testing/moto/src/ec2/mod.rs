//! Amazon EC2 (ec2Query): `CreateVpc`, and `DescribeVpcs` and
//! `DescribeVpcEndpointServices` with their paginators, declared from botocore 1.44.8's `ec2/2016-11-15/service-2.json`
//! and `paginators-1.json`: request keys from `queryName`, response
//! elements from `locationName`. EC2's model declares no errors: every
//! error is `Unhandled`, with its code (`InvalidVpcID.NotFound`) in the
//! error's metadata.
//!
//! ```no_run
//! use awsop_moto::ec2::DescribeVpcs;
//! # async fn demo(client: &awsop::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let vpcs = DescribeVpcs::default().paginate(client).page_size(5).collect_items().await?;
//! # let _ = vpcs; Ok(()) }
//! ```

use awsop::{aws_operation, aws_shape};

mod create_vpc;
mod endpoint_service;
mod vpc;

pub use create_vpc::*;
pub use endpoint_service::*;
pub use vpc::*;

/// `CreateVpc`: Creates a VPC with the specified CIDR blocks.
#[aws_operation(
    service = "ec2",
    service_id = "EC2",
    protocol = "ec2Query",
    api_version = "2016-11-15",
    method = "POST",
    uri = "/",
    output = CreateVpcResult,
    rename_all = "PascalCase",
)]
#[derive(Debug, Clone, Default)]
pub struct CreateVpc {
    /// The IPv4 network range for the VPC, in CIDR notation.
    pub cidr_block: Option<String>,
    /// The ID of an IPv6 address pool from which to allocate the IPv6 CIDR block.
    pub ipv6_pool: Option<String>,
    /// The IPv6 CIDR block from the IPv6 address pool.
    pub ipv6_cidr_block: Option<String>,
    /// The ID of an IPv4 IPAM pool you want to use for allocating this VPC's CIDR.
    pub ipv4_ipam_pool_id: Option<String>,
    /// The netmask length of the IPv4 CIDR you want to allocate to this VPC from an Amazon VPC IP Address Manager (IPAM) pool.
    pub ipv4_netmask_length: Option<i32>,
    /// The ID of an IPv6 IPAM pool which will be used to allocate this VPC an IPv6 CIDR.
    pub ipv6_ipam_pool_id: Option<String>,
    /// The netmask length of the IPv6 CIDR you want to allocate to this VPC from an Amazon VPC IP Address Manager (IPAM) pool.
    pub ipv6_netmask_length: Option<i32>,
    /// The name of the location from which we advertise the IPV6 CIDR block.
    pub ipv6_cidr_block_network_border_group: Option<String>,
    /// Specifies the encryption control configuration to apply to the VPC during creation.
    pub vpc_encryption_control: Option<VpcEncryptionControlConfiguration>,
    /// The tags to assign to the VPC.
    #[aws(rename = "TagSpecification", xml_item = "item")]
    pub tag_specifications: Option<Vec<TagSpecification>>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[aws(rename = "dryRun")]
    pub dry_run: Option<bool>,
    /// The tenancy options for instances launched into the VPC.
    #[aws(rename = "instanceTenancy")]
    pub instance_tenancy: Option<Tenancy>,
    /// Requests an Amazon-provided IPv6 CIDR block with a /56 prefix length for the VPC.
    #[aws(rename = "amazonProvidedIpv6CidrBlock")]
    pub amazon_provided_ipv6_cidr_block: Option<bool>,
}

/// `DescribeVpcs`: Describes your VPCs.
#[aws_operation(
    service = "ec2",
    service_id = "EC2",
    protocol = "ec2Query",
    api_version = "2016-11-15",
    method = "POST",
    uri = "/",
    output = DescribeVpcsResult,
    rename_all = "PascalCase",
    paginator(input_token = "NextToken", output_token = "NextToken", items = "Vpcs", page_size = "MaxResults"),
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeVpcs {
    /// The filters.
    #[aws(rename = "Filter", xml_item = "Filter")]
    pub filters: Option<Vec<Filter>>,
    /// The IDs of the VPCs.
    #[aws(rename = "VpcId", xml_item = "VpcId")]
    pub vpc_ids: Option<Vec<String>>,
    /// The token returned from a previous paginated request.
    pub next_token: Option<String>,
    /// The maximum number of items to return for this request.
    pub max_results: Option<i32>,
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    #[aws(rename = "dryRun")]
    pub dry_run: Option<bool>,
}

/// `DescribeVpcEndpointServices`: Describes available services to which you can create a VPC endpoint.
#[aws_operation(
    service = "ec2",
    service_id = "EC2",
    protocol = "ec2Query",
    api_version = "2016-11-15",
    method = "POST",
    uri = "/",
    output = DescribeVpcEndpointServicesResult,
    rename_all = "PascalCase",
    paginator(input_token = "NextToken", output_token = "NextToken", items = "ServiceDetails", page_size = "MaxResults"),
)]
#[derive(Debug, Clone, Default)]
pub struct DescribeVpcEndpointServices {
    /// Checks whether you have the required permissions for the action, without actually making the request, and provides an error response.
    pub dry_run: Option<bool>,
    /// The service names.
    #[aws(rename = "ServiceName", xml_item = "item")]
    pub service_names: Option<Vec<String>>,
    /// The filters.
    #[aws(rename = "Filter", xml_item = "Filter")]
    pub filters: Option<Vec<Filter>>,
    /// The maximum number of items to return for this request.
    pub max_results: Option<i32>,
    /// The token for the next set of items to return.
    pub next_token: Option<String>,
    /// The service Regions.
    #[aws(rename = "ServiceRegion", xml_item = "item")]
    pub service_regions: Option<Vec<String>>,
}
