//! `Vpc` and the shapes inside it, and `DescribeVpcs`' filters.

use super::*;

/// The `CreateVpcResult` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateVpcResult {
    /// Information about the VPC.
    #[aws(rename = "vpc")]
    pub vpc: Option<Vpc>,
}

/// Describes a VPC.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vpc {
    /// The ID of the Amazon Web Services account that owns the VPC.
    #[aws(rename = "ownerId")]
    pub owner_id: Option<String>,
    /// The allowed tenancy of instances launched into the VPC.
    #[aws(rename = "instanceTenancy")]
    pub instance_tenancy: Option<Tenancy>,
    /// Information about the IPv6 CIDR blocks associated with the VPC.
    #[aws(rename = "ipv6CidrBlockAssociationSet", xml_item = "item")]
    pub ipv6_cidr_block_association_set: Option<Vec<VpcIpv6CidrBlockAssociation>>,
    /// Information about the IPv4 CIDR blocks associated with the VPC.
    #[aws(rename = "cidrBlockAssociationSet", xml_item = "item")]
    pub cidr_block_association_set: Option<Vec<VpcCidrBlockAssociation>>,
    /// Indicates whether the VPC is the default VPC.
    #[aws(rename = "isDefault")]
    pub is_default: Option<bool>,
    /// Describes the configuration and state of VPC encryption controls.
    #[aws(rename = "encryptionControl")]
    pub encryption_control: Option<VpcEncryptionControl>,
    /// Any tags assigned to the VPC.
    #[aws(rename = "tagSet", xml_item = "item")]
    pub tags: Option<Vec<Tag>>,
    /// The state of VPC Block Public Access (BPA).
    #[aws(rename = "blockPublicAccessStates")]
    pub block_public_access_states: Option<BlockPublicAccessStates>,
    /// Information about the firewall associations for the VPC.
    #[aws(rename = "networkFirewallAssociationSet", xml_item = "item")]
    pub network_firewall_associations: Option<Vec<NetworkFirewallAssociation>>,
    /// The ID of the VPC.
    #[aws(rename = "vpcId")]
    pub vpc_id: Option<String>,
    /// The current state of the VPC.
    #[aws(rename = "state")]
    pub state: Option<VpcState>,
    /// The primary IPv4 CIDR block for the VPC.
    #[aws(rename = "cidrBlock")]
    pub cidr_block: Option<String>,
    /// The ID of the set of DHCP options you've associated with the VPC.
    #[aws(rename = "dhcpOptionsId")]
    pub dhcp_options_id: Option<String>,
}

/// Describes an IPv6 CIDR block associated with a VPC.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcIpv6CidrBlockAssociation {
    /// The association ID for the IPv6 CIDR block.
    #[aws(rename = "associationId")]
    pub association_id: Option<String>,
    /// The IPv6 CIDR block.
    #[aws(rename = "ipv6CidrBlock")]
    pub ipv6_cidr_block: Option<String>,
    /// Information about the state of the CIDR block.
    #[aws(rename = "ipv6CidrBlockState")]
    pub ipv6_cidr_block_state: Option<VpcCidrBlockState>,
    /// The name of the unique set of Availability Zones, Local Zones, or Wavelength Zones from which Amazon Web Services advertises IP addresses, for example, us-east-1-wl1-bos-wlz-1 .
    #[aws(rename = "networkBorderGroup")]
    pub network_border_group: Option<String>,
    /// The ID of the IPv6 address pool from which the IPv6 CIDR block is allocated.
    #[aws(rename = "ipv6Pool")]
    pub ipv6_pool: Option<String>,
    /// Public IPv6 addresses are those advertised on the internet from Amazon Web Services.
    #[aws(rename = "ipv6AddressAttribute")]
    pub ipv6_address_attribute: Option<Ipv6AddressAttribute>,
    /// The source that allocated the IP address space.
    #[aws(rename = "ipSource")]
    pub ip_source: Option<IpSource>,
}

/// Describes the state of a CIDR block.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcCidrBlockState {
    /// The state of the CIDR block.
    #[aws(rename = "state")]
    pub state: Option<VpcCidrBlockStateCode>,
    /// A message about the status of the CIDR block, if applicable.
    #[aws(rename = "statusMessage")]
    pub status_message: Option<String>,
}

