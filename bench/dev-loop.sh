#!/usr/bin/env bash
# The dev loop of a crate calling 10 DynamoDB and 10 S3 operations, awsop
# (dev-loop/awsop-app) vs the AWS SDK (dev-loop/sdk-app: aws-sdk-dynamodb +
# aws-sdk-s3 + aws-config): clean debug build, clean release build, and the
# incremental debug rebuild after editing one call site; wall and CPU time
# (user+sys of cargo and every rustc), release binary size.
#
#   bench/dev-loop.sh              # both, -j 2
#   ONLY=awsop bench/dev-loop.sh   # one side (awsop | sdk)
#
# Each app is its own workspace and target dir, wiped first; sources are
# fetched first, so the timed part is compilation only. The edit changes
# the line marked `// CALL_SITE` (the table name), three times in a row
# (the median is reported, each edit on stderr), and is undone afterwards.
# Prints one line per app and step, then the ratios awsop/sdk.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jobs="${JOBS:-2}"
only="${ONLY:-}"
results="$here/dev-loop/results.txt"
: >"$results"

timed() { # label command...
    local label="$1"
    shift
    /usr/bin/time -f '%e %U %S' -o time.out "$@" >build.log 2>&1 || { cat build.log >&2; exit 1; }
    awk -v l="$label" '{printf "%s wall=%.2f cpu=%.2f\n", l, $1, $2 + $3}' time.out
    rm -f time.out build.log
}

one() { # name
    local name="$1"
    (
        cd "$here/dev-loop/$name"
        cargo fetch --quiet
        rm -rf target
        timed "$name debug_clean" cargo build -j "$jobs"
        cp src/main.rs main.rs.orig
        # Three edits in a row, as a developer makes them; the step's
        # figure is their median (the first rebuild after a clean build is
        # the slowest, on both sides).
        for edit in 1 2 3; do
            sed -i "s|^const TABLE: &str = \"dev-loop[^\"]*\"; // CALL_SITE|const TABLE: \\&str = \"dev-loop-edit-$edit\"; // CALL_SITE|" src/main.rs
            grep -q "dev-loop-edit-$edit" src/main.rs || { echo "the call-site edit did not apply" >&2; exit 1; }
            timed "$name debug_incremental_$edit" cargo build -j "$jobs" | tee -a incremental.lines >&2
        done
        for key in wall cpu; do
            sed -n "s/.* $key=\([0-9.]*\).*/\1/p" incremental.lines | sort -n | sed -n 2p
        done | paste -sd' ' | awk -v n="$name" '{printf "%s debug_incremental wall=%s cpu=%s (median of 3 edits)\n", n, $1, $2}'
        rm -f incremental.lines
        mv main.rs.orig src/main.rs
        timed "$name release_clean" cargo build --release -j "$jobs"
        printf '%s binary_bytes=%s\n' "$name" "$(stat -c %s "target/release/$name")"
    ) | tee -a "$results"
}

echo "load: $(uptime)" >&2
[[ "$only" == sdk ]] || one awsop-app
[[ "$only" == awsop ]] || one sdk-app

value() { # app step key
    grep "^$1 $2" "$results" | sed -n "s/.*$3=\([0-9.]*\).*/\1/p"
}
if [[ -z "$only" ]]; then
    for step in debug_clean debug_incremental release_clean; do
        for key in wall cpu; do
            a=$(value awsop-app "$step" "$key")
            s=$(value sdk-app "$step" "$key")
            awk -v st="$step" -v k="$key" -v a="$a" -v s="$s" \
                'BEGIN{printf "ratio %s %s awsop/sdk=%.1f%% (%s s / %s s)\n", st, k, 100*a/s, a, s}'
        done
    done
    a=$(grep '^awsop-app binary_bytes' "$results" | sed 's/.*=//')
    s=$(grep '^sdk-app binary_bytes' "$results" | sed 's/.*=//')
    awk -v a="$a" -v s="$s" 'BEGIN{printf "ratio binary awsop/sdk=%.1f%% (%s / %s bytes)\n", 100*a/s, a, s}'
fi
