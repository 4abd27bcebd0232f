#!/bin/sh
# Generates every operation of every service in a botocore data directory
# and compiles each service as its own crate depending only on awsop.
#
#   codegen/check-all.sh <botocore data dir>     (e.g. .../site-packages/botocore/data)
#
# Prints one line per service,
#   <service> <protocol>: N/M operations generated, compile ok|failed
# and last
#   total: S services, N/M operations generated and compiled
# (N counts the operations of the services that compile). The crates, their
# generator logs and cargo's output are kept in target/codegen-check-all/
# (AWSOP_CHECK_ALL_DIR to put them elsewhere); one target directory serves
# them all, so awsop is built once. Exits 0 when every service compiles.
set -u

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 <botocore data dir>" >&2
    exit 2
fi
data=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${AWSOP_CHECK_ALL_DIR:-$root/target/codegen-check-all}
mkdir -p "$work"

cargo build --quiet --release -p awsop-codegen --manifest-path "$root/Cargo.toml" || exit 1
bin=$root/target/release/awsop-codegen

members=""
: > "$work/services.txt"
for dir in "$data"/*/; do
    service=$(basename "$dir")
    # The newest API version that has a service model.
    version=""
    for v in $(ls "$dir" | sort); do
        if [ -f "$dir$v/service-2.json.gz" ] || [ -f "$dir$v/service-2.json" ]; then
            version=$v
        fi
    done
    [ -n "$version" ] || continue
    src=$dir$version
    model=$src/service-2.json.gz
    [ -f "$model" ] || model=$src/service-2.json
    set -- --model "$model"
    for p in "$src/paginators-1.json" "$src/paginators-1.json.gz"; do
        [ -f "$p" ] && set -- "$@" --paginators "$p"
    done
    for e in "$src/endpoint-rule-set-1.json.gz" "$src/endpoint-rule-set-1.json"; do
        [ -f "$e" ] && { set -- "$@" --endpoints "$e"; break; }
    done
    module=$(echo "$service" | tr -- '-.' '__')
    crate=$work/$service
    mkdir -p "$crate"
    "$bin" "$@" --all --out "$crate/$module.rs" > "$crate/codegen.out" 2> "$crate/codegen.err"
    status=$?
    # "<out>: <model> (<protocol>): N/M operations generated"
    summary=$(sed -n 's/.*(\([A-Za-z0-9_]*\)): \([0-9]*\)\/\([0-9]*\) operations generated$/\1 \2 \3/p' "$crate/codegen.out")
    if [ $status -eq 1 ] || [ -z "$summary" ]; then
        echo "$service none 0 0 nogen" >> "$work/services.txt"
        continue
    fi
    echo "$service $summary" >> "$work/services.txt"
    cat > "$crate/Cargo.toml" <<EOF
[package]
name = "gen-$service"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "lib.rs"

[dependencies]
awsop = { path = "$root" }
EOF
    echo "pub mod $module;" > "$crate/lib.rs"
    members="$members \"$service\","
done

cat > "$work/Cargo.toml" <<EOF
# Written by codegen/check-all.sh.
[workspace]
members = [$members]
resolver = "2"

[profile.dev]
debug = false
EOF
cp "$root/Cargo.lock" "$work/Cargo.lock"
(cd "$work" && CARGO_TARGET_DIR="$work/target" cargo check --workspace --keep-going --quiet --message-format=short) > "$work/cargo.log" 2>&1

services=0
generated=0
all=0
failed_any=0
while read -r service protocol n m state; do
    services=$((services + 1))
    if [ "${state:-}" = "nogen" ]; then
        echo "$service none: generation failed (see $work/$service/codegen.err), compile failed"
        failed_any=1
        continue
    fi
    all=$((all + m))
    if grep -q "could not compile \`gen-$service\`" "$work/cargo.log"; then
        result=failed
        failed_any=1
    else
        result=ok
        generated=$((generated + n))
    fi
    echo "$service $protocol: $n/$m operations generated, compile $result"
done < "$work/services.txt"
echo "total: $services services, $generated/$all operations generated and compiled"
exit $failed_any
