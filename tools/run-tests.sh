#!/usr/bin/env bash
# Fresh machine -> lint, type checks and the whole test suite, on SQLite and on a
# throw-away PostgreSQL server started here (unless PESIAR_TEST_PG_URL is given).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tools/setup-system.sh
source tools/venv.sh
export QT_QPA_PLATFORM=offscreen

PGTMP=""
stop_pg() {
  if [ -n "$PGTMP" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
  fi
}
trap stop_pg EXIT
if [ -z "${PESIAR_TEST_PG_URL:-}" ]; then
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  PGTMP="$(mktemp -d /tmp/pesiar-pg.XXXXXX)"
  chown postgres "$PGTMP"
  PORT="${PESIAR_TEST_PG_PORT:-54329}"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/pg.log" -w \
    -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export PESIAR_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
fi

ruff check .
mypy
lint-imports  # the layers (pyproject.toml [tool.importlinter])
# Both backends, always: a lost server URL fails the run instead of skipping half the cases.
export PESIAR_TEST_REQUIRE_PG=1
WORKERS="${PESIAR_TEST_WORKERS:-auto}"  # pytest-xdist processes; each has its own databases

if [ $# -gt 0 ]; then  # a developer's selection: one run, as asked
  python -m pytest -n "$WORKERS" "$@"
  exit
fi

group() {  # group NAME pytest-args...: one timed pytest run
  local name="$1" start=$SECONDS
  shift
  echo "== $name"
  "$@"
  echo "== $name: $((SECONDS - start)) s"
}
# The suite, then the heavy group (SIGKILLed imports, the benchmarks), then the suite again
# on a machine whose clock says another date: no test may depend on the day it runs.
group "tests" python -m pytest -n "$WORKERS" -m "not heavy"
group "heavy tests" python -m pytest -n "$WORKERS" -m heavy
# Before the fixtures' dates (most are in late 2026), a year on, and years on.
for day in ${PESIAR_TEST_FAR_DATES:-2026-01-01 2027-03-01 2030-12-31}; do
  group "tests with the machine's date at $day" \
    env PYTHONPATH="$ROOT/tests/machine_date${PYTHONPATH:+:$PYTHONPATH}" PESIAR_TEST_MACHINE_DATE="$day" \
    python -m pytest -n "$WORKERS" -m "not heavy" -q \
    -W "ignore:Module already imported:pytest.PytestAssertRewriteWarning"  # time_machine, early
done
