//! AWS partitions: which DNS suffixes a region's endpoints use.

use crate::region::Region;

/// A group of regions sharing DNS suffixes and capabilities (`aws`,
/// `aws-cn`, `aws-us-gov`, the isolated `aws-iso*` partitions, ...), as in
/// the AWS SDKs' `partitions.json`.
///
/// ```
/// use awsop_runtime::{endpoint::Partition, Region};
/// let p = Partition::of(&Region::new("cn-north-1").unwrap());
/// assert_eq!(p.id(), "aws-cn");
/// assert_eq!(p.dns_suffix(), "amazonaws.com.cn");
/// assert_eq!(Partition::of(&Region::new("us-east-1").unwrap()).dual_stack_dns_suffix(), "api.aws");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    id: &'static str,
    dns_suffix: &'static str,
    dual_stack_dns_suffix: &'static str,
    supports_fips: bool,
    supports_dual_stack: bool,
    /// What the region must look like, split at '-': fixed leading labels
    /// (any of the alternatives), then `<word>-<digits>`.
    shape: &'static [&'static [&'static str]],
    /// Region names that belong here without matching the shape.
    extra_regions: &'static [&'static str],
}

// Values from the AWS SDKs' partitions.json (aws-sdk-js-v3
// packages/util-endpoints/src/lib/aws/partitions.json, version 1.1).
// `aws` comes last only because matching tries the narrower shapes first;
// it is also the fallback for unknown regions, as in `aws.partition`.
static PARTITIONS: [Partition; 8] = [
    Partition {
        id: "aws-us-gov",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        shape: &[&["us"], &["gov"]],
        extra_regions: &["aws-us-gov-global"],
    },
    Partition {
        id: "aws-iso",
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "c2s.ic.gov",
        supports_fips: true,
        supports_dual_stack: false,
        shape: &[&["us"], &["iso"]],
        extra_regions: &["aws-iso-global"],
    },
    Partition {
        id: "aws-iso-b",
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "sc2s.sgov.gov",
        supports_fips: true,
        supports_dual_stack: false,
        shape: &[&["us"], &["isob"]],
        extra_regions: &["aws-iso-b-global"],
    },
    Partition {
        id: "aws-iso-e",
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "cloud.adc-e.uk",
        supports_fips: true,
        supports_dual_stack: false,
        shape: &[&["eu"], &["isoe"]],
        extra_regions: &["aws-iso-e-global"],
    },
    Partition {
        id: "aws-iso-f",
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "csp.hci.ic.gov",
        supports_fips: true,
        supports_dual_stack: false,
        shape: &[&["us"], &["isof"]],
        extra_regions: &["aws-iso-f-global"],
    },
    Partition {
        id: "aws-eusc",
        dns_suffix: "amazonaws.eu",
        dual_stack_dns_suffix: "amazonaws.eu",
        supports_fips: true,
        supports_dual_stack: false,
        shape: &[&["eusc"], &["de"]],
        extra_regions: &[],
    },
    Partition {
        id: "aws-cn",
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
        supports_fips: true,
        supports_dual_stack: true,
        shape: &[&["cn"]],
        extra_regions: &["aws-cn-global"],
    },
    Partition {
        id: "aws",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        shape: &[&["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"]],
        extra_regions: &["aws-global"],
    },
];

