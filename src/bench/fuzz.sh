#!/usr/bin/env bash
# Longer fuzzing runs of every target (Jazzer), one after the other: src/bench/fuzz.sh [SECONDS_EACH]
# Each target runs in its own Maven execution (fuzz-<name>, see pom.xml) with its time raised for the run.
# A finding is saved under src/test/resources/.../<Test>Inputs/<method>/crash-*: rename it to say what it
# is, fix the code, and keep it as a regression input (the normal test run replays it).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
mvn -B -q -o test-compile
failed=0
for pair in release-list:ReleaseListFuzzTest mirror-url:MirrorUrlFuzzTest snapshot:SnapshotFuzzTest binary-header:BinaryHeaderFuzzTest go-build-info:GoBuildInfoFuzzTest \
            archive:ArchiveFuzzTest block-editor:BlockEditorFuzzTest policy:PolicyReaderFuzzTest; do
  id=${pair%%:*}; target=${pair##*:}
  file=$(grep -rl "class $target" src/test/java)
  sed -i "s/@FuzzTest(maxDuration = \"[0-9]*s\")/@FuzzTest(maxDuration = \"${seconds}s\")/" "$file"
  mvn -B -q -o test-compile
  echo "== $target ($seconds s)"
  # select-jdk-toolchain first: a goal called on its own does not run the lifecycle's toolchain step,
  # and surefire would fork the default java (17), which cannot load the Java 25 classes.
  mvn -B -o toolchains:select-jdk-toolchain surefire:test@fuzz-$id > "target/fuzz-$id.log" 2>&1 || status=$?
  grep -E "^#[0-9]+ +DONE|Done [0-9]+ runs|FuzzTestFinding|Tests run:" "target/fuzz-$id.log" | tail -3 || true
  if [ "${status:-0}" != 0 ] || ! grep -q "Done [0-9]* runs" "target/fuzz-$id.log"; then
    echo "   $target did not fuzz to the end (see target/fuzz-$id.log)"; failed=1
  fi
  unset status
  git checkout -- "$file"
done
mvn -B -q -o test-compile
exit $failed
