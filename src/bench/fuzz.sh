#!/usr/bin/env bash
# Longer fuzzing runs of every target (Jazzer), one after the other: src/bench/fuzz.sh [SECONDS_EACH]
# Each target runs in its own Maven execution (fuzz-<name>, see pom.xml) with its time raised for the run.
# A finding is saved under src/test/resources/.../<Test>Inputs/<method>/crash-*: rename it to say what it
# is, fix the code, and keep it as a regression input (the normal test run replays it).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
mvn -B -q -o test-compile
for pair in release-list:ReleaseListFuzzTest snapshot:SnapshotFuzzTest binary-header:BinaryHeaderFuzzTest \
            archive:ArchiveFuzzTest block-editor:BlockEditorFuzzTest; do
  id=${pair%%:*}; target=${pair##*:}
  file=$(grep -rl "class $target" src/test/java)
  sed -i "s/@FuzzTest(maxDuration = \"[0-9]*s\")/@FuzzTest(maxDuration = \"${seconds}s\")/" "$file"
  mvn -B -q -o test-compile
  echo "== $target ($seconds s)"
  mvn -B -o surefire:test@fuzz-$id 2>&1 | grep -E "^#[0-9]+ +DONE|Done [0-9]+ runs|FuzzTestFinding|Tests run:" | tail -3 || true
  git checkout -- "$file"
done
mvn -B -q -o test-compile
