#!/usr/bin/env bash
# Runs a benchmark (docs/performance.md) in its own JVM with a small, fixed heap.
# Usage: bash scripts/benchmark.sh [rounds]        the indexing benchmark (store off: the export alone)
#        bash scripts/benchmark.sh store [rounds]  the layer store: cold index, a second JVM, per-path checks
#        bash scripts/benchmark.sh analysis        what each analysis costs on the same image
#        bash scripts/benchmark.sh registry [rounds]  the registry source: config-only latency, full index vs skopeo copy
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
./mvnw -q -B -pl image-assert -am test-compile -DskipTests
cp=$(./mvnw -q -B -pl image-assert dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
# Our own runs are offline: no reaper image to pull, and /.dockerenv must not make Testcontainers look for a gateway.
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
main=io.github.imageassert.bench.IndexingBenchmark
if [[ "${1:-}" == analysis ]]; then main=io.github.imageassert.bench.AnalysisBenchmark; shift; fi
if [[ "${1:-}" == store ]]; then main=io.github.imageassert.bench.StoreBenchmark; shift; fi
if [[ "${1:-}" == registry ]]; then main=io.github.imageassert.bench.RegistryBenchmark; shift; fi
exec java -Xmx256m -XX:+UseSerialGC -cp "image-assert/target/test-classes:image-assert/target/classes:$cp" \
  "$main" "${1:-3}"
