#!/usr/bin/env bash
# Longer fuzzing runs of every target (Jazzer), one after the other: src/bench/fuzz.sh [SECONDS_EACH]
# Findings are written as crash-* files and reproduced from src/test/resources/.../<Test>Inputs/<method>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
for target in ReleaseListFuzzTest SnapshotFuzzTest BinaryHeaderFuzzTest ArchiveFuzzTest BlockEditorFuzzTest; do
  file=$(grep -rl "class $target" src/test/java)
  sed -i "s/@FuzzTest(maxDuration = \"[0-9]*s\")/@FuzzTest(maxDuration = \"${seconds}s\")/" "$file"
  echo "== $target ($seconds s)"
  JAZZER_FUZZ=1 mvn -B -q -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep -E "#[0-9]+ +DONE|Done [0-9]+ runs|== Java Exception|FuzzTestFinding|Tests run" | tail -3 || true
  git checkout -- "$file"
done
