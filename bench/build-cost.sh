#!/usr/bin/env bash
# Build cost of the smallest CreateUserProfile program, awsop vs the AWS SDK:
# clean release build time (wall and CPU), binary size (as built and stripped), crates compiled.
#
#   bench/build-cost.sh            # both, -j 2
#   JOBS=4 bench/build-cost.sh     # other parallelism
#   ONLY=awsop bench/build-cost.sh # one side (awsop | sdk)
#   TIMINGS=1 bench/build-cost.sh  # also write cargo --timings HTML reports
#
# Each program is its own workspace with its own target dir
# (bench/build-cost/<name>/target), wiped before the build. Sources are
# fetched first (`cargo fetch`), so the timed part is compilation only.
# Writes bench/build-cost/results.txt and prints a table and the ratios.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jobs="${JOBS:-2}"
only="${ONLY:-}"
results="$here/build-cost/results.txt"
: >"$results.tmp"

build_one() { # name dir bin
    local name="$1" dir="$2" bin="$3"
    (
        cd "$dir"
        cargo fetch --quiet
        rm -rf target
        local timings=()
        [[ -n "${TIMINGS:-}" ]] && timings=(--timings)
        # Wall time, and CPU time (user+sys of cargo and every rustc it ran),
        # which other load on the machine disturbs much less than wall time.
        /usr/bin/time -f '%e %U %S' -o target.time \
            cargo build --release -j "$jobs" "${timings[@]}" 2>target.build.log ||
            { cat target.build.log >&2; exit 1; }
        mv target.build.log target/build.log
        mv target.time target/build.time
        local secs cpu crates tree size stripped
        secs=$(awk '{print $1}' target/build.time)
        cpu=$(awk '{print $2 + $3}' target/build.time)
        crates=$(grep -c '^ *Compiling ' target/build.log)
        # Unique packages in the normal+build dependency graph (incl. proc-macros).
        tree=$(cargo tree -e normal,build --prefix none --format '{p}' 2>/dev/null |
            sed 's/ (.*//; s/ (\*)//' | sort -u | wc -l)
        size=$(stat -c %s "target/release/$bin")
        strip -o "target/release/$bin.stripped" "target/release/$bin"
        stripped=$(stat -c %s "target/release/$bin.stripped")
        printf '%s secs=%.1f cpu_secs=%.1f crates_compiled=%s tree_packages=%s size_bytes=%s stripped_bytes=%s\n' \
            "$name" "$secs" "$cpu" "$crates" "$tree" "$size" "$stripped"
    )
}

echo "load: $(uptime)" >&2
if [[ "$only" != sdk ]]; then
    echo "building awsop-min (clean, release, -j $jobs) ..." >&2
    build_one awsop "$here/build-cost/awsop-min" awsop-min | tee -a "$results.tmp"
fi
if [[ "$only" != awsop ]]; then
    echo "building sdk-min (clean, release, -j $jobs) ..." >&2
    build_one sdk "$here/build-cost/sdk-min" sdk-min | tee -a "$results.tmp"
fi
echo "load: $(uptime)" >&2

# Keep the other side's last figures when only one side was rebuilt.
if [[ -n "$only" && -f "$results" ]]; then
    grep -v "^$only " "$results" >>"$results.tmp" || true
fi
sort -o "$results" "$results.tmp" && rm -f "$results.tmp"

field() { grep "^$1 " "$results" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
if grep -q '^awsop ' "$results" && grep -q '^sdk ' "$results"; then
    echo
    printf '%-22s %12s %12s %8s %s\n' metric awsop sdk ratio target
    row() { # label key target
        local a s
        a=$(field awsop "$2")
        s=$(field sdk "$2")
        printf '%-22s %12s %12s %7.1f%% %s\n' "$1" "$a" "$s" "$(echo "100 * $a / $s" | bc -l)" "$3"
    }
    row "build secs (wall)" secs "<= 25%"
    row "build cpu secs" cpu_secs "-"
    row "binary bytes" size_bytes "<= 35%"
    row "stripped bytes" stripped_bytes "<= 35%"
    row "crates compiled" crates_compiled "<= 50%"
    row "dependency packages" tree_packages "-"
fi
