#!/usr/bin/env bash
# Runs Ferry's performance benchmarks side by side, with and without -javaagent, and prints one summary table
# (also written to agent-test/target/bench/summary.md). Not part of CI; takes about 25 minutes on 2 cores (every phase).
#
#   agent-test/bench/run-benchmarks.sh [--no-build] [--quick] [--forks N]
#                                      [--only jmh,sizes,firstread,startup,classes,byvalue,specializations,hazelcast,apps]
#                                      [--agent-opts OPTS]
#
#   --no-build     do not run `mvn -B -q -DskipTests package` first (the agent jar and agent-test's test classes
#                  must already be built)
#   --quick        smoke test: short JMH iterations, few start-up runs, a small class corpus (numbers not meaningful)
#   --forks N      JMH forks per benchmark and variant (default 1; N multiplies the JMH time, about 5 minutes each)
#   --only P,...   run only these phases (default: all); byvalue (generated classes shipped by value, about
#                  4 minutes) adds keyFile=<a fresh random key, deleted afterwards> to the agent's options;
#                  specializations (objects of a generated specialization, about 2 minutes) needs no key;
#                  hazelcast (submitToMember round trips through a cluster of 3 member JVMs, about 5 minutes);
#                  apps (start-up, CPU and peak RSS of a Hazelcast member and of a Spring Boot application, with and
#                  without the agent, about 4 minutes)
#   --agent-opts   options appended to -javaagent:JAR= (e.g. include=com.example)
#
# Environment: JAVA_HOME (default: `java` on PATH), FERRY_AGENT_JAR (default: agent/target/ferry-agent.jar).
# Output: agent-test/target/bench/ (summary.md, jmh-*.json and byvalue-*.json JMH results, their logs, per-phase logs).
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build=1
suite_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --quick) suite_args+=(--quick) ;;
    --forks) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }; suite_args+=(--forks "$2"); shift ;;
    --only) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; suite_args+=(--only "$2"); shift ;;
    --agent-opts) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; suite_args+=(--agent-opts "$2"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
else
  java="$(command -v java || true)"
fi
[[ -n "$java" && -x "$java" ]] || { echo "run-benchmarks.sh: no java (set JAVA_HOME or put java on PATH)" >&2; exit 1; }

module="$root/agent-test"
out="$module/target/bench"
agent_jar="${FERRY_AGENT_JAR:-$root/agent/target/ferry-agent.jar}"
# every FERRY_* variable is an option to the agent, which refuses one it does not know: the JVMs measured must not
# inherit this script's own
unset FERRY_AGENT_JAR
mkdir -p "$out"

if [[ $build -eq 1 ]]; then
  echo "[bench] building: mvn -B -q -DskipTests package"
  (cd "$root" && mvn -B -q -DskipTests package)
fi

if [[ ! -f "$module/target/test-classes/META-INF/BenchmarkList" ]]; then
  echo "run-benchmarks.sh: $module/target/test-classes has no JMH benchmarks; build first" \
       "(run without --no-build, or: mvn -B -DskipTests package)" >&2
  exit 1
fi

# agent-test's test-scope class path without the agent jar (JMH and its dependencies), written by every build
cp_file="$module/target/bench-classpath.txt"
[[ -s "$cp_file" ]] || {
  echo "run-benchmarks.sh: $cp_file is missing; build first (run without --no-build, or: mvn -B -DskipTests package)" >&2
  exit 1
}
# Run from a snapshot of the test classes and the agent jar: a build running meanwhile in this work tree (another
# developer's `mvn test`) must not swap classes or the agent under a running benchmark.
run_dir="$out/run"
rm -rf "$run_dir"
mkdir -p "$run_dir"
cp -R "$module/target/test-classes" "$run_dir/test-classes"
[[ -f "$run_dir/test-classes/dev/ferry/bench/BenchSuite.class" && -f "$run_dir/test-classes/META-INF/BenchmarkList" ]] || {
  echo "run-benchmarks.sh: $module/target/test-classes is incomplete (a build is running?); try again" >&2
  exit 1
}
agent_args=(--agent "$agent_jar")
if [[ -f "$agent_jar" ]]; then
  cp "$agent_jar" "$run_dir/ferry-agent.jar"
  agent_args=(--agent "$run_dir/ferry-agent.jar" --agent-origin "$agent_jar")
fi
class_path="$run_dir/test-classes:$(cat "$cp_file")"

echo "[bench] java: $java ($("$java" -version 2>&1 | head -n 1))"
echo "[bench] agent: $agent_jar$([[ -f "$agent_jar" ]] || echo ' (missing: only baselines will be measured)')"
# The runner itself runs WITHOUT the agent: JMH forks inherit its JVM arguments, BenchSuite adds -javaagent per variant.
exec "$java" -Xmx1g -cp "$class_path" dev.ferry.bench.BenchSuite \
  "${agent_args[@]}" --out "$out" ${suite_args[@]+"${suite_args[@]}"}
