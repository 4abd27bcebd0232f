#!/usr/bin/env bash
# The first call of a fresh process (issue 18, item 4): a program that reads
# the configuration chain from the environment, makes one DynamoDB GetItem
# over HTTPS to a loopback TLS server and exits. Whole-process wall time and
# peak RSS (GNU time), median of R runs (default 20), awsop vs the SDK,
# interleaved.
#
#   bench/first-call.sh           # R=20
#   NO_BUILD=1 R=50 bench/first-call.sh
#
# The server's certificate is signed by a throwaway CA made here with
# openssl; both clients get it the standard way, SSL_CERT_FILE (read by the
# platform-roots loader both use). Nothing but loopback is reached: IMDS is
# disabled and the config files are empty files in a temporary HOME.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
rounds="${R:-20}"
bin="$here/target/release"
# Each program is its own workspace (first-call/{awsop,sdk}-app), so each
# binary holds what its own dependencies ask for, as a user's would: in one
# workspace cargo unifies the features of the crates both sides share.
if [[ -z "${NO_BUILD:-}" ]]; then
    (cd "$here" && cargo build --release --quiet -j "${JOBS:-2}" --bin loopback-server)
    for d in awsop sdk; do
        (cd "$here/first-call/$d-app" && cargo build --release --quiet -j "${JOBS:-2}")
    done
fi

source "$here/server.sh"

# A CA and a certificate for localhost and 127.0.0.1, signed by it.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=awsop bench CA" \
    -keyout "$work/ca.key" -out "$work/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$work/ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
    -CAcreateserial -days 2 -extfile "$work/ext" -out "$work/server.pem" 2>/dev/null

LIFETIME_SECS=600 start_server "$bin/loopback-server" \
    TLS_CERT="$work/server.pem" TLS_KEY="$work/server.key"
port="${endpoint##*:}"

mkdir -p "$work/home/.aws"
: >"$work/home/.aws/config"
: >"$work/home/.aws/credentials"
run_env=(env -i PATH="$PATH" HOME="$work/home"
    AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
    AWS_REGION=us-east-1 AWS_ENDPOINT_URL="https://localhost:$port"
    AWS_EC2_METADATA_DISABLED=true SSL_CERT_FILE="$work/ca.pem")

echo "# $(date -u +%FT%TZ) R=$rounds server=https://localhost:$port"
echo "# load before: $(uptime | sed 's/.*load average/load average/')"
for round in $(seq 1 "$rounds"); do
    for d in sdk awsop; do
        # Wall time from the shell's nanosecond clock (GNU time's is 10 ms
        # coarse); peak RSS (max resident set, KiB) from GNU time.
        started=$(date +%s%N)
        if ! /usr/bin/time -f "%M" -o "$work/$d.time" "${run_env[@]}" "$here/first-call/$d-app/target/release/first-call-$d" >"$work/$d.out" 2>"$work/$d.err"; then
            echo "first-call-$d failed:" >&2
            cat "$work/$d.err" >&2
            exit 1
        fi
        ended=$(date +%s%N)
        ms=$(echo "scale=3; ($ended - $started) / 1000000" | bc)
        kb=$(tail -n 1 "$work/$d.time")
        echo "round=$round first-call-$d wall_ms=$ms peak_rss_kb=$kb"
        echo "$ms $kb" >>"$work/$d.all"
    done
done
echo "# load after: $(uptime | sed 's/.*load average/load average/')"

median() { # file column
    awk -v c="$2" '{print $c}' "$1" | sort -n |
        awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'
}
echo
printf '%-18s %12s %14s\n' program wall_ms peak_rss_kb
for d in sdk awsop; do
    printf '%-18s %12s %14s\n' "first-call-$d" "$(median "$work/$d.all" 1)" "$(median "$work/$d.all" 2)"
done
echo
printf 'awsop/sdk wall %.2f\n' "$(echo "$(median "$work/awsop.all" 1) / $(median "$work/sdk.all" 1)" | bc -l)"
printf 'awsop/sdk peak_rss_kb %.2f\n' "$(echo "$(median "$work/awsop.all" 2) / $(median "$work/sdk.all" 2)" | bc -l)"
