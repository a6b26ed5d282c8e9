#!/usr/bin/env bash
# Accuracy of `linkage link` on the synthetic demo corpus, with the embedded knowledge and with the larger
# public tables loaded by path. Prints one line of figures per configuration (from `linkage evaluate --json`).
#   benchmarks/accuracy.sh [SHARED_DATA_DIR] [CHILDREN] [SEED]
# SHARED_DATA_DIR defaults to ../shared/data; configurations that need it are skipped when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
children=${2:-2000}
seed=${3:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/Linkage.Cli -c Release -v quiet -nologo >/dev/null
linkage() { dotnet run --project src/Linkage.Cli -c Release --no-build -- "$@"; }

linkage synth --out "$work/corpus" --children "$children" --seed "$seed" >/dev/null

run() {
  local name=$1; shift
  linkage link --references "$work/corpus/references.csv" --listings "$work/corpus/listings.csv" \
    --out "$work/$name.csv" --db "$work/$name.db" "$@" >/dev/null
  linkage evaluate --matches "$work/$name.csv" --truth "$work/corpus/truth.csv" --json "$work/$name.json" >/dev/null
  python3 benchmarks/report_line.py "$name" "$work/$name.json"
}

run embedded
names="$shared/reference/names"
if [ -d "$names" ]; then
  run names-translator \
    --given-dictionary "$names/names_translator_first_uk2ru.csv" \
    --patronymic-dictionary "$names/names_translator_patronymic_uk2ru.csv" \
    --surname-dictionary "$names/names_translator_last_uk2ru.csv"
fi
if [ -d "$shared/reference/gazetteer" ]; then
  run ocha-gazetteer --ocha "$shared/reference/gazetteer"
fi
