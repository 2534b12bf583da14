#!/usr/bin/env bash
# Runs CineSync on this machine: a private PostgreSQL, the silo (migrations, demo data import,
# dashboard) and the bot (on Discord when DISCORD_TOKEN is set, in this terminal otherwise).
# Extra arguments go to the silo, e.g. --Data:Path=/path/to/ml-latest-small.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_packages run
exec dotnet run --project src/Silo -c Release -- --Bot:Enabled=true "$@"
