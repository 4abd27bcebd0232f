#!/usr/bin/env bash
# Expansion cost of the macros: `cargo check` time of a crate that declares
# 50 operations (with their input, output and error shapes), dependencies
# already checked, so the figure is the macro expansion plus type checking of
# the generated code alone.
#
#   bench/expansion-cost.sh [OPERATIONS]      # default 50
set -euo pipefail
ops="${1:-50}"
root="${AWSOP_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
work="${TMPDIR:-/tmp}/awsop-expansion-cost"
rm -rf "$work/src"
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "expansion-cost"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
awsop = { path = "$root", default-features = false }

[workspace]
TOML

{
  echo 'use awsop::{aws_operation, aws_shape};'
  echo '#[aws_shape] #[derive(Debug, Clone, Default, PartialEq)] pub struct Denied { pub message: String }'
  echo '#[aws_shape] #[derive(Debug, Clone, Default, PartialEq)] pub struct Throttled { pub message: String }'
  echo '#[aws_shape(errors)] #[derive(Debug, Clone, PartialEq)] pub enum ServiceError { AccessDeniedException(Denied), #[aws(throttling)] ThrottlingException(Throttled) }'
  echo '#[aws_shape] #[derive(Debug, Clone, PartialEq, Eq, Hash)] pub enum Kind { Alpha, Beta, Gamma }'
  for i in $(seq 1 "$ops"); do
    cat <<RS
#[aws_shape] #[derive(Debug, Clone, Default, PartialEq)]
pub struct Output$i { pub id: Option<String>, pub kind: Option<Kind>, pub tags: Option<std::collections::HashMap<String, String>>, pub items: Option<Vec<String>>, #[aws(header = "x-amzn-requestid")] pub request_id: Option<String> }
#[aws_operation(service = "svc", method = "POST", uri = "/v1/things/{thingId}/op$i", output = Output$i, error = ServiceError)]
#[derive(Debug, Clone, Default)]
pub struct Operation$i {
    #[aws(label)] pub thing_id: String,
    #[aws(query = "maxResults")] pub max_results: Option<i32>,
    #[aws(header = "x-custom")] pub custom: Option<String>,
    pub name: String,
    pub kind: Option<Kind>,
    pub count: Option<i64>,
    pub labels: Option<Vec<String>>,
    #[aws(idempotency_token)] pub client_token: Option<String>,
}
RS
  done
} > "$work/src/lib.rs"

cd "$work"
cargo check -q 2>/dev/null || cargo check
touch src/lib.rs
start=$(date +%s.%N)
cargo check -q
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf 'expansion-cost operations=%s check_secs=%.2f\n' "$ops" "$secs"
