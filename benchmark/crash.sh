#!/usr/bin/env bash
# The long run of cluster/TwoNodesIT: two nodes (the packaged jar) on one embedded PostgreSQL, many applications
# driven over HTTP across both, and several kill -9 of a node during the run, each node restarted at once.
# Usage: bash benchmark/crash.sh [applications] [kills]   (default 500 applications, 3 kills; needs no network)
# Prints the figures ([cluster] lines) and checks the same invariants as the slice in `mvn verify`.
# Node logs: target/cluster/node-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
applications=${1:-500}
kills=${2:-3}
mvn -B -o -q package -DskipTests
mvn -B -o -q test-compile
mvn -B -o failsafe:integration-test@h2 failsafe:verify@h2 -Dit.test=TwoNodesIT \
    -Dcluster.applications="$applications" -Dcluster.kills="$kills" | grep -E '^\[cluster\]|Tests run:|FAIL|ERROR'
