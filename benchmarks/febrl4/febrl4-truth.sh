#!/bin/sh
# Writes the FEBRL4 truth CSV (reference_id,listing_id) to stdout: record rec-N-org of dataset4a is the same
# person as rec-N-dup-0 of dataset4b. Usage: febrl4-truth.sh path/to/dataset4a.csv > truth.csv
set -eu
echo "reference_id,listing_id"
awk -F', *' 'NR > 1 { id = $1; sub(/-org$/, "", id); print $1 "," id "-dup-0" }' "$1"
