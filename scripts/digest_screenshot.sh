#!/usr/bin/env bash
# Render the next digest (preview: nothing is sent or recorded) and photograph its HTML part
# in headless Chromium, to check how the mail looks in a real browser engine.
#
# Usage: scripts/digest_screenshot.sh CONFIG.toml [OUT.png]   (default OUT: digest.png)
# Needs: chromium (Debian: apt-get install -y chromium).
set -euo pipefail

config="${1:?usage: $0 CONFIG.toml [OUT.png]}"
out="$(realpath -m "${2:-digest.png}")"
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium not found (apt-get install -y chromium)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m monitor --config "$config" digest --preview --out "$work/digest.html"

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$work/profile" --screenshot="$out" --window-size=900,1400 \
  "file://$work/digest.html" >/dev/null 2>&1
[ -s "$out" ] || { echo "no screenshot was written" >&2; exit 1; }
echo "wrote $out"
