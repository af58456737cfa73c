/* laotext: a growable buffer of code points, shared by the C files of laotext._core.
 *
 * PyMem_Raw* only, so it may be used without the GIL.  Every function returns 0, or -1 when out
 * of memory (the buffer is then unchanged and still owned by the caller).
 */
#ifndef LAOTEXT_BUFFER_H
#define LAOTEXT_BUFFER_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    Py_UCS4 *items;
    Py_ssize_t length, capacity;
} UCS4Buffer;

/* Room for `extra` more code points after the current length. */
static inline int
ucs4_reserve(UCS4Buffer *buffer, Py_ssize_t extra)
{
    if (extra < 0 || buffer->length > PY_SSIZE_T_MAX - extra) {
        return -1;
    }
    Py_ssize_t needed = buffer->length + extra;
    if (needed <= buffer->capacity) {
        return 0;
    }
    Py_ssize_t capacity = buffer->capacity < 64 ? 64 : buffer->capacity;
    while (capacity < needed) {
        if (capacity > PY_SSIZE_T_MAX / 2) {
            return -1;
        }
        capacity *= 2;
    }
    if ((size_t)capacity > (size_t)PY_SSIZE_T_MAX / sizeof(Py_UCS4)) {
        return -1;
    }
    Py_UCS4 *grown = PyMem_RawRealloc(buffer->items, (size_t)capacity * sizeof(Py_UCS4));
    if (grown == NULL) {
        return -1;
    }
    buffer->items = grown;
    buffer->capacity = capacity;
    return 0;
}

static inline int
ucs4_push(UCS4Buffer *buffer, Py_UCS4 c)
{
    if (buffer->length == buffer->capacity && ucs4_reserve(buffer, 1) < 0) {
        return -1;
    }
    buffer->items[buffer->length++] = c;
    return 0;
}

static inline int
ucs4_extend(UCS4Buffer *buffer, const Py_UCS4 *chars, Py_ssize_t count)
{
    if (ucs4_reserve(buffer, count) < 0) {
        return -1;
    }
    if (count > 0) {
        memcpy(buffer->items + buffer->length, chars, (size_t)count * sizeof(Py_UCS4));
    }
    buffer->length += count;
    return 0;
}

static inline void
ucs4_free(UCS4Buffer *buffer)
{
    PyMem_RawFree(buffer->items);
    buffer->items = NULL;
    buffer->length = buffer->capacity = 0;
}

#endif /* LAOTEXT_BUFFER_H */
