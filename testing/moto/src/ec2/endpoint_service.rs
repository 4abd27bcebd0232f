//! What `DescribeVpcEndpointServices` returns: the services a VPC endpoint can reach.

use super::*;

/// The `DescribeVpcEndpointServicesResult` shape.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DescribeVpcEndpointServicesResult {
    /// The supported services.
    #[aws(rename = "serviceNameSet", xml_item = "item")]
    pub service_names: Option<Vec<String>>,
    /// Information about the service.
    #[aws(rename = "serviceDetailSet", xml_item = "item")]
    pub service_details: Option<Vec<ServiceDetail>>,
    /// The token to use when requesting the next set of items.
    #[aws(rename = "nextToken")]
    pub next_token: Option<String>,
}

/// Describes a VPC endpoint service.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceDetail {
    /// The name of the service.
    #[aws(rename = "serviceName")]
    pub service_name: Option<String>,
    /// The ID of the endpoint service.
    #[aws(rename = "serviceId")]
    pub service_id: Option<String>,
    /// The type of service.
    #[aws(rename = "serviceType", xml_item = "item")]
    pub service_type: Option<Vec<ServiceTypeDetail>>,
    /// The Region where the service is hosted.
    #[aws(rename = "serviceRegion")]
    pub service_region: Option<String>,
    /// The IDs of the Availability Zones in which the service is available.
    #[aws(rename = "availabilityZoneIdSet", xml_item = "item")]
    pub availability_zone_ids: Option<Vec<String>>,
    /// The Availability Zones in which the service is available.
    #[aws(rename = "availabilityZoneSet", xml_item = "item")]
    pub availability_zones: Option<Vec<String>>,
    /// The Amazon Web Services account ID of the service owner.
    #[aws(rename = "owner")]
    pub owner: Option<String>,
    /// The DNS names for the service.
    #[aws(rename = "baseEndpointDnsNameSet", xml_item = "item")]
    pub base_endpoint_dns_names: Option<Vec<String>>,
    /// The private DNS name for the service.
    #[aws(rename = "privateDnsName")]
    pub private_dns_name: Option<String>,
    /// The private DNS names assigned to the VPC endpoint service.
    #[aws(rename = "privateDnsNameSet", xml_item = "item")]
    pub private_dns_names: Option<Vec<PrivateDnsDetails>>,
    /// Indicates whether the service supports endpoint policies.
    #[aws(rename = "vpcEndpointPolicySupported")]
    pub vpc_endpoint_policy_supported: Option<bool>,
    /// Indicates whether VPC endpoint connection requests to the service must be accepted by the service owner.
    #[aws(rename = "acceptanceRequired")]
    pub acceptance_required: Option<bool>,
    /// Indicates whether the service manages its VPC endpoints.
    #[aws(rename = "managesVpcEndpoints")]
    pub manages_vpc_endpoints: Option<bool>,
    /// The payer responsibility.
    #[aws(rename = "payerResponsibility")]
    pub payer_responsibility: Option<PayerResponsibility>,
    /// The tags assigned to the service.
    #[aws(rename = "tagSet", xml_item = "item")]
    pub tags: Option<Vec<Tag>>,
    /// The verification state of the VPC endpoint service.
    #[aws(rename = "privateDnsNameVerificationState")]
    pub private_dns_name_verification_state: Option<DnsNameState>,
    /// The supported IP address types.
    #[aws(rename = "supportedIpAddressTypeSet", xml_item = "item")]
    pub supported_ip_address_types: Option<Vec<ServiceConnectivityType>>,
}

/// Describes the type of service for a VPC endpoint.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceTypeDetail {
    /// The type of service.
    #[aws(rename = "serviceType")]
    pub service_type: Option<ServiceType>,
}

/// The `ServiceType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ServiceType {
    /// `Interface`
    #[aws(rename = "Interface")]
    Interface,
    /// `Gateway`
    #[aws(rename = "Gateway")]
    Gateway,
    /// `GatewayLoadBalancer`
    #[aws(rename = "GatewayLoadBalancer")]
    GatewayLoadBalancer,
}

/// Information about the Private DNS name for interface endpoints.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrivateDnsDetails {
    /// The private DNS name assigned to the VPC endpoint service.
    #[aws(rename = "privateDnsName")]
    pub private_dns_name: Option<String>,
}

/// The `PayerResponsibility` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PayerResponsibility {
    /// `ServiceOwner`
    #[aws(rename = "ServiceOwner")]
    ServiceOwner,
}

/// The `DnsNameState` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DnsNameState {
    /// `pendingVerification`
    #[aws(rename = "pendingVerification")]
    PendingVerification,
    /// `verified`
    #[aws(rename = "verified")]
    Verified,
    /// `failed`
    #[aws(rename = "failed")]
    Failed,
}

/// The `ServiceConnectivityType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ServiceConnectivityType {
    /// `ipv4`
    #[aws(rename = "ipv4")]
    Ipv4,
    /// `ipv6`
    #[aws(rename = "ipv6")]
    Ipv6,
}
