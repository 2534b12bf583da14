#!/usr/bin/env bash
# Runs every CineSync test. Installs the system packages the tests need when they are missing
# (PostgreSQL server programs; Chromium for the dashboard's browser test).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_packages test

dotnet build CineSync.sln -nologo -v q -clp:ErrorsOnly
# Each test assembly runs in its own process with its own private PostgreSQL server.
set +e
# A log per run, so that two runs on one machine never count each other's results.
log=$(mktemp /tmp/cinesync-test-XXXXXX.log)
dotnet test CineSync.sln --no-build -nologo -v q --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The console logger closes each assembly with "Passed: N" / "Failed: N" lines; add them up.
count() { grep -E "^\s+$1: [0-9]+\s*$" "$log" | grep -Eo '[0-9]+' | paste -sd+ | bc || true; }
passed=$(count Passed)
failed=$(count Failed)
echo "Tests: ${passed:-0} passed, ${failed:-0} failed (log: $log)"
exit "$status"
