#!/bin/sh
# Renders the consolidated CCHC report the router test makes to PDF with LibreOffice, and its
# page 1 to PNG, to look at: `sh scripts/render-report.sh [out-dir]` (default /tmp/noi-vu-report).
set -e
out="${1:-/tmp/noi-vu-report}"
mkdir -p "$out"
cd "$(dirname "$0")/.."
NOI_VU_DOCX_OUT="$out/bao-cao-cchc.docx" pnpm exec vitest run test/router.test.ts -t "the consolidated CCHC report" >/dev/null
soffice --headless --convert-to pdf --outdir "$out" "$out/bao-cao-cchc.docx" >/dev/null
pdftoppm -png -r 60 "$out/bao-cao-cchc.pdf" "$out/page"
ls "$out"
