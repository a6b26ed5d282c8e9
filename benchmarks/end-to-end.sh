#!/usr/bin/env bash
# End-to-end timing of `linkage link` on a synthetic corpus (default: 50,000 children, about 52,500 references
# × 975,000 listings): wall time and peak memory from /usr/bin/time -v, then the evaluation against the truth.
#   benchmarks/end-to-end.sh                        # 50k children, blocked
#   CHILDREN=5000 LINK_ARGS=--exhaustive benchmarks/end-to-end.sh   # every pair compared (about 5×10^8)
# The corpus is generated once per size into $DIR and reused.
set -euo pipefail
CHILDREN=${CHILDREN:-50000}
DIR=${DIR:-/tmp/linkage-e2e-$CHILDREN}
LINK_ARGS=${LINK_ARGS:-}
cd "$(dirname "$0")/.."
dotnet build src/Linkage.Cli -c Release -v quiet -nologo
cli=(dotnet src/Linkage.Cli/bin/Release/net10.0/linkage.dll)
if [ ! -f "$DIR/listings.csv" ]; then
  "${cli[@]}" synth --out "$DIR" --children "$CHILDREN" > /dev/null
fi
wc -l "$DIR/references.csv" "$DIR/listings.csv"
rm -f "$DIR/e2e.db"
# shellcheck disable=SC2086
/usr/bin/time -v "${cli[@]}" link --references "$DIR/references.csv" --listings "$DIR/listings.csv" \
  --out "$DIR/matches.csv" --db "$DIR/e2e.db" $LINK_ARGS 2> "$DIR/time.txt"
grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$DIR/time.txt"
"${cli[@]}" evaluate --matches "$DIR/matches.csv" --truth "$DIR/truth.csv"
