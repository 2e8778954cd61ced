#!/usr/bin/env bash
# Training images per second of Diehl & Cook's network, Brian2 C++ standalone against spikecore, one
# thread each, in one run (usage: spikecore-bench/peers/diehl_cook_speed.sh [SAMPLES] [NEURONS]).
# Brian2's compile time is not counted (its device timer covers the simulation loop only); ours is
# the training loop's wall time from results.json (normalisation and rate raises included).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
samples="${1:-200}"
neurons="${2:-100}"
cd "$root"
out="$(mktemp -d)"
brian=$(/usr/bin/python3 spikecore-bench/peers/diehl_cook_brian.py --data data/mnist --samples "$samples" --neurons "$neurons" \
  | sed -n 's/^RESULT //p')
./spikecore run diehl-cook --neurons "$neurons" --train-samples "$samples" --label-samples 10 --test-samples 10 \
  --theta-plus 64 --out "$out" > /dev/null
ours=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['train_images_per_second'])" "$out/results.json")
/usr/bin/python3 - "$brian" "$ours" <<'PY'
import json, sys
b = json.loads(sys.argv[1]); ours = float(sys.argv[2])
print(f"{b['samples']} training images, {b['neurons']} neurons: Brian2 cpp_standalone {b['images_per_s']:.2f} images/s, "
      f"spikecore {ours:.2f} images/s, ratio {ours / b['images_per_s']:.1f}x")
PY
rm -rf "$out"
