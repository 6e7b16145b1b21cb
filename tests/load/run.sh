#!/usr/bin/env bash
# Load test: gunicorn (2 workers) serves the benchmark dataset on 127.0.0.1 while wrk sends a mix of
# timeline, filter and event requests (mix.lua) for 30 s over 16 connections, and load_articles
# writes a batch of news articles into the same database meanwhile.
#
#   make loadtest                          # SQLite: var/bench.sqlite3 (as make bench)
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/timeline_bench make loadtest
#
# make prepares the dataset first (make bench-data: created once, reused after).
#
# Prints one LOAD line for the requests and one for the loader; exits non-zero on any failed
# request, any failed article or any "database is locked".
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
PORT=${LOAD_PORT:-8100}
DURATION=${LOAD_DURATION:-30s}
CORPUS=${LOAD_CORPUS:-../shared/corpora/tbaq}
export DJANGO_SETTINGS_MODULE=timeline.settings.production DJANGO_SECRET_KEY=load-test-only DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0
export DATABASE_URL=${BENCH_DATABASE_URL:-sqlite:///$PWD/var/bench.sqlite3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The news articles of the TimeML corpus as JSON Lines, each text marked with this run so that every
# run writes new sources (copies of the last run's) instead of finding them unchanged.
$PY - "$CORPUS" "$work/articles.jsonl" <<'PYEOF'
import json, sys, uuid
from timeline.ingest.timeml import iter_timeml, read_timeml

corpus, out = sys.argv[1:]
run = uuid.uuid4().hex
with open(out, "w", encoding="utf-8") as lines:
    for path in iter_timeml(corpus):
        doc = read_timeml(path)
        text = f"{doc.text}\n\nLoad test copy {run}."
        record = {"title": doc.title or doc.doc_id, "text": text}
        if doc.dct:
            record["published"] = doc.dct.isoformat()
        lines.write(json.dumps(record) + "\n")
PYEOF

.venv/bin/gunicorn timeline.wsgi -w 2 -b "127.0.0.1:$PORT" --access-logfile /dev/null \
  --error-logfile "$work/server.log" &
server=$!
$PY - "$PORT" <<'PYEOF'
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

# A slow answer counts in the latency figures; an error is a failed or abandoned request (10 s).
wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s tests/load/mix.lua "http://127.0.0.1:$PORT" \
  >"$work/wrk.txt" 2>"$work/wrk-errors.txt" &
load=$!
sleep 2
loader_status=0
$PY manage.py load_articles "$work/articles.jsonl" >"$work/loader.txt" 2>&1 || loader_status=$?
wait "$load"

requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
# "Socket errors: connect 0, read 0, write 0, timeout 3" (absent when there were none)
socket_errors=$(awk '/Socket errors/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) n += $i} END {print n + 0}' \
  "$work/wrk.txt")
bad_status=$(grep -c '^status' "$work/wrk-errors.txt" || true)
locked=$(cat "$work/server.log" "$work/loader.txt" | grep -ci 'database is locked' || true)
backend=${DATABASE_URL%%:*}
echo "LOAD requests db=$backend requests=$requests rps=$rate p99=$p99 errors=$((${socket_errors:-0} + bad_status)) locked=$locked"
echo "LOAD loader db=$backend exit=$loader_status $(tail -n 1 "$work/loader.txt")"
if [ "${socket_errors:-0}" -ne 0 ] || [ "$bad_status" -ne 0 ] || [ "$locked" -ne 0 ] || [ "$loader_status" -ne 0 ]; then
  cat "$work/wrk-errors.txt" "$work/server.log" | tail -n 20 >&2
  exit 1
fi
