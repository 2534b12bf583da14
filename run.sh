#!/usr/bin/env bash
# Runs CineSync on this machine: a private PostgreSQL, the silo (migrations, demo data import,
# dashboard) and the bot (on Discord when DISCORD_TOKEN is set, in this terminal otherwise).
# Extra arguments go to the silo, e.g. --Data:Path=/path/to/ml-latest-small.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_packages run

# Build first, with progress, so the first start (a Release build of every project: one to two minutes on a small
# machine) is never a silent wait; later starts rebuild nothing and take seconds.
if [ ! -e src/Silo/bin/Release/net10.0/CineSync.Silo.dll ]; then
    echo "Building CineSync (Release) for the first time: about 1-2 minutes..." >&2
else
    echo "Building CineSync (Release)..." >&2
fi
if ! dotnet build src/Silo -c Release -nologo -v:minimal -clp:NoSummary >&2; then
    echo "The build failed (see above)." >&2
    exit 1
fi

exec dotnet run --no-build --project src/Silo -c Release -- --Bot:Enabled=true "$@"
