#!/usr/bin/env bash
# Load test: gunicorn (2 workers) serves the benchmark dataset on 127.0.0.1 while wrk sends a mix of
# timeline, filter and event requests (mix.lua) for 30 s over 16 connections, and load_articles
# writes a batch of news articles into the same database meanwhile.
#
# On PostgreSQL, which several machines can share, the same run follows with two app servers: two
# gunicorn instances on two ports sharing the database and one Redis cache (CACHE_URL), wrk's two
# threads each sending to one of them, the loader writing meanwhile; then a curator unpublishes and
# republishes an event through node A's admin, and node B's very next request must follow
# (coherence.py). Both PostgreSQL runs use that Redis, so they differ only in the number of nodes.
#
#   make loadtest                          # SQLite: var/bench.sqlite3 (as make bench), one node
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/timeline_bench make loadtest
#
# make prepares the dataset first (make bench-data: created once, reused after). LOAD_PORT sets node
# A's port (node B takes the next one), LOAD_CACHE_URL the Redis (emptied before each run), and
# LOAD_NODES=1 skips the two-node run.
#
# Prints one LOAD line for the requests and one for the loader per run, and one for the coherence
# check; exits non-zero on any failed request, any failed article, any "database is locked" or a
# node that serves what another changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
PORT=${LOAD_PORT:-8100}
DURATION=${LOAD_DURATION:-30s}
CORPUS=${LOAD_CORPUS:-../shared/corpora/tbaq}
export DJANGO_SETTINGS_MODULE=timeline.settings.production DJANGO_SECRET_KEY=load-test-only DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0
export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite:///$PWD/var/bench.sqlite3}
backend=${DATABASE_URL%%:*}
if [ "$backend" = sqlite ]; then NODES=1; else NODES=${LOAD_NODES:-2}; fi
if [ "$backend" != sqlite ]; then export CACHE_URL=${LOAD_CACHE_URL:-redis://127.0.0.1:6379/1}; fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
servers=()
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  servers=()
}
cleanup() {
  stop_servers
  rm -rf "$work"
}
trap cleanup EXIT

# The news articles of the TimeML corpus as JSON Lines, one file per run, each text marked with its
# run so that every run writes new sources (copies of the last run's) instead of finding them unchanged.
$PY - "$CORPUS" "$work/articles-1.jsonl" "$work/articles-2.jsonl" <<'PYEOF'
import json, sys, uuid
from timeline.ingest.timeml import iter_timeml, read_timeml

corpus, *outs = sys.argv[1:]
docs = [read_timeml(path) for path in iter_timeml(corpus)]
for out in outs:
    run = uuid.uuid4().hex
    with open(out, "w", encoding="utf-8") as lines:
        for doc in docs:
            text = f"{doc.text}\n\nLoad test copy {run}."
            record = {"title": doc.title or doc.doc_id, "text": text}
            if doc.dct:
                record["published"] = doc.dct.isoformat()
            lines.write(json.dumps(record) + "\n")
PYEOF

# One app server on a port, answering before this returns.
start_node() {
  .venv/bin/gunicorn timeline.wsgi -w 2 -b "127.0.0.1:$1" --access-logfile /dev/null \
    --error-logfile "$work/server-$1.log" &
  servers+=($!)
  $PY - "$1" <<'PYEOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=5)
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("the server did not start")
PYEOF
}

# wrk against the nodes on these ports (its threads shared out among them, see mix.lua) while the
# loader writes run $1's articles; prints the run's two LOAD lines. Fails on any error.
run_load() {
  local run=$1 ports="${*:2}" cache=locmem
  if [ -n "${CACHE_URL:-}" ]; then
    cache=redis
    $PY -c 'import os, redis; redis.Redis.from_url(os.environ["CACHE_URL"]).flushdb()'
  fi
  for port in $ports; do start_node "$port"; done
  # A slow answer counts in the latency figures; an error is a failed or abandoned request (10 s).
  LOAD_PORTS="$ports" wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s tests/load/mix.lua \
    "http://127.0.0.1:${ports%% *}" >"$work/wrk-$run.txt" 2>"$work/wrk-errors-$run.txt" &
  local load=$! loader_status=0
  sleep 2
  $PY manage.py load_articles "$work/articles-$run.jsonl" >"$work/loader-$run.txt" 2>&1 || loader_status=$?
  wait "$load"

  local wrk="$work/wrk-$run.txt" requests rate p99 socket_errors bad_status locked nodes
  requests=$(awk '/requests in/ {print $1}' "$wrk")
  rate=$(awk '/Requests\/sec/ {print $2}' "$wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$wrk")
  # "Socket errors: connect 0, read 0, write 0, timeout 3" (absent when there were none)
  socket_errors=$(awk '/Socket errors/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) n += $i} END {print n + 0}' "$wrk")
  bad_status=$(grep -c '^status' "$work/wrk-errors-$run.txt" || true)
  locked=$(cat "$work"/server-*.log "$work/loader-$run.txt" | grep -ci 'database is locked' || true)
  nodes=$(echo $ports | wc -w)
  echo "LOAD requests db=$backend nodes=$nodes cache=$cache requests=$requests rps=$rate p99=$p99 errors=$((${socket_errors:-0} + bad_status)) locked=$locked"
  echo "LOAD loader db=$backend nodes=$nodes exit=$loader_status $(tail -n 1 "$work/loader-$run.txt")"
  if [ "${socket_errors:-0}" -ne 0 ] || [ "$bad_status" -ne 0 ] || [ "$locked" -ne 0 ] || [ "$loader_status" -ne 0 ]; then
    cat "$work/wrk-errors-$run.txt" "$work"/server-*.log | tail -n 20 >&2
    exit 1
  fi
}

run_load 1 "$PORT"
stop_servers
if [ "$NODES" -ge 2 ]; then
  run_load 2 "$PORT" "$((PORT + 1))"
  $PY tests/load/coherence.py "http://127.0.0.1:$PORT" "http://127.0.0.1:$((PORT + 1))"
fi