/// The `VpcCidrBlockStateCode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcCidrBlockStateCode {
    /// `associating`
    #[aws(rename = "associating")]
    Associating,
    /// `associated`
    #[aws(rename = "associated")]
    Associated,
    /// `disassociating`
    #[aws(rename = "disassociating")]
    Disassociating,
    /// `disassociated`
    #[aws(rename = "disassociated")]
    Disassociated,
    /// `failing`
    #[aws(rename = "failing")]
    Failing,
    /// `failed`
    #[aws(rename = "failed")]
    Failed,
}

/// The `Ipv6AddressAttribute` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ipv6AddressAttribute {
    /// `public`
    #[aws(rename = "public")]
    Public,
    /// `private`
    #[aws(rename = "private")]
    Private,
}

/// The `IpSource` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IpSource {
    /// `amazon`
    #[aws(rename = "amazon")]
    Amazon,
    /// `byoip`
    #[aws(rename = "byoip")]
    Byoip,
    /// `none`
    #[aws(rename = "none")]
    None,
}

/// Describes an IPv4 CIDR block associated with a VPC.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcCidrBlockAssociation {
    /// The association ID for the IPv4 CIDR block.
    #[aws(rename = "associationId")]
    pub association_id: Option<String>,
    /// The IPv4 CIDR block.
    #[aws(rename = "cidrBlock")]
    pub cidr_block: Option<String>,
    /// Information about the state of the CIDR block.
    #[aws(rename = "cidrBlockState")]
    pub cidr_block_state: Option<VpcCidrBlockState>,
}

/// Describes the configuration and state of VPC encryption controls.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcEncryptionControl {
    /// The ID of the VPC associated with the encryption control configuration.
    #[aws(rename = "vpcId")]
    pub vpc_id: Option<String>,
    /// The ID of the VPC Encryption Control configuration.
    #[aws(rename = "vpcEncryptionControlId")]
    pub vpc_encryption_control_id: Option<String>,
    /// The encryption mode for the VPC Encryption Control configuration.
    #[aws(rename = "mode")]
    pub mode: Option<VpcEncryptionControlMode>,
    /// The current state of the VPC Encryption Control configuration.
    #[aws(rename = "state")]
    pub state: Option<VpcEncryptionControlState>,
    /// A message providing additional information about the encryption control state.
    #[aws(rename = "stateMessage")]
    pub state_message: Option<String>,
    /// Information about resource exclusions for the VPC Encryption Control configuration.
    #[aws(rename = "resourceExclusions")]
    pub resource_exclusions: Option<VpcEncryptionControlExclusions>,
    /// The tags assigned to the VPC Encryption Control configuration.
    #[aws(rename = "tagSet", xml_item = "item")]
    pub tags: Option<Vec<Tag>>,
}

/// The `VpcEncryptionControlState` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcEncryptionControlState {
    /// `enforce-in-progress`
    #[aws(rename = "enforce-in-progress")]
    EnforceInProgress,
    /// `monitor-in-progress`
    #[aws(rename = "monitor-in-progress")]
    MonitorInProgress,
    /// `enforce-failed`
    #[aws(rename = "enforce-failed")]
    EnforceFailed,
    /// `monitor-failed`
    #[aws(rename = "monitor-failed")]
    MonitorFailed,
    /// `deleting`
    #[aws(rename = "deleting")]
    Deleting,
    /// `deleted`
    #[aws(rename = "deleted")]
    Deleted,
    /// `available`
    #[aws(rename = "available")]
    Available,
    /// `creating`
    #[aws(rename = "creating")]
    Creating,
    /// `delete-failed`
    #[aws(rename = "delete-failed")]
    DeleteFailed,
}

