/* laotext._core.Romanizer: romanize() of one line in C, the fast path of
 * laotext/romanize/text.py (_Romanizer.__call__ and _run).  It must give exactly what the Python
 * path gives, or decline (return None) and leave the line to it.
 *
 * The steps, as in text.py:
 *
 *   1. a text without Lao is returned as it is;
 *   2. normalise the line (lao_normalize_default, _normcore.c; what it leaves undecided, the
 *      Python normalize() given to the constructor);
 *   3. cut it into Lao runs (U+0E80..U+0EFF) and the text between them, which is kept;
 *   4. cut each run at the special parts (_SPLIT_SPECIAL: Lao digits, ຯລຯ, ຯ, ໆ); the other parts
 *      are words, segmented together in one call to the segmenter, joined by "\n" as _tokens()
 *      joins them (no rule and no word reaches across it);
 *   5. in each part, join adjacent vowel-less tokens (_merge_abbreviations) and spell each token
 *      (the C speller, _speller.c, or the Python speller `fallback` for what C leaves to it);
 *      Lao digits become ASCII digits, ຯ and ຯລຯ the system's symbols, ໆ the last word before it;
 *   6. the spellings of a run are joined by single spaces, empty ones left out.
 *
 * Declining is always safe: the caller then runs the Python path.  This file declines on what the
 * Python path turns into an error or a replacement character (ໆ with no word before it), on a
 * re-entrant call (the segmenter and the fallback may release the GIL), and when the fallback
 * raises (the Python path raises the same error from the same word).
 *
 * A word cache (token -> spelling, vowel-less flag) holds the spellings of the words met before,
 * in one pool of code points; it is emptied when full, so memory stays bounded on any input.
 */

#include "_romanize.h"

#include <stdint.h>

#include "_normcore.h"
#include "_speller.h"

#define REPEAT 0x0EC6   /* ໆ */
#define ELLIPSIS 0x0EAF /* ຯ */
#define LO 0x0EA5       /* ລ, the middle of ຯລຯ */
#define SEPARATOR 0x000A /* "\n", text.py's _SEP */

static int
is_lao(Py_UCS4 c)
{
    return c >= 0x0E80 && c <= 0x0EFF;
}

static int
is_lao_digit(Py_UCS4 c)
{
    return c >= 0x0ED0 && c <= 0x0ED9;
}

/* ------------------------------------------------------------------------------------------ */
/* The word cache: open addressing on the token's hash, keys and values in one pool.           */
/* ------------------------------------------------------------------------------------------ */

#define MAX_CACHED_WORDS (1 << 17)    /* text.py's _WORD_CACHE_SIZE */
#define MAX_POOL_CHARS (1 << 23)      /* code points of keys and values kept */

typedef struct {
    uint64_t hash;
    Py_ssize_t key, key_length;     /* offsets into the pool; key_length 0 marks a free slot */
    Py_ssize_t value, value_length;
    int vowel_less;
} WordEntry;

typedef struct {
    WordEntry *slots;
    Py_ssize_t capacity, count; /* capacity: a power of 2, at least twice count */
    UCS4Buffer pool;
} WordCache;

static uint64_t
hash_chars(const Py_UCS4 *chars, Py_ssize_t n)
{
    uint64_t hash = 14695981039346656037ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < n; i++) {
        hash = (hash ^ chars[i]) * 1099511628211ULL;
    }
    return hash;
}

static void
cache_free(WordCache *cache)
{
    PyMem_RawFree(cache->slots);
    cache->slots = NULL;
    cache->capacity = cache->count = 0;
    ucs4_free(&cache->pool);
}

/* The entry of w[0..n), or NULL. */
static const WordEntry *
cache_find(const WordCache *cache, const Py_UCS4 *w, Py_ssize_t n, uint64_t hash)
{
    if (cache->capacity == 0) {
        return NULL;
    }
    size_t mask = (size_t)cache->capacity - 1;
    for (size_t i = (size_t)hash & mask; cache->slots[i].key_length != 0; i = (i + 1) & mask) {
        const WordEntry *entry = &cache->slots[i];
        if (entry->hash == hash && entry->key_length == n
            && memcmp(cache->pool.items + entry->key, w, (size_t)n * sizeof(Py_UCS4)) == 0) {
            return entry;
        }
    }
    return NULL;
}

