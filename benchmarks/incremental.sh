#!/usr/bin/env bash
# Incremental nightly linking on a synthetic corpus (default: 50,000 children, about 52,500 references × 975,000
# listings), three `linkage nightly` runs on one SQLite store, each under /usr/bin/time -v:
#   full      an empty store; the inbox holds the references and 98% of the listings (a full run);
#   delta     the inbox holds 1% new listings, as a source of their own (so no stored listing vanishes);
#   rescrape  the inbox holds the whole re-scrape: the same 98% unchanged plus another 1% new.
# Then the run rows (scope, counts, stage timings) as the store recorded them.
#   benchmarks/incremental.sh                      # 50k children
#   CHILDREN=2000 benchmarks/incremental.sh        # a quick check
#   ROUNDS=2 benchmarks/incremental.sh             # then alternate: per round three delta nights, one full night
# The corpus is generated once per size into $DIR and reused. A single pair of nights swings with the machine's
# speed; ROUNDS alternates the two kinds (each delta on a copy of the kept full store, each full night on a fresh
# store) and prints the delta's median as a share of the full nights' median.
set -euo pipefail
CHILDREN=${CHILDREN:-50000}
ROUNDS=${ROUNDS:-0}
DIR=${DIR:-/tmp/linkage-incremental-$CHILDREN}
cd "$(dirname "$0")/.."
dotnet build src/Linkage.Cli -c Release -v quiet -nologo
cli=(dotnet src/Linkage.Cli/bin/Release/net10.0/linkage.dll)
if [ ! -f "$DIR/listings.csv" ]; then
  "${cli[@]}" synth --out "$DIR" --children "$CHILDREN" > /dev/null
fi
python3 - "$DIR" <<'EOF'
import csv, sys
d = sys.argv[1]
with open(f"{d}/listings.csv", newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    source = header.index("source")
    out = {n: open(f"{d}/listings-{n}.csv", "w", newline="", encoding="utf-8") for n in ("base", "delta", "new")}
    writers = {n: csv.writer(o, lineterminator="\n") for n, o in out.items()}
    for w in writers.values():
        w.writerow(header)
    for i, row in enumerate(rows):
        if i % 100 == 37:
            row[source] += "-new"
            writers["delta"].writerow(row)
        elif i % 100 == 73:
            writers["new"].writerow(row)
        else:
            writers["base"].writerow(row)
    for o in out.values():
        o.close()
EOF
wc -l "$DIR/references.csv" "$DIR"/listings-{base,delta,new}.csv
rm -rf "$DIR/store.db" "$DIR/inbox"
mkdir -p "$DIR/inbox"
night() {
  local name=$1
  shift
  cp "$@" "$DIR/inbox/"
  sync
  echo "== $name: $(uptime)"
  /usr/bin/time -v "${cli[@]}" nightly --inbox "$DIR/inbox" --db "$DIR/store.db" > "$DIR/$name.log" 2> "$DIR/$name.time"
  grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$DIR/$name.time"
}
night full "$DIR/references.csv" "$DIR/listings-base.csv"
# Kept, so that later nights can be measured again on the same store: cp "$DIR/store-full.db" "$DIR/store.db".
cp "$DIR/store.db" "$DIR/store-full.db"
night delta "$DIR/listings-delta.csv"
# The same file names as the first night: a scraper writes the same export again.
cp "$DIR/listings-new.csv" "$DIR/listings-rescrape-new.csv"
night rescrape "$DIR/listings-base.csv" "$DIR/listings-rescrape-new.csv"
python3 - "$DIR/store.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("run scope       listings_read new  relinked pairs_scored kept skipped retired queued read_ms link_ms save_ms")
for row in db.execute("""SELECT run_id, link_scope, listings_read, listings_new, references_relinked, candidate_pairs,
        pairs_kept, pairs_skipped, pairs_retired, pairs_queued, read_ms, link_ms, save_ms FROM runs ORDER BY run_id"""):
    print(" ".join(str(v) for v in row))
EOF

[ "$ROUNDS" -gt 0 ] || exit 0
# Each night starts with the copies it was given written out: a night should not pay for the script's copy of a
# 1.9 GB store being flushed to disk while it runs.
seconds() {
  sync
  /usr/bin/time -f "%e" "${cli[@]}" nightly --inbox "$1" --db "$2" 2>&1 > /dev/null | tail -1
}
deltas=()
fulls=()
for round in $(seq "$ROUNDS"); do
  for _ in 1 2 3; do
    cp "$DIR/store-full.db" "$DIR/store.db"
    rm -rf "$DIR/inbox" && mkdir -p "$DIR/inbox" && cp "$DIR/listings-delta.csv" "$DIR/inbox/"
    deltas+=("$(seconds "$DIR/inbox" "$DIR/store.db")")
  done
  rm -rf "$DIR/full-store.db"* "$DIR/full-inbox" && mkdir -p "$DIR/full-inbox"
  cp "$DIR/references.csv" "$DIR/listings-base.csv" "$DIR/full-inbox/"
  fulls+=("$(seconds "$DIR/full-inbox" "$DIR/full-store.db")")
  echo "round $round: deltas ${deltas[*]: -3} s, full ${fulls[-1]} s"
done
python3 - "${deltas[*]}" "${fulls[*]}" <<'EOF'
import statistics, sys
deltas, fulls = ([float(v) for v in arg.split()] for arg in sys.argv[1:])
delta, full = statistics.median(deltas), statistics.median(fulls)
print(f"median delta {delta:.2f} s, median full {full:.1f} s: the delta is {100 * delta / full:.2f}% of the full night")
EOF
