#!/usr/bin/env bash
# Run one fuzz entry point against an AddressSanitizer + UBSan build of laotext._core (laotext/_*.c).
#
#   fuzz/run.sh scanner|segmenter|context|normalizer|syllables|romanizer [SECONDS] [options]
#
# Builds the extension into a throwaway copy of the package (the developer's build is untouched),
# preloads the sanitizer runtimes, and fuzzes for SECONDS (default 600).  Crashing inputs are written
# to fuzz/artifacts/; the corpus grows in fuzz/corpus/<entry>/ (both ignored by git).
set -euo pipefail
ENTRY="${1:?usage: fuzz/run.sh ENTRY (see fuzz/README.md) [SECONDS] [libFuzzer options]}"
SECONDS_TO_RUN="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/../venv/bin/python}"
[[ -x "$PYTHON" ]] || PYTHON=python3
CC="${CC:-gcc}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/laotext-fuzz.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/laotext"
(cd "$ROOT/laotext" && tar --exclude='*.so' --exclude='__pycache__' -cf - .) | (cd "$WORK/laotext" && tar -xf -)
cp -r "$ROOT/data" "$WORK/laotext/data"
INCLUDE="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
SUFFIX="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
"$CC" -shared -fPIC -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
    -fno-sanitize-recover=undefined -I"$INCLUDE" "$ROOT"/laotext/_*.c -o "$WORK/laotext/_core$SUFFIX"

mkdir -p "$ROOT/fuzz/artifacts" "$ROOT/fuzz/corpus/$ENTRY"
export PYTHONPATH="$WORK"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
LD_PRELOAD="$("$CC" -print-file-name=libasan.so):$("$CC" -print-file-name=libubsan.so)" \
    "$PYTHON" "$ROOT/fuzz/fuzz_core.py" "$ENTRY" -max_total_time="$SECONDS_TO_RUN" \
    -max_len=2048 -len_control=20 -print_final_stats=1 \
    -artifact_prefix="$ROOT/fuzz/artifacts/$ENTRY-" "$@" "$ROOT/fuzz/corpus/$ENTRY"
