//! Every string enum in `src/` has exactly its model's values, in the
//! model's order: the lists below are the `enum` arrays of botocore 1.44.8's
//! `service-2.json` files, copied as they are, so a variant whose name or
//! rename spells its wire value wrong fails here. No moto needed.

#[rustfmt::skip]
#[test]
fn cloudwatch() {
    use awsop_moto::cloudwatch::*;
    assert_eq!(StandardUnit::values(), [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
        "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second",
        "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None"
    ]);
    assert_eq!(RecentlyActive::values(), ["PT3H"]);
    assert_eq!(Statistic::values(), ["SampleCount", "Average", "Sum", "Minimum", "Maximum"]);
}

#[rustfmt::skip]
#[test]
fn dynamodb() {
    use awsop_moto::dynamodb::*;
    assert_eq!(ScalarAttributeType::values(), ["S", "N", "B"]);
    assert_eq!(KeyType::values(), ["HASH", "RANGE"]);
    assert_eq!(ProjectionType::values(), ["ALL", "KEYS_ONLY", "INCLUDE"]);
    assert_eq!(BillingMode::values(), ["PROVISIONED", "PAY_PER_REQUEST"]);
    assert_eq!(StreamViewType::values(), [
        "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"
    ]);
    assert_eq!(SSEType::values(), ["AES256", "KMS"]);
    assert_eq!(TableClass::values(), ["STANDARD", "STANDARD_INFREQUENT_ACCESS"]);
    assert_eq!(GlobalTableSettingsReplicationMode::values(), [
        "ENABLED", "DISABLED", "ENABLED_WITH_OVERRIDES"
    ]);
    assert_eq!(SearchSchemaElementType::values(), ["HASH", "INLINE_FILTER"]);
    assert_eq!(VectorDistanceFunction::values(), ["COSINE", "DOT_PRODUCT", "EUCLIDEAN"]);
    assert_eq!(TableStatus::values(), [
        "CREATING", "UPDATING", "DELETING", "ACTIVE", "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
        "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED"
    ]);
    assert_eq!(IndexStatus::values(), ["CREATING", "UPDATING", "DELETING", "ACTIVE"]);
    assert_eq!(ReplicaStatus::values(), [
        "CREATING", "CREATION_FAILED", "UPDATING", "DELETING", "ACTIVE", "REGION_DISABLED",
        "INACCESSIBLE_ENCRYPTION_CREDENTIALS", "ARCHIVING", "ARCHIVED", "REPLICATION_NOT_AUTHORIZED"
    ]);
    assert_eq!(WitnessStatus::values(), ["CREATING", "DELETING", "ACTIVE"]);
    assert_eq!(SSEStatus::values(), ["ENABLING", "ENABLED", "DISABLING", "DISABLED", "UPDATING"]);
    assert_eq!(MultiRegionConsistency::values(), ["EVENTUAL", "STRONG"]);
    assert_eq!(ComparisonOperator::values(), [
        "EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN", "NOT_NULL", "NULL", "CONTAINS",
        "NOT_CONTAINS", "BEGINS_WITH"
    ]);
    assert_eq!(ReturnValue::values(), ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]);
    assert_eq!(ReturnConsumedCapacity::values(), ["INDEXES", "TOTAL", "NONE"]);
    assert_eq!(ReturnItemCollectionMetrics::values(), ["SIZE", "NONE"]);
    assert_eq!(ConditionalOperator::values(), ["AND", "OR"]);
    assert_eq!(ReturnValuesOnConditionCheckFailure::values(), ["ALL_OLD", "NONE"]);
    assert_eq!(AttributeAction::values(), ["ADD", "PUT", "DELETE"]);
    assert_eq!(Select::values(), [
        "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"
    ]);
}