static void
slot_put(WordEntry *slots, Py_ssize_t capacity, const WordEntry *entry)
{
    size_t mask = (size_t)capacity - 1;
    size_t i = (size_t)entry->hash & mask;
    while (slots[i].key_length != 0) {
        i = (i + 1) & mask;
    }
    slots[i] = *entry;
}

/* Room for one more entry at most half full, emptying the cache when it is full; 0 or -1. */
static int
cache_make_room(WordCache *cache, Py_ssize_t chars)
{
    if (cache->count >= MAX_CACHED_WORDS || cache->pool.length + chars > MAX_POOL_CHARS) {
        memset(cache->slots, 0, (size_t)cache->capacity * sizeof(WordEntry));
        cache->count = 0;
        cache->pool.length = 0;
    }
    if ((cache->count + 1) * 2 > cache->capacity) {
        Py_ssize_t capacity = cache->capacity < 1024 ? 1024 : cache->capacity * 2;
        WordEntry *slots = PyMem_RawCalloc((size_t)capacity, sizeof(WordEntry));
        if (slots == NULL) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < cache->capacity; i++) {
            if (cache->slots[i].key_length != 0) {
                slot_put(slots, capacity, &cache->slots[i]);
            }
        }
        PyMem_RawFree(cache->slots);
        cache->slots = slots;
        cache->capacity = capacity;
    }
    return ucs4_reserve(&cache->pool, chars);
}

/* Keep w[0..n) -> value[0..m); the new entry, or NULL when out of memory.  `value` must not
 * point into the pool (it may move). */
static const WordEntry *
cache_add(WordCache *cache, const Py_UCS4 *w, Py_ssize_t n, uint64_t hash, const Py_UCS4 *value,
          Py_ssize_t m, int vowel_less)
{
    if (cache_make_room(cache, n + m) < 0) {
        return NULL;
    }
    WordEntry entry = {hash, cache->pool.length, n, cache->pool.length + n, m, vowel_less};
    ucs4_extend(&cache->pool, w, n); /* cannot fail: reserved above */
    ucs4_extend(&cache->pool, value, m);
    slot_put(cache->slots, cache->capacity, &entry);
    cache->count++;
    return cache_find(cache, w, n, hash);
}

/* ------------------------------------------------------------------------------------------ */
/* The Romanizer object                                                                        */
/* ------------------------------------------------------------------------------------------ */

/* A part of a Lao run (step 4): a special part, or a word part with its tokens. */
typedef struct {
    Py_ssize_t start, end; /* in norm */
    int special;           /* REPEAT, ELLIPSIS, LO (ຯລຯ), '0' (digits) or 0 for words */
} Part;

typedef struct {
    Part *items;
    Py_ssize_t count, capacity;
} Parts;

typedef struct {
    PyObject_HEAD
    PyObject *segmenter;   /* a _core.Segmenter, or None: each word part is one word */
    PyObject *speller;     /* a _core.WordSpeller */
    PyObject *fallback;    /* word -> (spelling, vowel-less): the Python speller */
    PyObject *normalize;   /* normalize() for the lines the C normaliser leaves to it, or None */
    UCS4Buffer ellipsis;   /* the spelling of ຯ */
    UCS4Buffer etc;        /* the spelling of ຯລຯ */
    WordCache cache;
    int busy;              /* a call is running (re-entrant calls decline) */
    /* Per call, kept to save allocations: */
    UCS4Buffer input, norm, out, joined, spelled, last_word;
    Parts parts;
    Py_ssize_t *bounds; /* the token bounds of one word part */
    Py_ssize_t bounds_capacity;
    int64_t *ends;
    Py_ssize_t ends_count, ends_capacity;
} RomanizerObject;

