//! The `NextToken` printed when `--max-items` cuts a listing short, and
//! read back by `--starting-token`, in the aws CLI's format: base64 of
//! `{"nextToken": <service token>, "boto_truncate_amount": <items to skip>}`.

use awsop::runtime::encoding::base64;

/// Where a cut-short listing continues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ResumeToken {
    /// The service token of the page to fetch (`None`: the first page).
    pub(crate) next_token: Option<String>,
    /// How many profiles of that page were already printed.
    pub(crate) skip: usize,
}

impl ResumeToken {
    /// The token as printed.
    pub(crate) fn encode(&self) -> String {
        let mut fields = serde_json::Map::new();
        fields.insert("nextToken".into(), self.next_token.clone().into());
        if self.skip > 0 {
            fields.insert("boto_truncate_amount".into(), self.skip.into());
        }
        base64::encode(serde_json::Value::Object(fields).to_string().as_bytes())
    }

    /// Reads a printed token back; the error says what is wrong with it.
    pub(crate) fn decode(token: &str) -> Result<ResumeToken, String> {
        let invalid = || format!("'{token}' is not a NextToken this tool printed");
        let bytes = base64::decode(token.trim()).map_err(|_| invalid())?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
        let value = value.as_object().ok_or_else(invalid)?;
        let next_token = match value.get("nextToken") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(t)) => Some(t.clone()),
            Some(_) => return Err(invalid()),
        };
        let skip = match value.get("boto_truncate_amount") {
            None => 0,
            Some(n) => n
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(invalid)?,
        };
        Ok(ResumeToken { next_token, skip })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for token in [
            ResumeToken::default(),
            ResumeToken {
                next_token: Some("abc".into()),
                skip: 0,
            },
            ResumeToken {
                next_token: Some("abc".into()),
                skip: 3,
            },
        ] {
            assert_eq!(ResumeToken::decode(&token.encode()), Ok(token));
        }
        assert!(ResumeToken::decode("not base64!").is_err());
        assert!(ResumeToken::decode(&base64::encode(b"[1]")).is_err());
        assert!(ResumeToken::decode(&base64::encode(br#"{"boto_truncate_amount": -1}"#)).is_err());
    }
}
