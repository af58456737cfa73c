/* laotext: the default normalisation (laotext.normalize with no options) in C, for the text it
 * can decide; see _normcore.c. */
#ifndef LAOTEXT_NORMCORE_H
#define LAOTEXT_NORMCORE_H

#include "_buffer.h"

/* normalize(text) with the default options, for text[0..n).  Returns 1 with `out` (emptied first)
 * holding exactly laotext.normalize(text); 0 when this text is left to the Python normaliser
 * (`out` then holds nothing useful); -1 when out of memory.  No Python API: callable without the
 * GIL. */
int lao_normalize_default(const Py_UCS4 *text, Py_ssize_t n, UCS4Buffer *out);

/* _core._normalize_default(text: str) -> str | None: the above for tests (None for 0). */
PyObject *normcore_normalize_py(PyObject *module, PyObject *arg);

#endif /* LAOTEXT_NORMCORE_H */
