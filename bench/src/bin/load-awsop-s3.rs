//! Load driver: S3 through awsop's real client (static credentials,
//! `endpoint_url`, path-style addressing), with the client's defaults
//! otherwise, since the default is what users get: a `PutObject` from a
//! file goes aws-chunked with a trailing CRC32.
//!
//! - `OP=get`: one `GetObject` of `SIZE_MB` MiB, the body streamed
//!   (`ByteStream::next`), counted and dropped; `REPEAT` times, the best kept.
//! - `OP=put`: one `PutObject` of the file at `FILE`
//!   (`ByteStream::from_path`); `REPEAT` times, the best kept.
//! - `OP=list`: `ListObjectsV2` in the closed loop of `awsop_bench::main_with`
//!   (`N`, `C`); each 1,000-key page parsed whole and its keys counted.
//!
//! What it costs to check an upload's integrity is measured with
//! `AWS_REQUEST_CHECKSUM_CALCULATION=when_required` (the shared setting, as
//! `Client::from_env` reads it) and `PAYLOAD_SIGNING=unsigned`: the file is
//! then sent as it is, with no checksum (`s3-compare.sh`'s driver
//! `awsop-s3+nochecksum`).
//!
//! `ENDPOINT=http://127.0.0.1:PORT OP=get SIZE_MB=1024 load-awsop-s3`

use awsop::runtime::s3_rules::AddressingStyle;
use awsop::s3::{GetObject, ListObjectsV2, PutObject};
use awsop::runtime::env::Env;
use awsop::{ByteStream, Client, Credentials, PayloadSigning, RequestChecksum};
use awsop_bench::s3::{transfer_main, S3Op, BUCKET, KEY, LIST_KEYS};
use awsop_bench::{main_with, ACCESS_KEY, REGION, SECRET_KEY};

const NAME: &str = "awsop-s3";

fn client(endpoint: &str) -> Client {
    let checksum = RequestChecksum::from_env(&Env::real(), None)
        .expect("AWS_REQUEST_CHECKSUM_CALCULATION")
        .unwrap_or_default();
    let signing = match std::env::var("PAYLOAD_SIGNING").as_deref() {
        Ok("unsigned") => PayloadSigning::Unsigned,
        _ => PayloadSigning::Signed,
    };
    Client::builder()
        .region(REGION)
        .credentials(Credentials::new(
            ACCESS_KEY, SECRET_KEY, None, None, "static",
        ))
        .endpoint_url(endpoint)
        .s3_addressing_style(AddressingStyle::Path)
        .request_checksum(checksum)
        .payload_signing(signing)
        .build()
        .expect("awsop client")
}

fn main() {
    match S3Op::from_env() {
        S3Op::List => main_with(NAME, |config| {
            let client = client(&config.endpoint);
            move || {
                let client = client.clone();
                async move {
                    let page = ListObjectsV2::new(BUCKET)
                        .send(&client)
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    match page.contents.as_ref().map_or(0, Vec::len) {
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
                    let mut object = GetObject::new(BUCKET, KEY)
                        .send(&client)
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    let mut bytes = 0u64;
                    while let Some(chunk) = object.body.next().await {
                        bytes += chunk.map_err(|e| format!("reading the body: {e}"))?.len() as u64;
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
                    let length = body.content_length().unwrap_or(0);
                    PutObject {
                        bucket: BUCKET.into(),
                        key: KEY.into(),
                        body,
                        ..Default::default()
                    }
                    .send(&client)
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                    // The server answers only once it has read the whole body.
                    Ok(length)
                }
            }
        }),
    }
}