/// Describes the exclusion configurations for various resource types in VPC Encryption Control.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcEncryptionControlExclusions {
    /// The exclusion configuration for internet gateway traffic.
    #[aws(rename = "internetGateway")]
    pub internet_gateway: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for egress-only internet gateway traffic.
    #[aws(rename = "egressOnlyInternetGateway")]
    pub egress_only_internet_gateway: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for NAT gateway traffic.
    #[aws(rename = "natGateway")]
    pub nat_gateway: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for virtual private gateway traffic.
    #[aws(rename = "virtualPrivateGateway")]
    pub virtual_private_gateway: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for VPC peering connection traffic.
    #[aws(rename = "vpcPeering")]
    pub vpc_peering: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for Lambda function traffic.
    #[aws(rename = "lambda")]
    pub lambda: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for VPC Lattice traffic.
    #[aws(rename = "vpcLattice")]
    pub vpc_lattice: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for Elastic File System traffic.
    #[aws(rename = "elasticFileSystem")]
    pub elastic_file_system: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for Amazon Web Services Global Accelerator traffic.
    #[aws(rename = "globalAccelerator")]
    pub global_accelerator: Option<VpcEncryptionControlExclusion>,
    /// The exclusion configuration for Amazon API Gateway V2 traffic.
    #[aws(rename = "apiGatewayV2")]
    pub api_gateway_v2: Option<VpcEncryptionControlExclusion>,
}

/// Describes an exclusion configuration for VPC Encryption Control.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcEncryptionControlExclusion {
    /// The current state of the exclusion configuration.
    #[aws(rename = "state")]
    pub state: Option<VpcEncryptionControlExclusionState>,
    /// A message providing additional information about the exclusion state.
    #[aws(rename = "stateMessage")]
    pub state_message: Option<String>,
}

/// The `VpcEncryptionControlExclusionState` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcEncryptionControlExclusionState {
    /// `enabling`
    #[aws(rename = "enabling")]
    Enabling,
    /// `enabled`
    #[aws(rename = "enabled")]
    Enabled,
    /// `disabling`
    #[aws(rename = "disabling")]
    Disabling,
    /// `disabled`
    #[aws(rename = "disabled")]
    Disabled,
}

/// The state of VPC Block Public Access (BPA).
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockPublicAccessStates {
    /// The mode of VPC BPA.
    #[aws(rename = "internetGatewayBlockMode")]
    pub internet_gateway_block_mode: Option<BlockPublicAccessMode>,
}

/// The `BlockPublicAccessMode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BlockPublicAccessMode {
    /// `off`
    #[aws(rename = "off")]
    Off,
    /// `block-bidirectional`
    #[aws(rename = "block-bidirectional")]
    BlockBidirectional,
    /// `block-ingress`
    #[aws(rename = "block-ingress")]
    BlockIngress,
}

/// Describes an Automated Internet Firewall that inspects traffic between a VPC and its internet gateway or egress-only internet gateway.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkFirewallAssociation {
    /// The Amazon Resource Name (ARN) of the firewall.
    #[aws(rename = "firewallArn")]
    pub firewall_arn: Option<String>,
    /// The status of the firewall for the VPC.
    #[aws(rename = "firewallOnboardingStatus")]
    pub firewall_onboarding_status: Option<FirewallOnboardingStatus>,
    /// The mode of the firewall.
    #[aws(rename = "firewallMode")]
    pub firewall_mode: Option<FirewallMode>,
}

/// The `FirewallOnboardingStatus` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FirewallOnboardingStatus {
    /// `pending`
    #[aws(rename = "pending")]
    Pending,
    /// `active`
    #[aws(rename = "active")]
    Active,
    /// `disabling`
    #[aws(rename = "disabling")]
    Disabling,
}

/// The `FirewallMode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FirewallMode {
    /// `monitor`
    #[aws(rename = "monitor")]
    Monitor,
    /// `enforce`
    #[aws(rename = "enforce")]
    Enforce,
}

/// The `VpcState` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcState {
    /// `pending`
    #[aws(rename = "pending")]
    Pending,
    /// `available`
    #[aws(rename = "available")]
    Available,
    /// `deleting`
    #[aws(rename = "deleting")]
    Deleting,
}

/// A filter name and value pair that is used to return a more specific list of results from a describe operation.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// The name of the filter.
    pub name: Option<String>,
    /// The filter values.
    #[aws(rename = "Value", xml_item = "item")]
    pub values: Option<Vec<String>>,
}

/// The `DescribeVpcsResult` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DescribeVpcsResult {
    /// The token to include in another request to get the next page of items.
    #[aws(rename = "nextToken")]
    pub next_token: Option<String>,
    /// Information about the VPCs.
    #[aws(rename = "vpcSet", xml_item = "item")]
    pub vpcs: Option<Vec<Vpc>>,
}
