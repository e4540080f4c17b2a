#!/usr/bin/env bash
# The long fuzz campaign of issue 14 (see docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh [COUNT [SEED]] [--bound MS] [--heap SIZE] [--workers K] [--journal FILE]
#                                         run cases 0..COUNT-1 of SEED (default 20000, 1), K worker JVMs at once
#   scripts/fuzz.sh --replay SEED INDEX   run one case again, keeping its files
#
# Every verdict is appended to the journal (default image-assert/target/fuzz-findings/journal-SEED-COUNT.txt); run
# the same command again and only the cases the journal lacks run, so a long campaign can be stopped and resumed.
# Keep the journal outside target/ for a campaign that must outlive `mvn clean`. Cases are written under FUZZ_TMPDIR
# (default: the JVM's temporary directory); a tmpfs such as /dev/shm spares the disk the campaign's bombs.
# Each worker JVM has a 256 MB heap; every case not RIGHT or TYPED_ERROR is written to
# image-assert/target/fuzz-findings/ with the command that replays it. No engine is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -N install
./mvnw -q -B -o -pl image-assert test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
cd image-assert
CP="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
if [[ "${1:-}" == "--replay" ]]; then
  exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    io.github.imageassert.fuzz.FuzzWorker --replay "$2" "$3" "${4:-20000}"
fi
COUNT="${1:-20000}"
SEED="${2:-1}"
shift $(( $# < 2 ? $# : 2 ))
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo -dirty)"
exec java -Xmx128m ${FUZZ_TMPDIR:+-Djava.io.tmpdir="$FUZZ_TMPDIR"} -cp "$CP" io.github.imageassert.fuzz.FuzzCampaign "$COUNT" "$SEED" --commit "$COMMIT" "$@"
