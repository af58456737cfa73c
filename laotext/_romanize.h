/* laotext: romanize() for whole lines in C (laotext/romanize/text.py's fast path); see
 * _romanize.c. */
#ifndef LAOTEXT_ROMANIZE_H
#define LAOTEXT_ROMANIZE_H

#include "_buffer.h"

/* _core.Romanizer(segmenter, speller, fallback, symbols, errors) */
extern PyTypeObject RomanizerType;

/* Steps 1-5 of the segmenter (laotext._core.Segmenter) for `str`: the token ends appended to
 * ends[0..*count) (grown with PyMem_Raw*).  0, or -1 with an exception set.  Defined in
 * _core.c. */
int core_segment_ends(PyObject *segmenter, PyObject *str, int64_t **ends, Py_ssize_t *count,
                      Py_ssize_t *capacity);
extern PyTypeObject SegmenterType;

#endif /* LAOTEXT_ROMANIZE_H */
