#!/usr/bin/env bash
# Creates the project-local Python venv .venv/ that the Keras and ONNX tests run (Keras, ONNX
# Runtime, h5py), from the exact pins in requirements.txt. Does nothing when .venv/ already holds them.
set -euo pipefail
cd "$(dirname "$0")/../.."
requirements=test/python/requirements.txt
if [ -x .venv/bin/python ] && cmp -s "$requirements" .venv/requirements.txt; then
  exit 0
fi
rm -rf .venv
python3 -m venv .venv
# pip's configured package indexes (a space-separated list) replace the default index, which this
# network does not reach; elsewhere pip's own default is used.
read -r -a indexes <<< "$(pip config get global.extra-index-url 2>/dev/null || true)"
index_args=()
if [ "${#indexes[@]}" -gt 0 ]; then
  index_args+=(--index-url "${indexes[0]}")
  for extra in "${indexes[@]:1}"; do index_args+=(--extra-index-url "$extra"); done
fi
.venv/bin/pip install -qq --disable-pip-version-check --no-deps "${index_args[@]}" -r "$requirements"
.venv/bin/pip check
cp "$requirements" .venv/requirements.txt