static int
parts_push(Parts *parts, Py_ssize_t start, Py_ssize_t end, int special)
{
    if (parts->count == parts->capacity) {
        Py_ssize_t capacity = parts->capacity < 16 ? 16 : parts->capacity * 2;
        Part *grown = PyMem_RawRealloc(parts->items, (size_t)capacity * sizeof(Part));
        if (grown == NULL) {
            return -1;
        }
        parts->items = grown;
        parts->capacity = capacity;
    }
    Part part = {start, end, special};
    parts->items[parts->count++] = part;
    return 0;
}

/* Step 4: the parts of the Lao run norm[start..end), as re.split(_SPLIT_SPECIAL) cuts it (empty
 * word parts left out).  The alternatives are tried in the pattern's order at each position. */
static int
split_special(const Py_UCS4 *s, Py_ssize_t start, Py_ssize_t end, Parts *parts)
{
    Py_ssize_t word_start = start, i = start;
    while (i < end) {
        Py_ssize_t special_end = i;
        int kind = 0;
        if (is_lao_digit(s[i])) {
            special_end = i + 1;
            while (special_end < end && is_lao_digit(s[special_end])) {
                special_end++;
            }
            kind = '0';
        }
        else if (s[i] == ELLIPSIS && i + 2 < end && s[i + 1] == LO && s[i + 2] == ELLIPSIS) {
            special_end = i + 3;
            kind = LO;
        }
        else if (s[i] == ELLIPSIS || s[i] == REPEAT) {
            special_end = i + 1;
            kind = (int)s[i];
        }
        if (kind == 0) {
            i++;
            continue;
        }
        if (word_start < i && parts_push(parts, word_start, i, 0) < 0) {
            return -1;
        }
        if (parts_push(parts, i, special_end, kind) < 0) {
            return -1;
        }
        i = word_start = special_end;
    }
    if (word_start < end && parts_push(parts, word_start, end, 0) < 0) {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Spelling one token (step 5)                                                                 */
/* ------------------------------------------------------------------------------------------ */

#define DECLINE 0
#define SPELLED 1
#define FAILED (-1) /* an exception is set */

/* Ask the Python speller for w[0..n): its spelling into self->spelled and whether the token is
 * vowel-less.  SPELLED, DECLINE (it raised: the Python path raises it again) or FAILED. */
static int
ask_fallback(RomanizerObject *self, const Py_UCS4 *w, Py_ssize_t n, int *vowel_less)
{
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w, n);
    if (word == NULL) {
        return FAILED;
    }
    PyObject *result = PyObject_CallOneArg(self->fallback, word);
    Py_DECREF(word);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_MemoryError)) {
            return FAILED;
        }
        PyErr_Clear();
        return DECLINE;
    }
    PyObject *spelling;
    int status = FAILED;
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 2
        || !PyUnicode_Check(spelling = PyTuple_GET_ITEM(result, 0))) {
        PyErr_SetString(PyExc_TypeError, "the fallback must return (str, bool)");
    }
    else if ((*vowel_less = PyObject_IsTrue(PyTuple_GET_ITEM(result, 1))) >= 0) {
        Py_ssize_t m = PyUnicode_GET_LENGTH(spelling);
        self->spelled.length = 0;
        if (ucs4_reserve(&self->spelled, m) < 0) {
            PyErr_NoMemory();
        }
        else if (PyUnicode_AsUCS4(spelling, self->spelled.items, m, 0) != NULL || m == 0) {
            self->spelled.length = m;
            status = SPELLED;
        }
    }
    Py_DECREF(result);
    return status;
}

