#!/usr/bin/env bash
# What the domain knowledge is worth: a generic linker's comparisons and blocking (raw-string Jaro-Winkler,
# the date as a string, blocking on raw values) against the shipped engine, every model trained on the same
# labelled corpus (seed 7) and evaluated on the demo corpus (seed 1).
#   benchmarks/ablation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Linkage.Cli -c Release -v quiet -nologo >/dev/null
linkage() { dotnet run --project src/Linkage.Cli -c Release --no-build -- "$@"; }

linkage synth --out "$work/train" --children 5000 --seed 7 >/dev/null
linkage synth --out "$work/demo" --children 2000 --seed 1 >/dev/null
for start in generic generic-comparisons; do
  linkage train --references "$work/train/references.csv" --listings "$work/train/listings.csv" \
    --truth "$work/train/truth.csv" --model "benchmarks/baselines/$start-start.json" --name "$start" \
    --out "$work/$start.json" >/dev/null
done

for model in generic generic-comparisons default; do
  option=()
  [ "$model" = default ] || option=(--model "$work/$model.json")
  linkage link --references "$work/demo/references.csv" --listings "$work/demo/listings.csv" \
    --out "$work/$model.csv" --db "$work/$model.db" "${option[@]}" >/dev/null
  linkage evaluate --matches "$work/$model.csv" --truth "$work/demo/truth.csv" --json "$work/$model.report.json" >/dev/null
  python3 benchmarks/report_line.py "$model" "$work/$model.report.json"
done
