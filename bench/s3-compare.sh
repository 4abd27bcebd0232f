#!/usr/bin/env bash
# S3 throughput and peak memory of awsop vs aws-sdk-s3 vs raw hyper, against
# one loopback S3 stand-in (loopback-s3-server), runs interleaved so drift
# hits all alike: GetObject and PutObject of one SIZE_MB MiB object (each
# run moves it REPEAT times and keeps its fastest), then ListObjectsV2 of a
# 1,000-key page in the closed loop (N calls, C in flight).
#
#   bench/s3-compare.sh                        # SIZE_MB=1024 R=3, list N=2000 C=8
#   SIZE_MB=64 R=1 NO_BUILD=1 bench/s3-compare.sh   # a smoke test
#   R=5 DRIVERS="sdk-s3 awsop-s3" bench/s3-compare.sh
#   DRIVERS="raw-s3 awsop-s3 awsop-s3+nochecksum" bench/s3-compare.sh   # what the upload checksum costs
#
# The object uploaded is target/s3-object.bin, written once from
# /dev/urandom and reused while its size matches SIZE_MB.
#
# Prints every run's line, then per operation and driver the medians (MB/s
# = 10^6 bytes per second, peak RSS, client CPU per transfer; for the list,
# calls/s, p50, p99, peak RSS and CPU per call), and the ratios awsop/raw,
# sdk/raw, awsop/sdk. Exits non-zero if a run failed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export SIZE_MB="${SIZE_MB:-1024}" REPEAT="${REPEAT:-3}"
list_n="${N:-2000}" list_c="${C:-8}"
rounds="${R:-3}"
drivers="${DRIVERS:-raw-s3 sdk-s3 awsop-s3}"
bin="$here/target/release"

if [[ -z "${NO_BUILD:-}" ]]; then
    (cd "$here" && cargo build --release --quiet -j "${JOBS:-2}" --bins)
fi

# The upload's source: random bytes, so nothing on the way can compress them.
file="$here/target/s3-object.bin"
size_bytes=$((SIZE_MB * 1024 * 1024))
if [[ ! -f "$file" || "$(stat -c %s "$file")" != "$size_bytes" ]]; then
    echo "# writing $file ($SIZE_MB MiB)"
    dd if=/dev/urandom of="$file.tmp" bs=1M count="$SIZE_MB" status=none
    mv "$file.tmp" "$file"
fi
export FILE="$file"

source "$here/server.sh"
start_server "$bin/loopback-s3-server"
export ENDPOINT="$endpoint"

echo "# $(date -u +%FT%TZ) SIZE_MB=$SIZE_MB REPEAT=$REPEAT R=$rounds list N=$list_n C=$list_c server=$endpoint"
echo "# load before: $(uptime | sed 's/.*load average/load average/')"
failed=0
run() { # op driver round [env...]
    local op="$1" d="$2" round="$3"
    shift 3
    local out line rss cpu knobs=()
    # `awsop-s3+nochecksum`: awsop with the upload checksum off (the shared
    # setting `when_required`) and the body unsigned: sent as it is.
    [[ "$d" == *+nochecksum ]] && knobs=(AWS_REQUEST_CHECKSUM_CALCULATION=when_required PAYLOAD_SIGNING=unsigned)
    if out="$(env OP="$op" "${knobs[@]}" "$@" "$bin/load-${d%%+*}" 2>"$work/$op.$d.err")"; then :; else
        failed=1
        echo "# $d OP=$op failed:" >&2
        cat "$work/$op.$d.err" >&2
    fi
    line="$(echo "$out" | tail -n 1)"
    rss="$(echo "$out" | sed -n 's/^peak_rss_kb=//p')"
    if [[ "$op" == list ]]; then
        cpu="cpu_us_per_call=$(echo "$out" | sed -n 's/^cpu_us_per_call=//p')"
    else
        cpu="cpu_ms=$(echo "$out" | sed -n 's/^cpu_ms=//p')"
    fi
    echo "round=$round op=$op $line peak_rss_kb=${rss:-?} $cpu"
    echo "$line peak_rss_kb=${rss:-0} $cpu" >>"$work/$op.$d.lines"
}
for op in get put; do
    for round in $(seq 1 "$rounds"); do
        for d in $drivers; do
            run "$op" "$d" "$round"
        done
    done
done
for round in $(seq 1 "$rounds"); do
    for d in $drivers; do
        run list "$d" "$round" N="$list_n" C="$list_c"
    done
done
echo "# load after: $(uptime | sed 's/.*load average/load average/')"

median() { # op driver field
    [[ -f "$work/$1.$2.lines" ]] || { echo 0; return; }
    tr ' ' '\n' <"$work/$1.$2.lines" | sed -n "s/^$3=//p" | sort -n |
        awk '{v[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'
}

echo
for op in get put; do
    printf '%-20s %-4s %12s %14s %10s\n' driver op mb_per_s peak_rss_kb cpu_ms
    for d in $drivers; do
        printf '%-20s %-4s %12s %14s %10s\n' "$d" "$op" "$(median "$op" "$d" mb_per_s)" \
            "$(median "$op" "$d" peak_rss_kb)" "$(median "$op" "$d" cpu_ms)"
    done
    echo
done
printf '%-20s %-4s %12s %10s %10s %14s %16s\n' driver op calls_per_s p50_us p99_us peak_rss_kb cpu_us_per_call
for d in $drivers; do
    printf '%-20s %-4s %12s %10s %10s %14s %16s\n' "$d" list "$(median list "$d" calls_per_s)" \
        "$(median list "$d" p50_us)" "$(median list "$d" p99_us)" \
        "$(median list "$d" peak_rss_kb)" "$(median list "$d" cpu_us_per_call)"
done

ratio() { # op a b field
    [[ -f "$work/$1.$2.lines" && -f "$work/$1.$3.lines" ]] || return 0
    local a b
    a="$(median "$1" "$2" "$4")" b="$(median "$1" "$3" "$4")"
    if [[ "$b" == 0 || "$b" == 0.0 ]]; then
        printf '%s %s/%s %s n/a\n' "$1" "$2" "$3" "$4"
    else
        printf '%s %s/%s %s %.2f\n' "$1" "$2" "$3" "$4" "$(echo "$a / $b" | bc -l)"
    fi
}
echo
for op in get put; do
    for field in mb_per_s peak_rss_kb; do
        ratio "$op" awsop-s3 raw-s3 "$field"
        ratio "$op" sdk-s3 raw-s3 "$field"
        ratio "$op" awsop-s3 sdk-s3 "$field"
        ratio "$op" awsop-s3+nochecksum raw-s3 "$field"
    done
done
ratio list awsop-s3 sdk-s3 calls_per_s
ratio list awsop-s3 raw-s3 calls_per_s
ratio list awsop-s3 sdk-s3 cpu_us_per_call
exit "$failed"
