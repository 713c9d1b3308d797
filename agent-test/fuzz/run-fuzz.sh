#!/usr/bin/env bash
# Fuzzes what a reader with Ferry attached does with any bytes: runs FerryReaderFuzzTest (agent-test,
# dev.ferry.it.attack) in Jazzer's fuzzing mode, then prints the outcomes of every input by exception class (counted
# by the test in agent-test/target/fuzz-outcomes-*.txt). Not part of CI, where the test replays its seeds and the crash
# files kept beside them (regression mode). JDK 17 only: Jazzer 0.24.0 cannot instrument JDK 25's class files.
#
#   agent-test/fuzz/run-fuzz.sh [--minutes N] [--no-build] [--keep-going K]
#
#   --minutes N   fuzzing time (default 30), in runs of 5 minutes (the test's @FuzzTest maxDuration), rounded up;
#                 each run starts from the corpus the earlier ones grew (agent-test/.cifuzz-corpus)
#   --no-build    do not build the agent jar and agent-test's test classes first
#   --keep-going K  go on fuzzing until K distinct findings (default 1), each written as a crash file, to triage
#                 afterwards: replay one without Ferry with
#                 java -cp agent-test/target/test-classes:<libraries> dev.ferry.it.attack.AttackReader 'read|x|FIELD|<file>'
#
# A finding fails the run: Jazzer writes the input as crash-<sha1> into
# agent-test/src/test/resources/dev/ferry/it/attack/FerryReaderFuzzTestInputs/readStream/, where regression mode
# replays it from then on; keep it there once the defect it shows is fixed.
# Environment: JAVA_HOME (default: `java` on PATH, which must be a JDK 17).
# Output: the outcome counts on stdout; Jazzer's own log in agent-test/target/surefire-reports/*-output.txt.
set -euo pipefail

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
minutes=30
build=1
keep_going=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }; minutes="$2"; shift ;;
    --no-build) build=0 ;;
    --keep-going) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }; keep_going="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-fuzz.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

cd "$root"
if [[ $build -eq 1 ]]; then
  # package, never install: the agent jar is read from agent/target
  mvn -B -q -pl agent package -DskipTests
  mvn -B -q -pl agent-test test-compile
fi
rm -f agent-test/target/fuzz-outcomes-*.txt

runs=$(( (minutes + 4) / 5 ))
status=0
started=$SECONDS
for (( run = 1; run <= runs; run++ )); do
  echo "run-fuzz.sh: fuzzing run $run of $runs (5 minutes)"
  # JUnit's own timeout would count the whole run as one test: Jazzer applies @Timeout to each input itself. Coverage
  # comes from the class path's classes only: instrumenting Ferry's boot classes (jazzer.instrumentation_includes)
  # crashes the JVM, whose boot loader cannot see Jazzer's runtime, so the fuzzer mutates mostly without guidance
  if ! JAZZER_FUZZ=1 mvn -B -q -pl agent-test surefire:test -Dtest=FerryReaderFuzzTest \
      -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.keep_going="$keep_going"; then
    echo "run-fuzz.sh: run $run found a defect (see the crash file and agent-test/target/surefire-reports/)" >&2
    status=1
    [[ $keep_going -gt 1 ]] || break
  fi
done

echo "run-fuzz.sh: $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s in Maven and the fuzzing JVM"

# add up the runs' outcome files: "executions N" then "<outcome> <count>" lines
awk '{ total[$1] += $2 } END {
  printf "executions %d\n", total["executions"]
  for (outcome in total) if (outcome != "executions") printf "%-45s %d\n", outcome, total[outcome]
}' agent-test/target/fuzz-outcomes-*.txt 2>/dev/null | { read -r first; echo "$first"; sort; } || true
exit $status
