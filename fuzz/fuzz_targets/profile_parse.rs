//! The shared `config` / `credentials` file parser.
//!
//! Input layout: `config` text, a NUL byte, `credentials` text, a NUL byte,
//! the profile name (invalid UTF-8 replaced). Checked: parsing never panics,
//! and every lookup on a parsed set is total.
#![no_main]

use awsop_runtime::profile::ProfileSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let config = parts.next().unwrap_or("");
    let credentials = parts.next().unwrap_or("");
    let profile = parts.next().unwrap_or("default");
    match ProfileSet::parse(config, credentials, profile) {
        Ok(set) => {
            assert_eq!(set.profile_name(), profile);
            let names: Vec<String> = set.profile_names().map(str::to_owned).collect();
            for name in &names {
                let section = set.profile(name).expect("a listed profile exists");
                for key in section.keys() {
                    let _ = section.get(key);
                    let _ = section.sub_property(key, "endpoint_url");
                }
            }
            for key in [
                "aws_access_key_id",
                "region",
                "services",
                "endpoint_url",
                "sso_session",
            ] {
                let _ = set.get(key);
            }
            let _ = set.service_setting("datazone", "endpoint_url");
            if let Some(services) = set.get("services") {
                let _ = set.services_section(services);
            }
            if let Some(session) = set.get("sso_session") {
                let _ = set.sso_session(session);
            }
            let _ = format!("{set:?}");
        }
        Err(err) => {
            let _ = (
                err.to_string(),
                err.file(),
                err.line(),
                err.is_parse_error(),
            );
        }
    }
});
