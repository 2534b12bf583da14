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
dotnet test CineSync.sln --no-build -nologo -v q --logger "console;verbosity=normal" 2>&1 | tee /tmp/cinesync-test-output.log
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' /tmp/cinesync-test-output.log | grep -Eo '[0-9]+' | paste -sd+ | bc)
failed=$(grep -Eo 'Failed: +[0-9]+' /tmp/cinesync-test-output.log | grep -Eo '[0-9]+' | paste -sd+ | bc)
echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