/* The cache entry of the token w[0..n), spelled now if it is new; *entry set when SPELLED. */
static int
spell_token(RomanizerObject *self, const Py_UCS4 *w, Py_ssize_t n, const WordEntry **entry)
{
    uint64_t hash = hash_chars(w, n);
    *entry = cache_find(&self->cache, w, n, hash);
    if (*entry != NULL) {
        return SPELLED;
    }
    self->spelled.length = 0;
    int vowel_less = 0;
    int status = lao_spell_word((const WordSpellerObject *)self->speller, w, n, &self->spelled,
                                &vowel_less);
    if (status < 0) {
        PyErr_NoMemory();
        return FAILED;
    }
    if (status == 0) { /* left to Python, which raises: errors="strict" and a stray piece */
        status = ask_fallback(self, w, n, &vowel_less);
        if (status != SPELLED) {
            return status;
        }
    }
    *entry = cache_add(&self->cache, w, n, hash, self->spelled.items, self->spelled.length,
                       vowel_less);
    if (*entry == NULL) {
        PyErr_NoMemory();
        return FAILED;
    }
    return SPELLED;
}

/* Append " " (unless at the start of the run's output) and the spelling; empty ones are left
 * out, as " ".join([w for w in out if w]). */
static int
emit(UCS4Buffer *out, Py_ssize_t run_start, const Py_UCS4 *chars, Py_ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    if (out->length > run_start && ucs4_push(out, ' ') < 0) {
        return -1;
    }
    return ucs4_extend(out, chars, n);
}

/* Step 5 for the tokens of one word part: norm[bounds[k - 1]..bounds[k]) for k in [1, count].
 * Adjacent vowel-less tokens are spelled as one (_merge_abbreviations).  The last spelling goes
 * to self->last_word (what ໆ repeats). */
static int
emit_words(RomanizerObject *self, const Py_ssize_t *bounds, Py_ssize_t count,
           Py_ssize_t run_start)
{
    const Py_UCS4 *s = self->norm.items;
    Py_ssize_t k = 0;
    while (k < count) {
        Py_ssize_t start = bounds[k], end = bounds[k + 1];
        const WordEntry *entry;
        int status = spell_token(self, s + start, end - start, &entry);
        if (status != SPELLED) {
            return status;
        }
        k++;
        if (entry->vowel_less) { /* join the vowel-less tokens that follow it */
            while (k < count) {
                const WordEntry *next;
                status = spell_token(self, s + bounds[k], bounds[k + 1] - bounds[k], &next);
                if (status != SPELLED) {
                    return status;
                }
                if (!next->vowel_less) {
                    break;
                }
                end = bounds[k + 1];
                k++;
            }
            /* Adding entries may have moved or emptied the cache: look the token up again. */
            status = spell_token(self, s + start, end - start, &entry);
            if (status != SPELLED) {
                return status;
            }
        }
        const Py_UCS4 *value = self->cache.pool.items + entry->value;
        self->last_word.length = 0;
        if (ucs4_extend(&self->last_word, value, entry->value_length) < 0
            || emit(&self->out, run_start, value, entry->value_length) < 0) {
            PyErr_NoMemory();
            return FAILED;
        }
    }
    return SPELLED;
}

/* ------------------------------------------------------------------------------------------ */
/* One line (steps 1-6)                                                                        */
/* ------------------------------------------------------------------------------------------ */

/* Step 4, second half: the word parts of the line joined by "\n" into self->joined and cut by
 * the segmenter at once; self->ends holds the token ends in `joined`.  SPELLED or FAILED. */
static int
segment_word_parts(RomanizerObject *self, const Parts *parts)
{
    self->joined.length = 0;
    self->ends_count = 0;
    int first = 1;
    for (Py_ssize_t p = 0; p < parts->count; p++) {
        const Part *part = &parts->items[p];
        if (part->special) {
            continue;
        }
        if ((!first && ucs4_push(&self->joined, SEPARATOR) < 0)
            || ucs4_extend(&self->joined, self->norm.items + part->start,
                           part->end - part->start) < 0) {
            PyErr_NoMemory();
            return FAILED;
        }
        first = 0;
    }
    if (first || self->segmenter == Py_None) {
        return SPELLED;
    }
    PyObject *joined = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->joined.items,
                                                 self->joined.length);
    if (joined == NULL) {
        return FAILED;
    }
    int status = core_segment_ends(self->segmenter, joined, &self->ends, &self->ends_count,
                                   &self->ends_capacity);
    Py_DECREF(joined);
    return status < 0 ? FAILED : SPELLED;
}

