//! Load driver: S3 through aws-sdk-s3 (static credentials, `endpoint_url`,
//! `force_path_style`, `BehaviorVersion::latest()`), with the SDK's
//! defaults otherwise, since the default is what users get: its request
//! checksum (a CRC32 trailer on a streamed `PutObject`) stays on.
//!
//! - `OP=get`: one `GetObject` of `SIZE_MB` MiB, the body streamed
//!   (`ByteStream::try_next`), counted and dropped; `REPEAT` times, the best kept.
//! - `OP=put`: one `PutObject` of the file at `FILE`
//!   (`ByteStream::from_path`); `REPEAT` times, the best kept.
//! - `OP=list`: `list_objects_v2` in the closed loop of `awsop_bench::main_with`
//!   (`N`, `C`); each 1,000-key page parsed whole and its keys counted.
//!
//! `ENDPOINT=http://127.0.0.1:PORT OP=get SIZE_MB=1024 load-sdk-s3`

use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use awsop_bench::s3::{transfer_main, S3Op, BUCKET, KEY, LIST_KEYS};
use awsop_bench::{main_with, ACCESS_KEY, REGION, SECRET_KEY};

const NAME: &str = "sdk-s3";

fn client(endpoint: &str) -> Client {
    let config = aws_sdk_s3::config::Builder::new()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(Credentials::new(
            ACCESS_KEY, SECRET_KEY, None, None, "static",
        ))
        .endpoint_url(endpoint)
        .force_path_style(true)
        .build();
    Client::from_conf(config)
}

fn main() {
    match S3Op::from_env() {
        S3Op::List => main_with(NAME, |config| {
            let client = client(&config.endpoint);
            move || {
                let client = client.clone();
                async move {
                    let page = client
                        .list_objects_v2()
                        .bucket(BUCKET)
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    match page.contents().len() {
                        LIST_KEYS => Ok(()),
                        n => Err(format!("{n} keys, not {LIST_KEYS}")),
                    }
                }
            }
        }),
        S3Op::Get => transfer_main(NAME, S3Op::Get, |config| {
            let client = client(&config.endpoint);
            move || {
                let client = client.clone();
                async move {
                    let mut object = client
                        .get_object()
                        .bucket(BUCKET)
                        .key(KEY)
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    let mut bytes = 0u64;
                    while let Some(chunk) = object
                        .body
                        .try_next()
                        .await
                        .map_err(|e| format!("reading the body: {e:?}"))?
                    {
                        bytes += chunk.len() as u64;
                    }
                    Ok(bytes)
                }
            }
        }),
        S3Op::Put => transfer_main(NAME, S3Op::Put, |config| {
            let client = client(&config.endpoint);
            let file = config.file.clone();
            move || {
                let (client, file) = (client.clone(), file.clone());
                async move {
                    let body = ByteStream::from_path(&file)
                        .await
                        .map_err(|e| format!("opening {}: {e}", file.display()))?;
                    let length = body.size_hint().1.unwrap_or(0);
                    client
                        .put_object()
                        .bucket(BUCKET)
                        .key(KEY)
                        .body(body)
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    // The server answers only once it has read the whole body.
                    Ok(length)
                }
            }
        }),
    }
}
