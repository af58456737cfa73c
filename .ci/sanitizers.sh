#!/usr/bin/env bash
# Build laotext/_core.c with AddressSanitizer + UndefinedBehaviorSanitizer into a throwaway copy of
# the package and run the compiled-core, syllable and segmenter tests against it.
#
#   .ci/sanitizers.sh [PYTHON]       (default: the project's venv python, else python3)
#
# The copy lives in a temporary directory, so the developer's in-place build is untouched.  CPython
# itself is not built with ASan, so the sanitizer runtimes are preloaded and leak detection is off
# (the interpreter keeps memory alive at exit on purpose).  Any sanitizer report fails the run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${1:-}"
if [[ -z "$PYTHON" ]]; then
    if [[ -x "$ROOT/../venv/bin/python" ]]; then PYTHON="$ROOT/../venv/bin/python"; else PYTHON=python3; fi
fi
CC="${CC:-gcc}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/laotext-sanitizers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A copy of the package (without any built extension) and of its data package.
mkdir -p "$WORK/laotext"
(cd "$ROOT/laotext" && tar --exclude='*.so' --exclude='*.pyd' --exclude='__pycache__' -cf - .) \
    | (cd "$WORK/laotext" && tar -xf -)
rm -rf "$WORK/laotext/data"
cp -r "$ROOT/data" "$WORK/laotext/data"

INCLUDE="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
SUFFIX="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
"$CC" -shared -fPIC -O1 -g -fno-omit-frame-pointer \
    -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers \
    -I"$INCLUDE" "$ROOT"/laotext/_*.c -o "$WORK/laotext/_core$SUFFIX"

PRELOAD="$("$CC" -print-file-name=libasan.so):$("$CC" -print-file-name=libubsan.so)"
TESTS=("$ROOT/tests/test_core.py")
for extra in test_syllables.py test_segment.py test_speller_core.py test_normcore.py test_romanize_core.py; do
    [[ -f "$ROOT/tests/$extra" ]] && TESTS+=("$ROOT/tests/$extra")
done

# The tests stay where they are (they find ../shared/data from there); the package comes from the
# copy, which test_core.py checks through LAOTEXT_EXPECT_CORE_IN.
cd "$WORK"
export PYTHONPATH="$WORK" LAOTEXT_REQUIRE_CORE=1 LAOTEXT_EXPECT_CORE_IN="$WORK" PYTHONMALLOC=malloc
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
LD_PRELOAD="$PRELOAD" "$PYTHON" -c \
    'import laotext._core as c, sys; assert c.__file__.startswith(sys.argv[1]), c.__file__' "$WORK"
LD_PRELOAD="$PRELOAD" "$PYTHON" -m pytest -q -p no:cacheprovider -o addopts="" --rootdir="$ROOT" \
    -rs "${TESTS[@]}"
echo "sanitizers: no findings"