impl Partition {
    /// The partition a region belongs to: a listed global pseudo-region
    /// (`aws-cn-global`), else the first partition whose region pattern
    /// matches (`cn-<word>-<digits>`, `us-gov-<word>-<digits>`, ...), else
    /// `aws`, as the SDKs' `aws.partition` function does.
    pub fn of(region: &Region) -> &'static Partition {
        let name = region.as_str();
        PARTITIONS
            .iter()
            .find(|p| p.extra_regions.contains(&name))
            .or_else(|| PARTITIONS.iter().find(|p| p.matches_shape(name)))
            .unwrap_or(&PARTITIONS[PARTITIONS.len() - 1])
    }

    /// Every known partition.
    pub fn all() -> &'static [Partition] {
        &PARTITIONS
    }

    /// The partition id (`aws`, `aws-cn`, ...), also the ARN partition.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The DNS suffix of regional endpoints (`amazonaws.com`).
    pub fn dns_suffix(&self) -> &'static str {
        self.dns_suffix
    }

    /// The DNS suffix of dual-stack (IPv4 + IPv6) endpoints (`api.aws`).
    pub fn dual_stack_dns_suffix(&self) -> &'static str {
        self.dual_stack_dns_suffix
    }

    /// Whether FIPS endpoints exist in this partition.
    pub fn supports_fips(&self) -> bool {
        self.supports_fips
    }

    /// Whether dual-stack endpoints exist in this partition.
    pub fn supports_dual_stack(&self) -> bool {
        self.supports_dual_stack
    }

    // The SDKs' regexes, e.g. `^us\-gov\-\w+\-\d+$`, spelled out over the
    // '-'-separated labels (a valid region has no other separator).
    fn matches_shape(&self, name: &str) -> bool {
        let mut labels = name.split('-');
        let fixed_ok = self
            .shape
            .iter()
            .all(|choices| labels.next().is_some_and(|l| choices.contains(&l)));
        let word = labels.next().unwrap_or("");
        let number = labels.next().unwrap_or("");
        fixed_ok
            && labels.next().is_none()
            && !word.is_empty()
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str) -> &'static str {
        Partition::of(&Region::new(name).unwrap()).id()
    }

    #[test]
    fn regions_map_to_partitions() {
        for (region, id) in [
            ("us-east-1", "aws"),
            ("eu-west-3", "aws"),
            ("ap-southeast-7", "aws"),
            ("il-central-1", "aws"),
            ("mx-central-1", "aws"),
            ("aws-global", "aws"),
            ("cn-north-1", "aws-cn"),
            ("cn-northwest-1", "aws-cn"),
            ("aws-cn-global", "aws-cn"),
            ("us-gov-west-1", "aws-us-gov"),
            ("us-gov-east-1", "aws-us-gov"),
            ("us-iso-east-1", "aws-iso"),
            ("us-iso-west-1", "aws-iso"),
            ("us-isob-east-1", "aws-iso-b"),
            ("eu-isoe-west-1", "aws-iso-e"),
            ("us-isof-south-1", "aws-iso-f"),
            ("us-isof-east-1", "aws-iso-f"),
            ("eusc-de-east-1", "aws-eusc"),
            ("aws-iso-b-global", "aws-iso-b"),
            // Unknown shapes fall back to `aws`.
            ("local", "aws"),
            ("cn-north", "aws"),
            ("us-gov-west-1-fips", "aws"),
            ("xx-east-1", "aws"),
        ] {
            assert_eq!(of(region), id, "{region}");
        }
    }

    #[test]
    fn suffixes_match_partitions_json() {
        let get = |id: &str| *Partition::all().iter().find(|p| p.id() == id).unwrap();
        let aws = get("aws");
        assert_eq!(
            (aws.dns_suffix(), aws.dual_stack_dns_suffix()),
            ("amazonaws.com", "api.aws")
        );
        assert!(aws.supports_fips() && aws.supports_dual_stack());
        let cn = get("aws-cn");
        assert_eq!(
            (cn.dns_suffix(), cn.dual_stack_dns_suffix()),
            ("amazonaws.com.cn", "api.amazonwebservices.com.cn")
        );
        let gov = get("aws-us-gov");
        assert_eq!(
            (gov.dns_suffix(), gov.dual_stack_dns_suffix()),
            ("amazonaws.com", "api.aws")
        );
        assert_eq!(get("aws-iso").dns_suffix(), "c2s.ic.gov");
        assert_eq!(get("aws-iso-b").dns_suffix(), "sc2s.sgov.gov");
        assert_eq!(get("aws-iso-e").dns_suffix(), "cloud.adc-e.uk");
        assert_eq!(get("aws-iso-f").dns_suffix(), "csp.hci.ic.gov");
        for id in ["aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"] {
            assert!(!get(id).supports_dual_stack(), "{id}");
            assert!(get(id).supports_fips(), "{id}");
        }
    }
}