/* The token bounds of the word part norm[start..end), whose text starts at *joined_at in
 * `joined`, into `bounds` (count + 1 values from start to end); *next_end: the index of the first
 * token end after the part and its separator.  SPELLED, or DECLINE if the segmenter's tokens do
 * not fall on the part's edges (they always should: "\n" is a token of its own). */
static int
part_bounds(const RomanizerObject *self, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *joined_at,
            Py_ssize_t *next_end, Py_ssize_t *bounds, Py_ssize_t *count)
{
    Py_ssize_t offset = start - *joined_at, stop = *joined_at + (end - start);
    bounds[0] = start;
    *count = 0;
    if (self->segmenter == Py_None) {
        bounds[++*count] = end;
        *joined_at = stop + 1;
        return SPELLED;
    }
    Py_ssize_t e = *next_end;
    while (e < self->ends_count && self->ends[e] < stop) {
        if (self->ends[e] <= *joined_at + (bounds[*count] - start)) {
            return DECLINE;
        }
        bounds[++*count] = (Py_ssize_t)self->ends[e] + offset;
        e++;
    }
    if (e >= self->ends_count || self->ends[e] != stop) {
        return DECLINE;
    }
    bounds[++*count] = end;
    e++;
    if (e < self->ends_count) { /* the separator's own token */
        if (self->ends[e] != stop + 1) {
            return DECLINE;
        }
        e++;
    }
    *next_end = e;
    *joined_at = stop + 1;
    return SPELLED;
}

/* Steps 5 and 6 for a special part (Lao digits, ຯ, ຯລຯ, ໆ).  DECLINE for ໆ with no word
 * before it (the Python path replaces it or raises, as `errors` says). */
static int
emit_special(RomanizerObject *self, const Part *part, Py_ssize_t run_start)
{
    int status = 0;
    if (part->special == '0') { /* one number: Lao digits to ASCII digits */
        self->spelled.length = 0;
        for (Py_ssize_t k = part->start; k < part->end && status == 0; k++) {
            status = ucs4_push(&self->spelled, '0' + (self->norm.items[k] - 0x0ED0));
        }
        if (status == 0) {
            status = emit(&self->out, run_start, self->spelled.items, self->spelled.length);
        }
    }
    else if (part->special == LO) {
        status = emit(&self->out, run_start, self->etc.items, self->etc.length);
    }
    else if (part->special == ELLIPSIS) {
        status = emit(&self->out, run_start, self->ellipsis.items, self->ellipsis.length);
    }
    else {
        if (self->last_word.length == 0) {
            return DECLINE;
        }
        status = emit(&self->out, run_start, self->last_word.items, self->last_word.length);
    }
    if (status < 0) {
        PyErr_NoMemory();
        return FAILED;
    }
    return SPELLED;
}

/* Steps 3-6 on self->norm: the romanised line in self->out. */
static int
romanize_normalized(RomanizerObject *self)
{
    Parts *parts = &self->parts;
    const Py_UCS4 *s = self->norm.items;
    Py_ssize_t n = self->norm.length, longest = 0;
    for (Py_ssize_t i = 0; i < n;) { /* step 3 and the cuts of step 4 */
        if (!is_lao(s[i])) {
            i++;
            continue;
        }
        Py_ssize_t run_end = i;
        while (run_end < n && is_lao(s[run_end])) {
            run_end++;
        }
        if (split_special(s, i, run_end, parts) < 0) {
            PyErr_NoMemory();
            return FAILED;
        }
        longest = run_end - i > longest ? run_end - i : longest;
        i = run_end;
    }
    if (self->bounds_capacity < longest + 2) { /* a part has at most one token a character */
        size_t size = (size_t)(longest + 2) * sizeof(Py_ssize_t);
        Py_ssize_t *grown = PyMem_RawRealloc(self->bounds, size);
        if (grown == NULL) {
            PyErr_NoMemory();
            return FAILED;
        }
        self->bounds = grown;
        self->bounds_capacity = longest + 2;
    }
    int status = segment_word_parts(self, parts);
    self->out.length = 0;
    self->last_word.length = 0;
    Py_ssize_t p = 0, joined_at = 0, next_end = 0;
    for (Py_ssize_t i = 0; i < n && status == SPELLED;) {
        if (!is_lao(s[i])) {
            if (ucs4_push(&self->out, s[i]) < 0) {
                PyErr_NoMemory();
                return FAILED;
            }
            i++;
            continue;
        }
        Py_ssize_t run_end = i, run_start = self->out.length;
        while (run_end < n && is_lao(s[run_end])) {
            run_end++;
        }
        /* The parts of this run: they cover it, in order. */
        for (; p < parts->count && parts->items[p].start < run_end && status == SPELLED; p++) {
            const Part *part = &parts->items[p];
            if (part->special) {
                status = emit_special(self, part, run_start);
            }
            else {
                Py_ssize_t count;
                status = part_bounds(self, part->start, part->end, &joined_at, &next_end,
                                     self->bounds, &count);
                if (status == SPELLED) {
                    status = emit_words(self, self->bounds, count, run_start);
                }
            }
        }
        i = run_end;
    }
    return status;
}

