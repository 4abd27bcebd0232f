//! The shapes of a `CreateVpc` request (tags, encryption control).

use super::*;

/// Describes the configuration settings for VPC Encryption Control.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcEncryptionControlConfiguration {
    /// The encryption mode for the VPC Encryption Control configuration.
    pub mode: Option<VpcEncryptionControlMode>,
    /// Specifies whether to exclude internet gateway traffic from encryption enforcement.
    pub internet_gateway_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude egress-only internet gateway traffic from encryption enforcement.
    pub egress_only_internet_gateway_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude NAT gateway traffic from encryption enforcement.
    pub nat_gateway_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude virtual private gateway traffic from encryption enforcement.
    pub virtual_private_gateway_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude VPC peering connection traffic from encryption enforcement.
    pub vpc_peering_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude Lambda function traffic from encryption enforcement.
    pub lambda_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude VPC Lattice traffic from encryption enforcement.
    pub vpc_lattice_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude Elastic File System traffic from encryption enforcement.
    pub elastic_file_system_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude Amazon Web Services Global Accelerator traffic from encryption enforcement.
    pub global_accelerator_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
    /// Specifies whether to exclude Amazon API Gateway V2 traffic from encryption enforcement.
    pub api_gateway_v2_exclusion: Option<VpcEncryptionControlExclusionStateInput>,
}

/// The `VpcEncryptionControlMode` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcEncryptionControlMode {
    /// `monitor`
    #[aws(rename = "monitor")]
    Monitor,
    /// `enforce`
    #[aws(rename = "enforce")]
    Enforce,
}

/// The `VpcEncryptionControlExclusionStateInput` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VpcEncryptionControlExclusionStateInput {
    /// `enable`
    #[aws(rename = "enable")]
    Enable,
    /// `disable`
    #[aws(rename = "disable")]
    Disable,
}

/// The tags to apply to a resource when the resource is being created.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagSpecification {
    /// The type of resource to tag on creation.
    #[aws(rename = "resourceType")]
    pub resource_type: Option<ResourceType>,
    /// The tags to apply to the resource.
    #[aws(rename = "Tag", xml_item = "item")]
    pub tags: Option<Vec<Tag>>,
}

