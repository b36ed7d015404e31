#!/bin/sh
# Builds the libFuzzer harnesses and runs each for SECONDS seconds (default 60), one after the other.
#
#   fuzz/run.sh [SECONDS] [HARNESS…]      SECONDS 0: build and seed only
#   harnesses: json json-schema regex typescript drizzle yaml-config sql glob (default: all)
#
# The modules a harness needs are compiled with swiftc -sanitize=fuzzer,address into their own scratch folder
# ($FUZZ_SCRATCH, default .build-fuzz), never part of `swift build` or `swift test`, and rebuilt when a source
# changes. Each harness starts from seeds copied out of examples/, the shared corpus ($FUZZ_CORPUS, default
# /work/shared/corpus, skipped when absent) and fuzz/seeds/<harness>/; what it finds grows its working corpus in
# the scratch folder. A crashing, slow (> 10 s) or memory-hungry (> 2 GB) input is kept in
# fuzz/crashes/<harness>/: turn it into a regression test in `swift test`, then delete it. Each run's log, with
# libFuzzer's final statistics, is $scratch/<harness>.log; the summary line per harness goes to standard output.
# Run it under `nice -n 19` on a shared machine.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-json json-schema regex typescript drizzle yaml-config sql glob}
scratch=${FUZZ_SCRATCH:-"$root/.build-fuzz"}
corpus=${FUZZ_CORPUS:-/work/shared/corpus}
modules="$scratch/modules"
mkdir -p "$modules"

flags="-O -sanitize=fuzzer,address -parse-as-library -enable-testing -I $modules -I $root/Sources/CLibYAML -I $root/Sources/CPgQuery"

# module NAME [EXTRA_SOURCE…]: Sources/NAME compiled into $modules/NAME.o and NAME.swiftmodule when a source is
# newer than the last compilation (a stamp: swiftc leaves an unchanged object untouched).
module() {
    name=$1; shift
    stamp="$modules/$name.stamp"
    if [ -f "$stamp" ] && [ -z "$(find "$root/Sources/$name" "$@" -newer "$stamp" -name '*.swift' | head -1)" ]; then
        return
    fi
    echo "compiling $name" >&2
    # shellcheck disable=SC2046,SC2086
    swiftc $flags -wmo -module-name "$name" -emit-module -emit-module-path "$modules/$name.swiftmodule" \
        -c $(find "$root/Sources/$name" -name '*.swift' | sort) "$@" -o "$modules/$name.o"
    touch "$stamp"
}

# The rule catalog Core embeds, generated as the package's build plugin does.
catalog() {
    tool="$scratch/EmbedCatalogTool"
    [ -x "$tool" ] || swiftc -O "$root/Sources/EmbedCatalogTool/main.swift" -o "$tool"
    "$tool" "$scratch/catalog.new" "$root/rules" $(find "$root/rules" -name '*.yml' | sort)
    # Replaced only when it changed, so that Core is not recompiled for nothing.
    cmp -s "$scratch/catalog.new" "$scratch/EmbeddedCatalog.swift" || mv "$scratch/catalog.new" "$scratch/EmbeddedCatalog.swift"
}

# link HARNESS FILE MODULE… [-lLIB…]: the harness file linked with the modules' objects.
link() {
    harness=$1; file=$2; shift 2
    objects=""; libraries=""
    for dependency in "$@"; do
        case $dependency in
            -l*) libraries="$libraries $dependency" ;;
            *) objects="$objects $modules/$dependency.o" ;;
        esac
    done
    # shellcheck disable=SC2086
    swiftc $flags -module-name "Fuzz$(echo "$harness" | tr -d -)" "$root/fuzz/harnesses/$file" $objects $libraries \
        -o "$scratch/$harness"
}

# seed DIRECTORY EXTENSION…: input files under examples/ and the corpus with those extensions, up to 64 KB.
seed() {
    work=$1; shift
    for extension in "$@"; do
        find "$root/examples" "$corpus" -type f -name "*.$extension" -size -64k 2>/dev/null
    done | while read -r file; do
        cp "$file" "$work/$(printf %s "$file" | cksum | cut -d' ' -f1).seed"
    done
}

build_and_seed() {
    harness=$1; work=$2
    case $harness in
        json)        module JSON; link json JSONFuzz.swift JSON; seed "$work" json ;;
        json-schema) module JSON; link json-schema JSONSchemaFuzz.swift JSON; seed "$work" json
                     # The official test suite as `[schema, instance]` pairs.
                     find "$corpus/json-schema-test-suite/tests" -name '*.json' 2>/dev/null | while read -r file; do
                         jq -c '.[] | .schema as $s | .tests[] | [$s, .data]' "$file" 2>/dev/null || true
                     done | head -3000 | split -l 1 - "$work/suite-" ;;
        regex)       module JSON; link regex RegexFuzz.swift JSON
                     find "$corpus/json-schema-test-suite/tests" -name '*.json' 2>/dev/null | while read -r file; do
                         jq -r '.. | objects | .pattern? // empty | strings' "$file" 2>/dev/null || true
                     done | sort -u | split -l 1 - "$work/suite-" ;;
        typescript)  module TypeScript; link typescript TypeScriptFuzz.swift TypeScript; seed "$work" ts ;;
        drizzle)     catalog; module YAML; module JSON; module TypeScript; module Core "$scratch/EmbeddedCatalog.swift"
                     module Drizzle; link drizzle DrizzleFuzz.swift Drizzle Core TypeScript JSON YAML -lyaml
                     seed "$work" ts ;;
        yaml-config) catalog; module YAML; module Core "$scratch/EmbeddedCatalog.swift"
                     link yaml-config YAMLConfigFuzz.swift Core YAML -lyaml
                     find "$root/examples" -name '.schemalint.yml' -exec sh -c 'cp "$1" "$2/$(printf %s "$1" | cksum | cut -d" " -f1).seed"' _ {} "$work" \; ;;
        sql)         module JSON; module SQL; link sql SQLFuzz.swift SQL JSON -lpg_query; seed "$work" sql ;;
        glob)        catalog; module YAML; module Core "$scratch/EmbeddedCatalog.swift"
                     link glob GlobFuzz.swift Core YAML -lyaml ;;
        *) echo "unknown harness $harness" >&2; exit 2 ;;
    esac
    if [ -d "$root/fuzz/seeds/$harness" ]; then cp "$root/fuzz/seeds/$harness"/* "$work/"; fi
}

for harness in $harnesses; do
    work="$scratch/corpus-$harness"
    crashes="$root/fuzz/crashes/$harness"
    mkdir -p "$work" "$crashes"
    build_and_seed "$harness" "$work"
    [ "$seconds" -eq 0 ] && continue
    log="$scratch/$harness.log"
    echo "fuzzing $harness for ${seconds}s (log: $log)"
    status=0
    LSAN_OPTIONS="suppressions=$root/fuzz/lsan-suppressions.txt" \
    "$scratch/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$work" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    found=$(find "$crashes" -type f | wc -l)
    echo "$harness: exit $status, ${runs:-?} executions, $found inputs kept in fuzz/crashes/$harness" \
        "(crash-: $(find "$crashes" -name 'crash-*' | wc -l), timeout-: $(find "$crashes" -name 'timeout-*' | wc -l)," \
        "slow-unit-: $(find "$crashes" -name 'slow-unit-*' | wc -l), oom-: $(find "$crashes" -name 'oom-*' | wc -l))"
done