/* The buffers kept between calls. */
static void
free_scratch(RomanizerObject *self)
{
    ucs4_free(&self->input);
    ucs4_free(&self->norm);
    ucs4_free(&self->out);
    ucs4_free(&self->joined);
    ucs4_free(&self->spelled);
    ucs4_free(&self->last_word);
    PyMem_RawFree(self->parts.items);
    memset(&self->parts, 0, sizeof self->parts);
    PyMem_RawFree(self->bounds);
    self->bounds = NULL;
    self->bounds_capacity = 0;
    PyMem_RawFree(self->ends);
    self->ends = NULL;
    self->ends_count = self->ends_capacity = 0;
}

/* Step 2 for a line that the C normaliser leaves to Python: self->norm = normalize(text).
 * SPELLED, DECLINE without a normalize function, or FAILED with its exception (the Python path
 * would raise the same from the same call). */
static int
normalize_in_python(RomanizerObject *self, PyObject *text)
{
    if (self->normalize == Py_None) {
        return DECLINE;
    }
    PyObject *normalized = PyObject_CallOneArg(self->normalize, text);
    if (normalized == NULL) {
        return FAILED;
    }
    int status = FAILED;
    if (!PyUnicode_Check(normalized)) {
        PyErr_SetString(PyExc_TypeError, "normalize() returned a non-str");
    }
    else {
        Py_ssize_t n = PyUnicode_GET_LENGTH(normalized);
        if (ucs4_reserve(&self->norm, n + 1) < 0) {
            PyErr_NoMemory();
        }
        else if (PyUnicode_AsUCS4(normalized, self->norm.items, n + 1, 0) != NULL) {
            self->norm.length = n;
            status = SPELLED;
        }
    }
    Py_DECREF(normalized);
    return status;
}

static PyObject *
Romanizer_call(RomanizerObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *text;
    if (!PyArg_UnpackTuple(args, "Romanizer", 1, 1, &text)) {
        return NULL;
    }
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Romanizer() takes no keyword arguments");
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "Romanizer() expects str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int has_lao = 0;
    for (Py_ssize_t i = 0; i < n && !has_lao && kind != PyUnicode_1BYTE_KIND; i++) {
        has_lao = is_lao(PyUnicode_READ(kind, data, i));
    }
    if (!has_lao) { /* step 1 */
        Py_INCREF(text);
        return text;
    }
    if (self->busy || self->speller == NULL) {
        Py_RETURN_NONE;
    }
    self->busy = 1;
    PyObject *result = NULL;
    int status = FAILED;
    UCS4Buffer *input = &self->input;
    input->length = 0;
    self->parts.count = 0;
    if (ucs4_reserve(input, n) < 0) {
        PyErr_NoMemory();
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            input->items[i] = PyUnicode_READ(kind, data, i);
        }
        input->length = n;
        int normalized = lao_normalize_default(input->items, n, &self->norm); /* step 2 */
        if (normalized < 0) {
            PyErr_NoMemory();
        }
        else { /* undecided (Thai, accented Latin, Cyrillic, ...): normalize() in Python */
            status = normalized > 0 ? SPELLED : normalize_in_python(self, text);
            if (status == SPELLED) {
                status = romanize_normalized(self);
            }
        }
    }
    if (status == SPELLED) {
        result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->out.items,
                                           self->out.length);
    }
    else if (status == DECLINE) {
        result = Py_NewRef(Py_None);
    }
    if (self->input.capacity > (1 << 20)) { /* a huge line: do not keep its buffers */
        free_scratch(self);
    }
    self->busy = 0;
    return result;
}

