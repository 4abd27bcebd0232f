//! S3's regional endpoints: `s3.{region}.{dnsSuffix}`, with FIPS as
//! `s3-fips.` and dual-stack as a `dualstack.` label before the region
//! (S3 keeps the partition's plain suffix; other services move to
//! `api.aws`).

use crate::endpoint::{EndpointError, Partition};
use crate::region::Region;

/// The regional S3 endpoint for `region` (as S3's endpoint rules build it).
pub(crate) fn regional(
    region: &Region,
    use_fips: bool,
    use_dual_stack: bool,
) -> Result<String, EndpointError> {
    let partition = Partition::of(region);
    if use_fips && !partition.supports_fips() {
        return Err(EndpointError::unsupported(partition.id(), "FIPS"));
    }
    if use_dual_stack && !partition.supports_dual_stack() {
        return Err(EndpointError::unsupported(partition.id(), "dual-stack"));
    }
    let service = if use_fips { "s3-fips" } else { "s3" };
    let dual = if use_dual_stack { "dualstack." } else { "" };
    Ok(format!(
        "https://{service}.{dual}{}.{}",
        region.as_str(),
        partition.dns_suffix()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_s3_endpoint_rules() {
        // The URL patterns of botocore's s3/endpoint-rule-set-1.json:
        // https://s3[-fips][.dualstack].{Region}.{partitionResult#dnsSuffix}.
        for (region, fips, dual, expected) in [
            (
                "us-west-2",
                false,
                false,
                "https://s3.us-west-2.amazonaws.com",
            ),
            (
                "us-west-2",
                true,
                false,
                "https://s3-fips.us-west-2.amazonaws.com",
            ),
            (
                "us-west-2",
                false,
                true,
                "https://s3.dualstack.us-west-2.amazonaws.com",
            ),
            (
                "us-west-2",
                true,
                true,
                "https://s3-fips.dualstack.us-west-2.amazonaws.com",
            ),
            (
                "cn-north-1",
                false,
                true,
                "https://s3.dualstack.cn-north-1.amazonaws.com.cn",
            ),
            (
                "us-east-1",
                false,
                false,
                "https://s3.us-east-1.amazonaws.com",
            ),
        ] {
            let region = Region::new(region).unwrap();
            assert_eq!(regional(&region, fips, dual).unwrap(), expected);
        }
    }
}
