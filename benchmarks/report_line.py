"""One line of figures from a `linkage evaluate --json` report: report_line.py NAME REPORT.json"""
import json
import sys

name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
m, mr, b = r["at_match"], r["at_match_or_review"], r["best_f1"]
print(f'{name:<24} P {m["precision"]:.3f}  R {m["recall"]:.3f}  F1 {m["f1"]:.3f} | '
      f'match+review R {mr["recall"]:.3f} | best F1 {b["figures"]["f1"]:.3f} @ {b["threshold"]:.3f} | '
      f'AP {r["average_precision"]:.3f} | hit@1 {r["recall_at1"]["hit_rate"]:.3f} hit@10 {r["recall_at10"]["hit_rate"]:.3f} | '
      f'true pairs in output {r["true_pairs_found"]}/{r["true_pairs"]}')
