#!/usr/bin/env bash
# Throughput (and peak memory) of awsop vs the AWS SDK for Rust vs raw hyper,
# against one loopback server, runs interleaved so drift hits all alike.
#
#   bench/compare.sh                      # N=20000 C=32 R=3
#   N=20000 C=10000 bench/compare.sh      # the memory run: 10,000 calls in flight
#   R=5 DRIVERS="sdk awsop" bench/compare.sh
#   DRIVERS="raw sdk awsop awsop+unlimited" N=20000 C=10000 bench/compare.sh   # memory, also without awsop's request limit
#   NO_BUILD=1 bench/compare.sh           # use the binaries already built
#   DRIVERS="raw-dynamodb sdk-dynamodb awsop-dynamodb" OP=mixed bench/compare.sh   # DynamoDB GetItem/PutItem
#
# Prints every run's line, then per driver the median calls/s, p50, p99,
# peak RSS and client CPU time per call (user+sys of the driver process over
# the timed calls: the figure least disturbed by other load on the machine),
# and the ratios awsop/sdk and awsop/raw. Exits non-zero if a run
# failed any call.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export N="${N:-20000}" C="${C:-32}"
rounds="${R:-3}"
drivers="${DRIVERS:-raw sdk awsop}"
bin="$here/target/release"

if [[ -z "${NO_BUILD:-}" ]]; then
    (cd "$here" && cargo build --release --quiet -j "${JOBS:-2}" --bins)
fi

source "$here/server.sh"
start_server "$bin/loopback-server"
export ENDPOINT="$endpoint"

echo "# $(date -u +%FT%TZ) N=$N C=$C R=$rounds server=$endpoint"
echo "# load before: $(uptime | sed 's/.*load average/load average/')"
failed=0
for round in $(seq 1 "$rounds"); do
    for d in $drivers; do
        # `awsop+unlimited`: load-awsop without the client's default limit
        # of 256 requests on the wire.
        knobs=()
        [[ "$d" == *+unlimited* ]] && knobs+=(AWSOP_MAX_CONCURRENT_REQUESTS=none)
        if out="$(env "${knobs[@]}" "$bin/load-${d%%+*}" 2>"$work/$d.err")"; then :; else
            failed=1
            cat "$work/$d.err" >&2
        fi
        line="$(echo "$out" | tail -n 1)"
        rss="$(echo "$out" | sed -n 's/^peak_rss_kb=//p')"
        cpu="$(echo "$out" | sed -n 's/^cpu_us_per_call=//p')"
        echo "round=$round $line peak_rss_kb=${rss:-?} cpu_us_per_call=${cpu:-?}"
        echo "$line peak_rss_kb=${rss:-0} cpu_us_per_call=${cpu:-0}" >>"$work/$d.lines"
    done
done
echo "# load after: $(uptime | sed 's/.*load average/load average/')"

median() { # driver field
    tr ' ' '\n' <"$work/$1.lines" | sed -n "s/^$2=//p" | sort -n |
        awk '{v[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'
}

echo
printf '%-20s %12s %10s %10s %14s %16s\n' driver calls_per_s p50_us p99_us peak_rss_kb cpu_us_per_call
for d in $drivers; do
    printf '%-20s %12s %10s %10s %14s %16s\n' "$d" "$(median "$d" calls_per_s)" "$(median "$d" p50_us)" \
        "$(median "$d" p99_us)" "$(median "$d" peak_rss_kb)" "$(median "$d" cpu_us_per_call)"
done

ratio() { # a b field
    [[ -f "$work/$1.lines" && -f "$work/$2.lines" ]] || return 0
    printf '%s/%s %s %.2f\n' "$1" "$2" "$3" "$(echo "$(median "$1" "$3") / $(median "$2" "$3")" | bc -l)"
}
echo
# Each awsop driver against the SDK and raw drivers of its scenario:
# awsop vs sdk/raw, awsop-dynamodb vs sdk-dynamodb/raw-dynamodb.
for d in $drivers; do
    [[ "$d" == awsop* ]] || continue
    base="${d%%+*}"
    scenario="${base#awsop}"
    ratio "$d" "sdk$scenario" calls_per_s
    ratio "$d" "raw$scenario" calls_per_s
    ratio "$d" "sdk$scenario" peak_rss_kb
    [[ "$d" == *+* ]] && continue
    ratio "$d" "sdk$scenario" p99_us
    ratio "$d" "sdk$scenario" cpu_us_per_call
    ratio "$d" "raw$scenario" cpu_us_per_call
done
exit "$failed"
