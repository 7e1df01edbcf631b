#!/usr/bin/env bash
# Load benchmark of POST /api/eligibility/check from a separate client process (wrk, Debian package `wrk`).
# Start the demo first (`mvn spring-boot:run`), then: bash benchmark/eligibility-check.sh [connections] [seconds]
# Prints checks per second and the latency distribution (mean, p50 … p99). Loopback only.
set -euo pipefail
cd "$(dirname "$0")"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
year=$(date +%Y)
body_season=$(sed -n 's/.*"season":\([0-9]*\).*/\1/p' eligibility-check.lua)
[ "$body_season" = "$year" ] || sed -i "s/\"season\":$body_season/\"season\":$year/" eligibility-check.lua
connections=${1:-1}
seconds=${2:-20}
wrk -t1 -c"$connections" -d5s -s eligibility-check.lua http://127.0.0.1:8080/api/eligibility/check >/dev/null
wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" --latency -s eligibility-check.lua \
    http://127.0.0.1:8080/api/eligibility/check