#[rustfmt::skip]
#[test]
fn ec2() {
    use awsop_moto::ec2::*;
    assert_eq!(VpcEncryptionControlMode::values(), ["monitor", "enforce"]);
    assert_eq!(VpcEncryptionControlExclusionStateInput::values(), ["enable", "disable"]);
    assert_eq!(ResourceType::values(), [
        "capacity-reservation", "client-vpn-endpoint", "customer-gateway", "carrier-gateway",
        "coip-pool", "declarative-policies-report", "dedicated-host", "dhcp-options",
        "egress-only-internet-gateway", "elastic-ip", "elastic-gpu", "export-image-task",
        "export-instance-task", "fca-policy", "fleet", "fpga-image", "host-reservation", "image",
        "image-usage-report", "import-image-task", "import-snapshot-task", "instance",
        "instance-event-window", "internet-gateway", "ipam", "ipam-pool", "ipam-scope",
        "ipv4pool-ec2", "ipv6pool-ec2", "key-pair", "launch-template", "local-gateway",
        "local-gateway-route-table", "local-gateway-virtual-interface",
        "local-gateway-virtual-interface-group", "local-gateway-route-table-vpc-association",
        "local-gateway-route-table-virtual-interface-group-association", "natgateway",
        "network-acl", "network-interface", "network-insights-analysis", "network-insights-path",
        "network-insights-access-scope", "network-insights-access-scope-analysis", "outpost-lag",
        "placement-group", "prefix-list", "replace-root-volume-task", "reserved-instances",
        "route-table", "security-group", "security-group-rule", "service-link-virtual-interface",
        "snapshot", "spot-fleet-request", "spot-instances-request", "subnet",
        "subnet-cidr-reservation", "traffic-mirror-filter", "traffic-mirror-session",
        "traffic-mirror-target", "transit-gateway", "transit-gateway-attachment",
        "transit-gateway-connect-peer", "transit-gateway-multicast-domain",
        "transit-gateway-policy-table", "transit-gateway-metering-policy",
        "transit-gateway-route-table", "transit-gateway-route-table-announcement", "volume", "vpc",
        "vpc-endpoint", "vpc-endpoint-connection", "vpc-endpoint-service",
        "vpc-endpoint-service-permission", "vpc-peering-connection", "vpn-connection",
        "vpn-gateway", "vpc-flow-log", "capacity-reservation-fleet", "traffic-mirror-filter-rule",
        "vpc-endpoint-connection-device-type", "verified-access-instance", "verified-access-group",
        "verified-access-endpoint", "verified-access-policy", "verified-access-trust-provider",
        "vpn-connection-device-type", "vpc-block-public-access-exclusion", "vpc-encryption-control",
        "route-server", "route-server-endpoint", "route-server-peer", "ipam-resource-discovery",
        "ipam-resource-discovery-association", "instance-connect-endpoint",
        "verified-access-endpoint-target", "ipam-external-resource-verification-token",
        "capacity-block", "mac-modification-task", "ipam-prefix-list-resolver", "ipam-policy",
        "ipam-prefix-list-resolver-target", "ipam-internet-registry-association",
        "secondary-interface", "secondary-network", "secondary-subnet",
        "capacity-manager-data-export", "vpn-concentrator", "ipam-pool-allocation",
        "capacity-reservation-cancellation-quote", "application-status-check",
        "capacity-reservation-modification-quote", "metric-category"
    ]);
    assert_eq!(Tenancy::values(), ["default", "dedicated", "host"]);
    assert_eq!(VpcCidrBlockStateCode::values(), [
        "associating", "associated", "disassociating", "disassociated", "failing", "failed"
    ]);
    assert_eq!(Ipv6AddressAttribute::values(), ["public", "private"]);
    assert_eq!(IpSource::values(), ["amazon", "byoip", "none"]);
    assert_eq!(VpcEncryptionControlState::values(), [
        "enforce-in-progress", "monitor-in-progress", "enforce-failed", "monitor-failed",
        "deleting", "deleted", "available", "creating", "delete-failed"
    ]);
    assert_eq!(VpcEncryptionControlExclusionState::values(), [
        "enabling", "enabled", "disabling", "disabled"
    ]);
    assert_eq!(BlockPublicAccessMode::values(), ["off", "block-bidirectional", "block-ingress"]);
    assert_eq!(FirewallOnboardingStatus::values(), ["pending", "active", "disabling"]);
    assert_eq!(FirewallMode::values(), ["monitor", "enforce"]);
    assert_eq!(VpcState::values(), ["pending", "available", "deleting"]);
    assert_eq!(ServiceType::values(), ["Interface", "Gateway", "GatewayLoadBalancer"]);
    assert_eq!(PayerResponsibility::values(), ["ServiceOwner"]);
    assert_eq!(DnsNameState::values(), ["pendingVerification", "verified", "failed"]);
    assert_eq!(ServiceConnectivityType::values(), ["ipv4", "ipv6"]);
}

#[rustfmt::skip]
#[test]
fn iam() {
    use awsop_moto::iam::*;
    assert_eq!(PermissionsBoundaryAttachmentType::values(), ["PermissionsBoundaryPolicy"]);
}

#[rustfmt::skip]
#[test]
fn kms() {
    use awsop_moto::kms::*;
    assert_eq!(KeyUsageType::values(), [
        "SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT",
        "ENCAPSULATE_DECAPSULATE"
    ]);
    assert_eq!(CustomerMasterKeySpec::values(), [
        "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
        "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
        "SM2"
    ]);
    assert_eq!(KeySpec::values(), [
        "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
        "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512",
        "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519", "ML_KEM_512",
        "ML_KEM_768", "ML_KEM_1024"
    ]);
    assert_eq!(OriginType::values(), ["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"]);
    assert_eq!(KeyState::values(), [
        "Creating", "Enabled", "Disabled", "PendingDeletion", "PendingImport",
        "PendingReplicaDeletion", "Unavailable", "Updating"
    ]);
    assert_eq!(ExpirationModelType::values(), [
        "KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"
    ]);
    assert_eq!(KeyManagerType::values(), ["AWS", "CUSTOMER"]);
    assert_eq!(EncryptionAlgorithmSpec::values(), [
        "SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"
    ]);
    assert_eq!(SigningAlgorithmSpec::values(), [
        "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
        "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
        "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256",
        "ED25519_SHA_512", "ED25519_PH_SHA_512"
    ]);
    assert_eq!(KeyAgreementAlgorithmSpec::values(), ["ECDH"]);
    assert_eq!(EncapsulationAlgorithmSpec::values(), ["ML_KEM"]);
    assert_eq!(MultiRegionKeyType::values(), ["PRIMARY", "REPLICA"]);
    assert_eq!(MacAlgorithmSpec::values(), [
        "HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"
    ]);
    assert_eq!(KeyEncryptionMechanism::values(), ["RSAES_OAEP_SHA_256"]);
    assert_eq!(DryRunModifierType::values(), ["IGNORE_CIPHERTEXT"]);
}

#[rustfmt::skip]
#[test]
fn secretsmanager() {
    use awsop_moto::secretsmanager::*;
    assert_eq!(StatusType::values(), ["InSync", "Failed", "InProgress", "Pending", "Detached"]);
}

#[rustfmt::skip]
#[test]
fn sqs() {
    use awsop_moto::sqs::*;
    assert_eq!(QueueAttributeName::values(), [
        "All", "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp",
        "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds",
        "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication",
        "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope",
        "FifoThroughputLimit", "RedriveAllowPolicy", "SqsManagedSseEnabled"
    ]);
    assert_eq!(MessageSystemAttributeName::values(), [
        "All", "SenderId", "SentTimestamp", "ApproximateReceiveCount",
        "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId",
        "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn"
    ]);
}
