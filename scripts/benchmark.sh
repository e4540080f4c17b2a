#!/usr/bin/env bash
# Runs a benchmark (docs/performance.md) in its own JVM with a small, fixed heap.
# Usage: bash scripts/benchmark.sh [rounds]        the indexing benchmark (store off: the export alone)
#        bash scripts/benchmark.sh store [rounds]  the layer store: cold index, a second JVM, per-path checks
#        bash scripts/benchmark.sh analysis        what each analysis costs on the same image
#        bash scripts/benchmark.sh registry [rounds]  the registry source: config-only latency, full index vs skopeo copy
#        bash scripts/benchmark.sh presets [rounds]   template presets: ImageBuilds.buildAll vs `docker buildx build` one by one
# Maven options (offline, a private local repository) go in MAVEN_ARGS, which Maven itself reads:
#        MAVEN_ARGS="-o -Dmaven.repo.local=/path/to/repo" bash scripts/benchmark.sh presets 3
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
# ImageBuilds lives in the extension, so the presets harness runs from its test tree; the others from image-assert's.
module=image-assert
if [[ "${1:-}" == presets ]]; then module=junit-extension; fi
./mvnw -q -B -pl "$module" -am test-compile -DskipTests
cp=$(./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
# Our own runs are offline: no reaper image to pull, and /.dockerenv must not make Testcontainers look for a gateway.
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
main=io.github.imageassert.bench.IndexingBenchmark
if [[ "${1:-}" == analysis ]]; then main=io.github.imageassert.bench.AnalysisBenchmark; shift; fi
if [[ "${1:-}" == store ]]; then main=io.github.imageassert.bench.StoreBenchmark; shift; fi
if [[ "${1:-}" == registry ]]; then main=io.github.imageassert.bench.RegistryBenchmark; shift; fi
classes="image-assert/target/test-classes:image-assert/target/classes"
if [[ "${1:-}" == presets ]]; then
  main=io.github.imageassert.junit.bench.PresetsBenchmark; shift
  # image-assert's classes of this tree come before the installed jar the extension's classpath names
  classes="junit-extension/target/test-classes:junit-extension/target/classes:image-assert/target/classes"
fi
exec java -Xmx256m -XX:+UseSerialGC -cp "$classes:$cp" "$main" "${1:-3}"