/// The `ResourceType` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResourceType {
    /// `capacity-reservation`
    #[aws(rename = "capacity-reservation")]
    CapacityReservation,
    /// `client-vpn-endpoint`
    #[aws(rename = "client-vpn-endpoint")]
    ClientVpnEndpoint,
    /// `customer-gateway`
    #[aws(rename = "customer-gateway")]
    CustomerGateway,
    /// `carrier-gateway`
    #[aws(rename = "carrier-gateway")]
    CarrierGateway,
    /// `coip-pool`
    #[aws(rename = "coip-pool")]
    CoipPool,
    /// `declarative-policies-report`
    #[aws(rename = "declarative-policies-report")]
    DeclarativePoliciesReport,
    /// `dedicated-host`
    #[aws(rename = "dedicated-host")]
    DedicatedHost,
    /// `dhcp-options`
    #[aws(rename = "dhcp-options")]
    DhcpOptions,
    /// `egress-only-internet-gateway`
    #[aws(rename = "egress-only-internet-gateway")]
    EgressOnlyInternetGateway,
    /// `elastic-ip`
    #[aws(rename = "elastic-ip")]
    ElasticIp,
    /// `elastic-gpu`
    #[aws(rename = "elastic-gpu")]
    ElasticGpu,
    /// `export-image-task`
    #[aws(rename = "export-image-task")]
    ExportImageTask,
    /// `export-instance-task`
    #[aws(rename = "export-instance-task")]
    ExportInstanceTask,
    /// `fca-policy`
    #[aws(rename = "fca-policy")]
    FcaPolicy,
    /// `fleet`
    #[aws(rename = "fleet")]
    Fleet,
    /// `fpga-image`
    #[aws(rename = "fpga-image")]
    FpgaImage,
    /// `host-reservation`
    #[aws(rename = "host-reservation")]
    HostReservation,
    /// `image`
    #[aws(rename = "image")]
    Image,
    /// `image-usage-report`
    #[aws(rename = "image-usage-report")]
    ImageUsageReport,
    /// `import-image-task`
    #[aws(rename = "import-image-task")]
    ImportImageTask,
    /// `import-snapshot-task`
    #[aws(rename = "import-snapshot-task")]
    ImportSnapshotTask,
    /// `instance`
    #[aws(rename = "instance")]
    Instance,
    /// `instance-event-window`
    #[aws(rename = "instance-event-window")]
    InstanceEventWindow,
    /// `internet-gateway`
    #[aws(rename = "internet-gateway")]
    InternetGateway,
    /// `ipam`
    #[aws(rename = "ipam")]
    Ipam,
    /// `ipam-pool`
    #[aws(rename = "ipam-pool")]
    IpamPool,
    /// `ipam-scope`
    #[aws(rename = "ipam-scope")]
    IpamScope,
    /// `ipv4pool-ec2`
    #[aws(rename = "ipv4pool-ec2")]
    Ipv4poolEc2,
    /// `ipv6pool-ec2`
    #[aws(rename = "ipv6pool-ec2")]
    Ipv6poolEc2,
    /// `key-pair`
    #[aws(rename = "key-pair")]
    KeyPair,
    /// `launch-template`
    #[aws(rename = "launch-template")]
    LaunchTemplate,
    /// `local-gateway`
    #[aws(rename = "local-gateway")]
    LocalGateway,
    /// `local-gateway-route-table`
    #[aws(rename = "local-gateway-route-table")]
    LocalGatewayRouteTable,
    /// `local-gateway-virtual-interface`
    #[aws(rename = "local-gateway-virtual-interface")]
    LocalGatewayVirtualInterface,
    /// `local-gateway-virtual-interface-group`
    #[aws(rename = "local-gateway-virtual-interface-group")]
    LocalGatewayVirtualInterfaceGroup,
    /// `local-gateway-route-table-vpc-association`
    #[aws(rename = "local-gateway-route-table-vpc-association")]
    LocalGatewayRouteTableVpcAssociation,
    /// `local-gateway-route-table-virtual-interface-group-association`
    #[aws(rename = "local-gateway-route-table-virtual-interface-group-association")]
    LocalGatewayRouteTableVirtualInterfaceGroupAssociation,
    /// `natgateway`
    #[aws(rename = "natgateway")]
    Natgateway,
    /// `network-acl`
    #[aws(rename = "network-acl")]
    NetworkAcl,
    /// `network-interface`
    #[aws(rename = "network-interface")]
    NetworkInterface,
    /// `network-insights-analysis`
    #[aws(rename = "network-insights-analysis")]
    NetworkInsightsAnalysis,
    /// `network-insights-path`
    #[aws(rename = "network-insights-path")]
    NetworkInsightsPath,
    /// `network-insights-access-scope`
    #[aws(rename = "network-insights-access-scope")]
    NetworkInsightsAccessScope,
    /// `network-insights-access-scope-analysis`
    #[aws(rename = "network-insights-access-scope-analysis")]
    NetworkInsightsAccessScopeAnalysis,
    /// `outpost-lag`
    #[aws(rename = "outpost-lag")]
    OutpostLag,
    /// `placement-group`
    #[aws(rename = "placement-group")]
    PlacementGroup,
    /// `prefix-list`
    #[aws(rename = "prefix-list")]
    PrefixList,
    /// `replace-root-volume-task`
    #[aws(rename = "replace-root-volume-task")]
    ReplaceRootVolumeTask,
    /// `reserved-instances`
    #[aws(rename = "reserved-instances")]
    ReservedInstances,
    /// `route-table`
    #[aws(rename = "route-table")]
    RouteTable,
    /// `security-group`
    #[aws(rename = "security-group")]
    SecurityGroup,
    /// `security-group-rule`
    #[aws(rename = "security-group-rule")]
    SecurityGroupRule,
    /// `service-link-virtual-interface`
    #[aws(rename = "service-link-virtual-interface")]
    ServiceLinkVirtualInterface,
    /// `snapshot`
    #[aws(rename = "snapshot")]
    Snapshot,
    /// `spot-fleet-request`
    #[aws(rename = "spot-fleet-request")]
    SpotFleetRequest,
    /// `spot-instances-request`
    #[aws(rename = "spot-instances-request")]
    SpotInstancesRequest,
    /// `subnet`
    #[aws(rename = "subnet")]
    Subnet,
    /// `subnet-cidr-reservation`
    #[aws(rename = "subnet-cidr-reservation")]
    SubnetCidrReservation,
    /// `traffic-mirror-filter`
    #[aws(rename = "traffic-mirror-filter")]
    TrafficMirrorFilter,
    /// `traffic-mirror-session`
    #[aws(rename = "traffic-mirror-session")]
    TrafficMirrorSession,
    /// `traffic-mirror-target`
    #[aws(rename = "traffic-mirror-target")]
    TrafficMirrorTarget,
    /// `transit-gateway`
    #[aws(rename = "transit-gateway")]
    TransitGateway,
    /// `transit-gateway-attachment`
    #[aws(rename = "transit-gateway-attachment")]
    TransitGatewayAttachment,
    /// `transit-gateway-connect-peer`
    #[aws(rename = "transit-gateway-connect-peer")]
    TransitGatewayConnectPeer,
    /// `transit-gateway-multicast-domain`
    #[aws(rename = "transit-gateway-multicast-domain")]
    TransitGatewayMulticastDomain,
    /// `transit-gateway-policy-table`
    #[aws(rename = "transit-gateway-policy-table")]
    TransitGatewayPolicyTable,
    /// `transit-gateway-metering-policy`
    #[aws(rename = "transit-gateway-metering-policy")]
    TransitGatewayMeteringPolicy,
    /// `transit-gateway-route-table`
    #[aws(rename = "transit-gateway-route-table")]
    TransitGatewayRouteTable,
    /// `transit-gateway-route-table-announcement`
    #[aws(rename = "transit-gateway-route-table-announcement")]
    TransitGatewayRouteTableAnnouncement,
    /// `volume`
    #[aws(rename = "volume")]
    Volume,
    /// `vpc`
    #[aws(rename = "vpc")]
    Vpc,
    /// `vpc-endpoint`
    #[aws(rename = "vpc-endpoint")]
    VpcEndpoint,
    /// `vpc-endpoint-connection`
    #[aws(rename = "vpc-endpoint-connection")]
    VpcEndpointConnection,
    /// `vpc-endpoint-service`
    #[aws(rename = "vpc-endpoint-service")]
    VpcEndpointService,
    /// `vpc-endpoint-service-permission`
    #[aws(rename = "vpc-endpoint-service-permission")]
    VpcEndpointServicePermission,
    /// `vpc-peering-connection`
    #[aws(rename = "vpc-peering-connection")]
    VpcPeeringConnection,
    /// `vpn-connection`
    #[aws(rename = "vpn-connection")]
    VpnConnection,
    /// `vpn-gateway`
    #[aws(rename = "vpn-gateway")]
    VpnGateway,
    /// `vpc-flow-log`
    #[aws(rename = "vpc-flow-log")]
    VpcFlowLog,
    /// `capacity-reservation-fleet`
    #[aws(rename = "capacity-reservation-fleet")]
    CapacityReservationFleet,
    /// `traffic-mirror-filter-rule`
    #[aws(rename = "traffic-mirror-filter-rule")]
    TrafficMirrorFilterRule,
    /// `vpc-endpoint-connection-device-type`
    #[aws(rename = "vpc-endpoint-connection-device-type")]
    VpcEndpointConnectionDeviceType,
    /// `verified-access-instance`
    #[aws(rename = "verified-access-instance")]
    VerifiedAccessInstance,
    /// `verified-access-group`
    #[aws(rename = "verified-access-group")]
    VerifiedAccessGroup,
    /// `verified-access-endpoint`
    #[aws(rename = "verified-access-endpoint")]
    VerifiedAccessEndpoint,
    /// `verified-access-policy`
    #[aws(rename = "verified-access-policy")]
    VerifiedAccessPolicy,
    /// `verified-access-trust-provider`
    #[aws(rename = "verified-access-trust-provider")]
    VerifiedAccessTrustProvider,
    /// `vpn-connection-device-type`
    #[aws(rename = "vpn-connection-device-type")]
    VpnConnectionDeviceType,
    /// `vpc-block-public-access-exclusion`
    #[aws(rename = "vpc-block-public-access-exclusion")]
    VpcBlockPublicAccessExclusion,
    /// `vpc-encryption-control`
    #[aws(rename = "vpc-encryption-control")]
    VpcEncryptionControl,
    /// `route-server`
    #[aws(rename = "route-server")]
    RouteServer,
    /// `route-server-endpoint`
    #[aws(rename = "route-server-endpoint")]
    RouteServerEndpoint,
    /// `route-server-peer`
    #[aws(rename = "route-server-peer")]
    RouteServerPeer,
    /// `ipam-resource-discovery`
    #[aws(rename = "ipam-resource-discovery")]
    IpamResourceDiscovery,
    /// `ipam-resource-discovery-association`
    #[aws(rename = "ipam-resource-discovery-association")]
    IpamResourceDiscoveryAssociation,
    /// `instance-connect-endpoint`
    #[aws(rename = "instance-connect-endpoint")]
    InstanceConnectEndpoint,
    /// `verified-access-endpoint-target`
    #[aws(rename = "verified-access-endpoint-target")]
    VerifiedAccessEndpointTarget,
    /// `ipam-external-resource-verification-token`
    #[aws(rename = "ipam-external-resource-verification-token")]
    IpamExternalResourceVerificationToken,
    /// `capacity-block`
    #[aws(rename = "capacity-block")]
    CapacityBlock,
    /// `mac-modification-task`
    #[aws(rename = "mac-modification-task")]
    MacModificationTask,
    /// `ipam-prefix-list-resolver`
    #[aws(rename = "ipam-prefix-list-resolver")]
    IpamPrefixListResolver,
    /// `ipam-policy`
    #[aws(rename = "ipam-policy")]
    IpamPolicy,
    /// `ipam-prefix-list-resolver-target`
    #[aws(rename = "ipam-prefix-list-resolver-target")]
    IpamPrefixListResolverTarget,
    /// `ipam-internet-registry-association`
    #[aws(rename = "ipam-internet-registry-association")]
    IpamInternetRegistryAssociation,
    /// `secondary-interface`
    #[aws(rename = "secondary-interface")]
    SecondaryInterface,
    /// `secondary-network`
    #[aws(rename = "secondary-network")]
    SecondaryNetwork,
    /// `secondary-subnet`
    #[aws(rename = "secondary-subnet")]
    SecondarySubnet,
    /// `capacity-manager-data-export`
    #[aws(rename = "capacity-manager-data-export")]
    CapacityManagerDataExport,
    /// `vpn-concentrator`
    #[aws(rename = "vpn-concentrator")]
    VpnConcentrator,
    /// `ipam-pool-allocation`
    #[aws(rename = "ipam-pool-allocation")]
    IpamPoolAllocation,
    /// `capacity-reservation-cancellation-quote`
    #[aws(rename = "capacity-reservation-cancellation-quote")]
    CapacityReservationCancellationQuote,
    /// `application-status-check`
    #[aws(rename = "application-status-check")]
    ApplicationStatusCheck,
    /// `capacity-reservation-modification-quote`
    #[aws(rename = "capacity-reservation-modification-quote")]
    CapacityReservationModificationQuote,
    /// `metric-category`
    #[aws(rename = "metric-category")]
    MetricCategory,
}

/// Describes a tag.
#[aws_shape(rename_all = "PascalCase")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tag {
    /// The key of the tag.
    #[aws(rename = "key")]
    pub key: Option<String>,
    /// The value of the tag.
    #[aws(rename = "value")]
    pub value: Option<String>,
}

/// The `Tenancy` shape.
#[aws_shape]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Tenancy {
    /// `default`
    #[aws(rename = "default")]
    Default,
    /// `dedicated`
    #[aws(rename = "dedicated")]
    Dedicated,
    /// `host`
    #[aws(rename = "host")]
    Host,
}
