# Sourced by the bench scripts (compare.sh, s3-compare.sh, first-call.sh):
# a scratch directory `$work`, and `start_server`, which starts one of the
# loopback servers, waits for its `listening on` line and sets `$endpoint`;
# both are removed or killed when the script exits.

work="$(mktemp -d)"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# start_server <binary> [VAR=value ...]: the server on any free port.
start_server() {
    local binary="$1"
    shift
    env LIFETIME_SECS="${LIFETIME_SECS:-3600}" "$@" "$binary" 0 >"$work/server.out" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        grep -q 'listening on' "$work/server.out" 2>/dev/null && break
        sleep 0.05
    done
    endpoint="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/server.out")"
    [[ -n "$endpoint" ]] || {
        echo "$(basename "$binary") did not start" >&2
        cat "$work/server.out" >&2
        exit 1
    }
}
