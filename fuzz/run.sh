#!/bin/sh
# Builds the libFuzzer harnesses (swiftc -sanitize=fuzzer,address, into their own scratch folder, never part of
# `swift build` or `swift test`) and runs each for SECONDS seconds (default 60). A crashing input is kept in
# fuzz/crashes/<harness>/; turn it into a regression test next to the reader's other robustness tests.
#
#   fuzz/run.sh [SECONDS] [HARNESS…]      harnesses: json-schema typescript (default: all)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-json-schema typescript}
scratch=${FUZZ_SCRATCH:-"$root/.build-fuzz"}
mkdir -p "$scratch"

build() {  # name module sources…
    name=$1; module=$2; shift 2
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$module" "$@" -o "$scratch/$name"
}

for harness in $harnesses; do
    case $harness in
        json-schema) build json-schema JSON $(find "$root/Sources/JSON" -name '*.swift') "$root/fuzz/JSONSchemaFuzz.swift"
                     corpus="$root/examples" ;;
        typescript)  build typescript TypeScript $(find "$root/Sources/TypeScript" -name '*.swift') "$root/fuzz/TypeScriptFuzz.swift"
                     corpus="$root/examples" ;;
        *) echo "unknown harness $harness" >&2; exit 2 ;;
    esac
    crashes="$root/fuzz/crashes/$harness"
    work="$scratch/corpus-$harness"
    mkdir -p "$crashes" "$work"
    case $harness in
        json-schema) find "$corpus" -name '*.json' -exec cp {} "$work/" \; ;;
        typescript)  find "$corpus" -name '*.ts' -exec cp {} "$work/" \; ;;
    esac
    echo "fuzzing $harness for ${seconds}s"
    "$scratch/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$crashes/" "$work" || echo "$harness: crash kept in $crashes" >&2
done
