#!/usr/bin/env bash
# Starts the Streamlit chat and opens it in the browser when there is a screen to open it on.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${RAG_PORT:-8501}
URL="http://localhost:$PORT"
echo "==> Chat at $URL  (Ctrl+C to stop)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
  (sleep 3 && .venv/bin/python -m webbrowser -t "$URL" >/dev/null 2>&1 || true) &
fi
exec .venv/bin/streamlit run app.py --server.port "$PORT" --server.headless true