/* ------------------------------------------------------------------------------------------ */
/* Construction                                                                                */
/* ------------------------------------------------------------------------------------------ */

static int
buffer_from_str(UCS4Buffer *buffer, PyObject *str, const char *what)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str", what);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    buffer->length = 0;
    if (ucs4_reserve(buffer, n + 1) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    if (PyUnicode_AsUCS4(str, buffer->items, n + 1, 0) == NULL) {
        return -1;
    }
    buffer->length = n;
    return 0;
}

static int
Romanizer_init(RomanizerObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"segmenter", "speller", "fallback", "ellipsis", "etc",
                               "normalize", NULL};
    PyObject *segmenter, *speller, *fallback, *ellipsis, *etc, *normalize = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!OUU|O:Romanizer", keywords, &segmenter,
                                     &WordSpellerType, &speller, &fallback, &ellipsis, &etc,
                                     &normalize)) {
        return -1;
    }
    if (self->speller != NULL) {
        PyErr_SetString(PyExc_TypeError, "a Romanizer cannot be initialised twice");
        return -1;
    }
    if (segmenter != Py_None && !PyObject_TypeCheck(segmenter, &SegmenterType)) {
        PyErr_SetString(PyExc_TypeError, "segmenter must be a laotext._core.Segmenter or None");
        return -1;
    }
    if (!PyCallable_Check(fallback)) {
        PyErr_SetString(PyExc_TypeError, "fallback must be callable");
        return -1;
    }
    if (normalize != Py_None && !PyCallable_Check(normalize)) {
        PyErr_SetString(PyExc_TypeError, "normalize must be callable or None");
        return -1;
    }
    if (buffer_from_str(&self->ellipsis, ellipsis, "ellipsis") < 0
        || buffer_from_str(&self->etc, etc, "etc") < 0) {
        return -1;
    }
    self->segmenter = Py_NewRef(segmenter);
    self->fallback = Py_NewRef(fallback);
    self->normalize = Py_NewRef(normalize);
    self->speller = Py_NewRef(speller); /* last: marks the object as ready */
    return 0;
}

static int
Romanizer_traverse(RomanizerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->segmenter);
    Py_VISIT(self->speller);
    Py_VISIT(self->fallback);
    Py_VISIT(self->normalize);
    return 0;
}

static int
Romanizer_clear(RomanizerObject *self)
{
    Py_CLEAR(self->segmenter);
    Py_CLEAR(self->speller);
    Py_CLEAR(self->fallback);
    Py_CLEAR(self->normalize);
    return 0;
}

static void
Romanizer_dealloc(RomanizerObject *self)
{
    PyObject_GC_UnTrack(self);
    Romanizer_clear(self);
    cache_free(&self->cache);
    ucs4_free(&self->ellipsis);
    ucs4_free(&self->etc);
    free_scratch(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject RomanizerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "laotext._core.Romanizer",
    .tp_doc = "Romanizer(segmenter, speller, fallback, ellipsis, etc, normalize=None): romanize() "
              "of one line in C, or None when the line is left to the Python path "
              "(laotext.romanize.text).",
    .tp_basicsize = sizeof(RomanizerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Romanizer_init,
    .tp_call = (ternaryfunc)Romanizer_call,
    .tp_traverse = (traverseproc)Romanizer_traverse,
    .tp_clear = (inquiry)Romanizer_clear,
    .tp_dealloc = (destructor)Romanizer_dealloc,
};
