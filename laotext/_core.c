/* laotext._core: the compiled hot path (scan, keys, lattice, DP, merge).
 *
 * This file mirrors two Python references and must stay identical to them in behaviour:
 *
 *   1. the cluster scan   = laotext/syllables.py, CLUSTER_RE (section "Scan" below follows that
 *                           module's parts in the same order and under the same names);
 *   2. the word segmenter = laotext/segment.py, steps 1-5 of its docstring (sections "Segment",
 *                           in the order of the steps; names in parentheses are its functions).
 *
 * The tests (tests/test_core.py) and the fuzzer (fuzz/) compare both sides on corpora and on
 * generated text.  The scan reads the caller's str buffer directly, whatever its kind (1, 2 or 4
 * bytes a character).  Scan, key lookup and DP run with the GIL released for texts of 2,048
 * characters or more (shorter ones keep it: releasing it would cost more).  Python is called only
 * for the key of a cluster the segmenter has not met before (not even then when the key function
 * is normalize() and the C normaliser decides the cluster), and to build the result.  The other C
 * files of the module mirror the normaliser (_normcore.c) and the romaniser (_speller.c,
 * _romanize.c).
 *
 * Reading rules used everywhere: a character is read only through char_at(), which returns
 * NO_CHAR outside [0, length); NO_CHAR belongs to no character class.  Regex lookaheads and
 * lookbehinds become char_at() at positions after or before the current one, exactly as `re`
 * sees the whole string (a lookbehind may look before the start of the current match).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#include "_normcore.h"
#include "_romanize.h"
#include "_speller.h"

/* ------------------------------------------------------------------------------------------ */
/* Text access                                                                                 */
/* ------------------------------------------------------------------------------------------ */

#define NO_CHAR ((Py_UCS4)0x110000) /* one past the last code point: in no class */

typedef struct {
    int kind;         /* PyUnicode_1BYTE_KIND, _2BYTE_KIND or _4BYTE_KIND */
    const void *data; /* the str object's own buffer; the caller holds a reference */
    Py_ssize_t length;
} Text;

static Text
text_from_str(PyObject *str)
{
    Text text = {PyUnicode_KIND(str), PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str)};
    return text;
}

static inline Py_UCS4
char_at(const Text *text, Py_ssize_t i)
{
    if (i < 0 || i >= text->length) {
        return NO_CHAR;
    }
    return PyUnicode_READ(text->kind, text->data, i);
}

/* The loops over a whole text are compiled once per kind: a function marked INLINE_ALL_CALLS gets
 * every call inlined, so with the kind a constant the compiler drops char_at()'s switch.  Only
 * speed depends on it; compilers without the attribute run the same code. */
#if defined(__GNUC__) || defined(__clang__)
#define INLINE_ALL_CALLS __attribute__((flatten))
#else
#define INLINE_ALL_CALLS
#endif

/* ------------------------------------------------------------------------------------------ */
/* Character classes (syllables.py: _C, _NB, _MB, _T, _CAN, _FINAL_CONSONANT, and the letter   */
/* sets written inline in its patterns), as one table over the Lao block U+0E80..U+0EFF.       */
/* ------------------------------------------------------------------------------------------ */

#define LAO_FIRST 0x0E80
#define LAO_LAST 0x0EFF

enum {
    CONSONANT = 1 << 0,       /* _C: ກ-ຮ (U+0E81-U+0EAE), ໜ ໝ ໞ ໟ */
    NEEDS_BASE = 1 << 1,      /* _NB: ະ ັ າ ຳ ິ-ູ ຺ ົ ຼ ຽ, tones, ໍ ໎ */
    COMBINING = 1 << 2,       /* _MB: combining marks but ໌ */
    TONE = 1 << 3,            /* _T: ່ ້ ໊ ໋ */
    FINAL = 1 << 4,           /* _FINAL_CONSONANT: every consonant but ຫ */
    BEFORE_KO = 1 << 5,       /* the lookbehind class of _AMBIGUOUS_KO */
    WO_ONSET = 1 << 6,        /* _ONSET: [ກຂຄສ]ວ */
    RO_ONSET = 1 << 7,        /* _ONSET: [ກຂຄປພຕທບຟ]ຣ */
    WO_ONSET_ONLY = 1 << 8,   /* _PRE_FINAL: [ຂຄສ]ວ (these are no native final) */
    RO_ONSET_ONLY = 1 << 9,   /* _PRE_FINAL: [ຂຄປພຕທຟ]ຣ */
    HO_DIGRAPH = 1 << 10,     /* _ONSET: ຫ[ງຍນມລວຣ] */
};

enum {
    KO = 0x0E81,          /* ກ */
    HO = 0x0EAB,          /* ຫ */
    NYO = 0x0E8D,         /* ຍ */
    LO_LING = 0x0EA3,     /* ຣ */
    WO = 0x0EA7,          /* ວ */
    O = 0x0EAD,           /* ອ */
    ELLIPSIS = 0x0EAF,    /* ຯ */
    SIGN_A = 0x0EB0,      /* ະ */
    SIGN_AA = 0x0EB2,     /* າ */
    SIGN_AM = 0x0EB3,     /* ຳ */
    MAI_KON = 0x0EBB,     /* ົ */
    SEMIVOWEL_NYO = 0x0EBD, /* ຽ */
    SIGN_E = 0x0EC0,      /* ເ */
    SIGN_EI = 0x0EC1,     /* ແ */
    SIGN_O = 0x0EC2,      /* ໂ */
    SIGN_AY = 0x0EC3,     /* ໃ */
    SIGN_AI = 0x0EC4,     /* ໄ */
    KO_LA = 0x0EC6,       /* ໆ */
    CANCEL = 0x0ECC,      /* ໌ (_CAN) */
    NIGGAHITA = 0x0ECD,   /* ໍ */
};

static uint16_t lao_class[LAO_LAST - LAO_FIRST + 1];

static void
add_range(Py_UCS4 first, Py_UCS4 last, uint16_t bits)
{
    for (Py_UCS4 c = first; c <= last; c++) {
        lao_class[c - LAO_FIRST] |= bits;
    }
}

static void
add_chars(const Py_UCS4 *chars, size_t count, uint16_t bits)
{
    for (size_t i = 0; i < count; i++) {
        add_range(chars[i], chars[i], bits);
    }
}

static void
init_lao_classes(void)
{
    static const Py_UCS4 wo_onset[] = {0x0E81, 0x0E82, 0x0E84, 0x0EAA};             /* ກຂຄສ */
    static const Py_UCS4 ro_onset[] = {0x0E81, 0x0E82, 0x0E84, 0x0E9B, 0x0E9E,
                                       0x0E95, 0x0E97, 0x0E9A, 0x0E9F};           /* ກຂຄປພຕທບຟ */
    static const Py_UCS4 wo_only[] = {0x0E82, 0x0E84, 0x0EAA};                     /* ຂຄສ */
    static const Py_UCS4 ro_only[] = {0x0E82, 0x0E84, 0x0E9B, 0x0E9E,
                                      0x0E95, 0x0E97, 0x0E9F};                     /* ຂຄປພຕທຟ */
    static const Py_UCS4 ho_second[] = {0x0E87, 0x0E8D, 0x0E99, 0x0EA1,
                                        0x0EA5, 0x0EA7, 0x0EA3};                   /* ງຍນມລວຣ */
    static const Py_UCS4 before_ko[] = {0x0EB1, 0x0EB2, 0x0EBB, 0x0EBD, 0x0EDC, 0x0EDD};

    memset(lao_class, 0, sizeof lao_class);
    add_range(0x0E81, 0x0EAE, CONSONANT);
    add_range(0x0EDC, 0x0EDF, CONSONANT);
    add_range(0x0EB0, 0x0EBD, NEEDS_BASE);
    add_range(0x0EC8, 0x0ECB, NEEDS_BASE);
    add_range(0x0ECD, 0x0ECE, NEEDS_BASE);
    add_range(0x0EB1, 0x0EB1, COMBINING);
    add_range(0x0EB4, 0x0EBC, COMBINING);
    add_range(0x0EC8, 0x0ECB, COMBINING);
    add_range(0x0ECD, 0x0ECE, COMBINING);
    add_range(0x0EC8, 0x0ECB, TONE);
    add_range(0x0E81, 0x0EAA, FINAL);
    add_range(0x0EAC, 0x0EAE, FINAL);
    add_range(0x0EDC, 0x0EDF, FINAL);
    add_range(0x0E81, 0x0EAE, BEFORE_KO);
    add_range(0x0EB4, 0x0EB9, BEFORE_KO);
    add_range(0x0EC8, 0x0ECB, BEFORE_KO);
    add_chars(before_ko, sizeof before_ko / sizeof before_ko[0], BEFORE_KO);
    add_chars(wo_onset, sizeof wo_onset / sizeof wo_onset[0], WO_ONSET);
    add_chars(ro_onset, sizeof ro_onset / sizeof ro_onset[0], RO_ONSET);
    add_chars(wo_only, sizeof wo_only / sizeof wo_only[0], WO_ONSET_ONLY);
    add_chars(ro_only, sizeof ro_only / sizeof ro_only[0], RO_ONSET_ONLY);
    add_chars(ho_second, sizeof ho_second / sizeof ho_second[0], HO_DIGRAPH);
}

static inline int
is_lao(Py_UCS4 c)
{
    return c >= LAO_FIRST && c <= LAO_LAST;
}

/* True if c is in the Lao block and has one of `bits`; the index is c - LAO_FIRST < 128. */
static inline int
has_class(Py_UCS4 c, uint16_t bits)
{
    return is_lao(c) && (lao_class[c - LAO_FIRST] & bits) != 0;
}

static inline int
is_tone(Py_UCS4 c)
{
    return has_class(c, TONE);
}

static inline int
needs_base(Py_UCS4 c)
{
    return has_class(c, NEEDS_BASE);
}

static inline int
is_combining(Py_UCS4 c)
{
    return has_class(c, COMBINING);
}

/* ------------------------------------------------------------------------------------------ */
/* Marks outside the Lao block (syllables.py: _BMP_MARKS, _ASTRAL_MARKS from _marks.py).       */
/* The ranges come from Python (laotext._marks.MARK_RANGES) when a Scanner is built.           */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    uint8_t bmp[0x10000 / 8]; /* one bit per BMP code point */
    Py_UCS4 (*astral)[2];     /* sorted (first, last) ranges above U+FFFF */
    Py_ssize_t astral_count;
} Marks;

static int
is_mark(const Marks *marks, Py_UCS4 c)
{
    if (c <= 0xFFFF) {
        return (marks->bmp[c >> 3] >> (c & 7)) & 1;
    }
    Py_ssize_t lo = 0, hi = marks->astral_count; /* binary search in [lo, hi) */
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (c < marks->astral[mid][0]) {
            hi = mid;
        }
        else if (c > marks->astral[mid][1]) {
            lo = mid + 1;
        }
        else {
            return 1;
        }
    }
    return 0;
}

/* Fill `marks` from a sequence of (first, last) pairs, split as syllables.py splits them: a
 * range starting in the BMP is clipped to U+FFFF; ranges starting above it are searched. */
static int
marks_init(Marks *marks, PyObject *ranges)
{
    PyObject *seq = PySequence_Fast(ranges, "mark ranges must be a sequence of (first, last)");
    if (seq == NULL) {
        return -1;
    }
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    memset(marks->bmp, 0, sizeof marks->bmp);
    marks->astral_count = 0;
    marks->astral = PyMem_Calloc(count > 0 ? (size_t)count : 1, sizeof *marks->astral);
    if (marks->astral == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        unsigned long first, last;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "kk", &first, &last)) {
            Py_DECREF(seq);
            return -1; /* marks->astral is freed by the owner's dealloc */
        }
        if (first > last || last > 0x10FFFF) {
            Py_DECREF(seq);
            PyErr_Format(PyExc_ValueError, "bad mark range (%lu, %lu)", first, last);
            return -1;
        }
        if (first <= 0xFFFF) {
            for (unsigned long c = first; c <= last && c <= 0xFFFF; c++) {
                marks->bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
            }
        }
        else {
            Py_ssize_t j = marks->astral_count++; /* insertion sort: the input is sorted */
            while (j > 0 && marks->astral[j - 1][0] > first) {
                marks->astral[j][0] = marks->astral[j - 1][0];
                marks->astral[j][1] = marks->astral[j - 1][1];
                j--;
            }
            marks->astral[j][0] = (Py_UCS4)first;
            marks->astral[j][1] = (Py_UCS4)last;
        }
    }
    Py_DECREF(seq);
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Scan: CLUSTER_RE, part by part.  Each function matches its pattern at `pos` and returns the */
/* end of the match, or -1 if the pattern does not match there.                                */
/* ------------------------------------------------------------------------------------------ */

/* _PRE_FINAL: (?![ຂຄສ]ວ{NB}|[ຂຄປພຕທຟ]ຣ{NB}|ກ[ວຣ]{NB})(?<!ໍ)(?<!ໍ{T}) */
static int
pre_final(const Text *t, Py_ssize_t pos)
{
    Py_UCS4 c = char_at(t, pos), next = char_at(t, pos + 1);
    if (needs_base(char_at(t, pos + 2))) {
        if (next == WO && has_class(c, WO_ONSET_ONLY)) {
            return 0;
        }
        if (next == LO_LING && has_class(c, RO_ONSET_ONLY)) {
            return 0;
        }
        if (c == KO && (next == WO || next == LO_LING)) {
            return 0;
        }
    }
    Py_UCS4 before = char_at(t, pos - 1);
    if (before == NIGGAHITA || (is_tone(before) && char_at(t, pos - 2) == NIGGAHITA)) {
        return 0;
    }
    return 1;
}

/* _VOWEL_LETTER: (?:[ອວ](?!{NB}|ອ)) */
static Py_ssize_t
vowel_letter(const Text *t, Py_ssize_t pos)
{
    Py_UCS4 c = char_at(t, pos), next = char_at(t, pos + 1);
    if ((c == O || c == WO) && !needs_base(next) && next != O) {
        return pos + 1;
    }
    return -1;
}

/* _POST_FINAL: (?!{NB})(?![ອວ](?!{NB}|ອ)) */
static int
post_final(const Text *t, Py_ssize_t pos)
{
    return !needs_base(char_at(t, pos)) && vowel_letter(t, pos) < 0;
}

/* _CODA: (?:{_PRE_FINAL}{_FINAL_CONSONANT}{_POST_FINAL}(?:{C}?{_CAN})?) */
static Py_ssize_t
coda(const Text *t, Py_ssize_t pos)
{
    if (!pre_final(t, pos) || !has_class(char_at(t, pos), FINAL) || !post_final(t, pos + 1)) {
        return -1;
    }
    Py_ssize_t end = pos + 1;
    if (has_class(char_at(t, end), CONSONANT) && char_at(t, end + 1) == CANCEL) {
        return end + 2;
    }
    if (char_at(t, end) == CANCEL) {
        return end + 1;
    }
    return end;
}

/* _ONSET: (?:ຫ[ງຍນມລວຣ]|[ກຂຄສ]ວ(?={NB})|[ກຂຄປພຕທບຟ]ຣ(?={NB})|{C})
 * The alternatives in order give at most two ends: a two-letter onset, then the lone consonant
 * (every first letter of a two-letter onset is a consonant).  Writes them to ends[] in the order
 * `re` tries them and returns how many there are (0, 1 or 2). */
static int
onset(const Text *t, Py_ssize_t pos, Py_ssize_t ends[2])
{
    Py_UCS4 c = char_at(t, pos), next = char_at(t, pos + 1);
    int count = 0;
    if (c == HO && has_class(next, HO_DIGRAPH)) {
        ends[count++] = pos + 2;
    }
    else if (needs_base(char_at(t, pos + 2))
             && ((next == WO && has_class(c, WO_ONSET))
                 || (next == LO_LING && has_class(c, RO_ONSET)))) {
        ends[count++] = pos + 2;
    }
    if (has_class(c, CONSONANT)) {
        ends[count++] = pos + 1;
    }
    return count;
}

/* ຳ{T}? and າ{T}?: the vowel at pos and an optional tone after it */
static Py_ssize_t
vowel_then_tone(const Text *t, Py_ssize_t pos)
{
    return is_tone(char_at(t, pos + 1)) ? pos + 2 : pos + 1;
}

/* _CLOSED: (?:{MB}*(?:ະ|ຳ{T}?|າະ|(?<=[ໍົ])າ{T}?|(?<=[ໍົ]{T})າ{T}?))
 * Giving back marks from MB* never helps: the character after a mark is a mark, never ະ ຳ າ. */
static Py_ssize_t
closed(const Text *t, Py_ssize_t pos)
{
    while (is_combining(char_at(t, pos))) {
        pos++;
    }
    Py_UCS4 c = char_at(t, pos);
    if (c == SIGN_A) {
        return pos + 1;
    }
    if (c == SIGN_AM) {
        return vowel_then_tone(t, pos);
    }
    if (c != SIGN_AA) {
        return -1;
    }
    if (char_at(t, pos + 1) == SIGN_A) {
        return pos + 2;
    }
    Py_UCS4 before = char_at(t, pos - 1), before2 = char_at(t, pos - 2);
    if (before == NIGGAHITA || before == MAI_KON) {
        return vowel_then_tone(t, pos);
    }
    if (is_tone(before) && (before2 == NIGGAHITA || before2 == MAI_KON)) {
        return vowel_then_tone(t, pos);
    }
    return -1;
}

/* _BODY: (?:[{_MB}າຽ]|{_VOWEL_LETTER}) */
static Py_ssize_t
body(const Text *t, Py_ssize_t pos)
{
    Py_UCS4 c = char_at(t, pos);
    if (is_combining(c) || c == SIGN_AA || c == SEMIVOWEL_NYO) {
        return pos + 1;
    }
    return vowel_letter(t, pos);
}

/* {_BODY}* from pos (greedy; nothing after it ever makes `re` give characters back) */
static Py_ssize_t
bodies(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end;
    while ((end = body(t, pos)) >= 0) {
        pos = end;
    }
    return pos;
}

/* {_CODA}? from pos */
static Py_ssize_t
optional_coda(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = coda(t, pos);
    return end >= 0 ? end : pos;
}

/* {MB}* from pos */
static Py_ssize_t
marks_after(const Text *t, Py_ssize_t pos)
{
    while (is_combining(char_at(t, pos))) {
        pos++;
    }
    return pos;
}

/* (?:{_CLOSED}|{_BODY}+{_CODA}?) after an onset ending at pos, or -1 */
static Py_ssize_t
nucleus_required(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = closed(t, pos);
    if (end >= 0) {
        return end;
    }
    if (body(t, pos) < 0) {
        return -1;
    }
    return optional_coda(t, bodies(t, pos));
}

/* (?:{_CLOSED}|{_BODY}*{_CODA}?) after an onset ending at pos (always matches) */
static Py_ssize_t
nucleus_optional(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = closed(t, pos);
    if (end >= 0) {
        return end;
    }
    return optional_coda(t, bodies(t, pos));
}

/* _LAO_SYLLABLE, alternatives 1 and 2 (no leading vowel):
 *   {_ONSET}(?:{_CLOSED}|{_BODY}+{_CODA}?)  -- tried with each onset `re` would try, in order
 *   {_ONSET}{MB}*                            -- with the first onset */
static Py_ssize_t
syllable_without_leading_vowel(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t onset_ends[2];
    int count = onset(t, pos, onset_ends);
    if (count == 0) {
        return -1;
    }
    for (int i = 0; i < count; i++) {
        Py_ssize_t end = nucleus_required(t, onset_ends[i]);
        if (end >= 0) {
            return end;
        }
    }
    return marks_after(t, onset_ends[0]);
}

/* _LAO_SYLLABLE, alternative 3: [ເແໂ]{_ONSET}(?:{_CLOSED}|{_BODY}*{_CODA}?)(?:ຍ(?!{NB}))?
 * The nucleus part always matches, so only the first onset is ever used. */
static Py_ssize_t
syllable_with_e_ae_o(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t onset_ends[2];
    if (onset(t, pos + 1, onset_ends) == 0) {
        return -1;
    }
    Py_ssize_t end = nucleus_optional(t, onset_ends[0]);
    if (char_at(t, end) == NYO && !needs_base(char_at(t, end + 1))) {
        end++;
    }
    return end;
}

/* _LAO_SYLLABLE, alternative 4: [ໃໄ]{_ONSET}{MB}*(?:ວ(?!{NB}))?{_CAN}? */
static Py_ssize_t
syllable_with_ay_ai(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t onset_ends[2];
    if (onset(t, pos + 1, onset_ends) == 0) {
        return -1;
    }
    Py_ssize_t end = marks_after(t, onset_ends[0]);
    if (char_at(t, end) == WO && !needs_base(char_at(t, end + 1))) {
        end++;
    }
    if (char_at(t, end) == CANCEL) {
        end++;
    }
    return end;
}

/* _LAO_SYLLABLE: the alternatives start with different characters (a consonant, ເແໂ, ໃໄ) */
static Py_ssize_t
lao_syllable(const Text *t, Py_ssize_t pos)
{
    Py_UCS4 c = char_at(t, pos);
    if (c == SIGN_E || c == SIGN_EI || c == SIGN_O) {
        return syllable_with_e_ae_o(t, pos);
    }
    if (c == SIGN_AY || c == SIGN_AI) {
        return syllable_with_ay_ai(t, pos);
    }
    return syllable_without_leading_vowel(t, pos);
}

/* _AMBIGUOUS_KO: ກ after a consonant or nucleus, before ວ/ຣ + vowel */
static Py_ssize_t
ambiguous_ko(const Text *t, Py_ssize_t pos)
{
    Py_UCS4 next = char_at(t, pos + 1);
    if (char_at(t, pos) == KO && has_class(char_at(t, pos - 1), BEFORE_KO)
        && (next == WO || next == LO_LING) && needs_base(char_at(t, pos + 2))) {
        return pos + 1;
    }
    return -1;
}

/* \s+ (`re`: str.isspace) */
static Py_ssize_t
whitespace(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = pos;
    while (end < t->length && Py_UNICODE_ISSPACE(char_at(t, end))) {
        end++;
    }
    return end > pos ? end : -1;
}

static int
is_decimal_at(const Text *t, Py_ssize_t pos)
{
    return pos < t->length && Py_UNICODE_ISDECIMAL(char_at(t, pos));
}

/* \d+ from pos (`re`: str.isdecimal) */
static Py_ssize_t
digits(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = pos;
    while (is_decimal_at(t, end)) {
        end++;
    }
    return end > pos ? end : -1;
}

/* _NUMBER: \d+(?:[.,]\d+)* */
static Py_ssize_t
number(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = digits(t, pos);
    if (end < 0) {
        return -1;
    }
    for (;;) {
        Py_UCS4 c = char_at(t, end);
        Py_ssize_t group_end = digits(t, end + 1);
        if ((c != '.' && c != ',') || group_end < 0) {
            return end;
        }
        end = group_end;
    }
}

/* (?![\u0e80-\u0eff])(?:[^\W\d_]|{marks}): a letter or mark of another script.  `re`'s
 * [^\W\d_] is a word character (str.isalnum or _) that is neither \d nor _. */
static int
is_other_letter(const Marks *marks, Py_UCS4 c)
{
    if (is_lao(c)) {
        return 0;
    }
    if (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c) && c != '_') {
        return 1;
    }
    return is_mark(marks, c);
}

/* _OTHER_LETTERS */
static Py_ssize_t
other_letters(const Text *t, const Marks *marks, Py_ssize_t pos)
{
    Py_ssize_t end = pos;
    while (end < t->length && is_other_letter(marks, char_at(t, end))) {
        end++;
    }
    return end > pos ? end : -1;
}

/* CLUSTER_RE at pos (pos < length): the end of the cluster that starts there.  The alternatives
 * in the pattern's order: _AMBIGUOUS_KO | _LAO_SYLLABLE _CAN? | \s+ | [ໆຯ] | _NUMBER |
 * _OTHER_LETTERS | . (any single character). */
static Py_ssize_t
cluster_end(const Text *t, const Marks *marks, Py_ssize_t pos)
{
    Py_ssize_t end;
    Py_UCS4 c = char_at(t, pos);
    if ((end = ambiguous_ko(t, pos)) >= 0) {
        return end;
    }
    if ((end = lao_syllable(t, pos)) >= 0) {
        return char_at(t, end) == CANCEL ? end + 1 : end;
    }
    if ((end = whitespace(t, pos)) >= 0) {
        return end;
    }
    if (c == KO_LA || c == ELLIPSIS) {
        return pos + 1;
    }
    if ((end = number(t, pos)) >= 0) {
        return end;
    }
    if ((end = other_letters(t, marks, pos)) >= 0) {
        return end;
    }
    return pos + 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Growable arrays (PyMem_Raw*: usable without the GIL)                                        */
/* ------------------------------------------------------------------------------------------ */

/* Make room for `needed` items of `item_size` bytes in *items; 0, or -1 when out of memory
 * (then *items is unchanged and still owned by the caller). */
static int
reserve(void **items, Py_ssize_t *capacity, Py_ssize_t needed, size_t item_size)
{
    if (needed <= *capacity) {
        return 0;
    }
    Py_ssize_t new_capacity = *capacity < 64 ? 64 : *capacity;
    while (new_capacity < needed) {
        if (new_capacity > PY_SSIZE_T_MAX / 2) {
            return -1;
        }
        new_capacity *= 2;
    }
    if ((size_t)new_capacity > (size_t)PY_SSIZE_T_MAX / item_size) {
        return -1;
    }
    void *grown = PyMem_RawRealloc(*items, (size_t)new_capacity * item_size);
    if (grown == NULL) {
        return -1;
    }
    *items = grown;
    *capacity = new_capacity;
    return 0;
}

typedef struct {
    int64_t *items;
    Py_ssize_t size, capacity;
} Offsets;

static void
offsets_free(Offsets *offsets)
{
    PyMem_RawFree(offsets->items);
    offsets->items = NULL;
    offsets->size = offsets->capacity = 0;
}

static int
offsets_push(Offsets *offsets, int64_t value)
{
    if (reserve((void **)&offsets->items, &offsets->capacity, offsets->size + 1,
                sizeof *offsets->items) < 0) {
        return -1;
    }
    offsets->items[offsets->size++] = value;
    return 0;
}

static PyObject *array_type; /* array.array, imported when the module loads */

/* A new array('q') holding a copy of `offsets`. */
static PyObject *
offsets_to_array(const Offsets *offsets)
{
    PyObject *array = PyObject_CallFunction(array_type, "s", "q");
    if (array == NULL || offsets->size == 0) {
        return array;
    }
    PyObject *view = PyMemoryView_FromMemory(
        (char *)offsets->items, offsets->size * (Py_ssize_t)sizeof(int64_t), PyBUF_READ);
    if (view == NULL) {
        Py_DECREF(array);
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(array, "frombytes", "O", view);
    Py_DECREF(view);
    if (result == NULL) {
        Py_DECREF(array);
        return NULL;
    }
    Py_DECREF(result);
    return array;
}

/* The end offsets of every cluster of the text; 0 or -1 (out of memory). */
static inline int
scan_any_kind(const Text *t, const Marks *marks, Offsets *ends)
{
    Py_ssize_t pos = 0;
    while (pos < t->length) {
        pos = cluster_end(t, marks, pos);
        if (offsets_push(ends, pos) < 0) {
            return -1;
        }
    }
    return 0;
}

static INLINE_ALL_CALLS int
scan_ucs1(Text t, const Marks *marks, Offsets *ends)
{
    t.kind = PyUnicode_1BYTE_KIND;
    return scan_any_kind(&t, marks, ends);
}

static INLINE_ALL_CALLS int
scan_ucs2(Text t, const Marks *marks, Offsets *ends)
{
    t.kind = PyUnicode_2BYTE_KIND;
    return scan_any_kind(&t, marks, ends);
}

static INLINE_ALL_CALLS int
scan_ucs4(Text t, const Marks *marks, Offsets *ends)
{
    t.kind = PyUnicode_4BYTE_KIND;
    return scan_any_kind(&t, marks, ends);
}

/* Room for the clusters of a text up front (a cluster has at least one character), up to a
 * bound: the untouched part costs address space only, and growing by copies is avoided. */
static Py_ssize_t
expected_clusters(const Text *t)
{
    return t->length < (1 << 20) ? t->length : (1 << 20);
}

static int
scan(const Text *t, const Marks *marks, Offsets *ends)
{
    if (reserve((void **)&ends->items, &ends->capacity, expected_clusters(t),
                sizeof *ends->items) < 0) {
        return -1;
    }
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        return scan_ucs1(*t, marks, ends);
    case PyUnicode_2BYTE_KIND:
        return scan_ucs2(*t, marks, ends);
    default:
        return scan_ucs4(*t, marks, ends);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Segment (laotext/segment.py), step 2: keys.                                                 */
/*                                                                                             */
/* A Lao cluster's key comes from the Python key function (laotext.lexicon.cluster_key) the     */
/* first time the segmenter meets that raw cluster; a KeyTable remembers raw cluster -> key.    */
/* Tables read without the GIL are never changed: new pairs go to a `pending` table (only       */
/* touched with the GIL held), which is merged into a fresh table from time to time; the old    */
/* ones are freed only when no call is running, so a running call never loses its table.        */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    const Py_UCS4 *chars;
    Py_ssize_t length;
    int32_t node; /* the trie node of the key string alone (see below), or -1 */
} Key;

typedef struct {
    uint64_t hash;
    Py_ssize_t raw, raw_length; /* the raw cluster is pool[raw, raw + raw_length) */
    Py_ssize_t key, key_length; /* its key is pool[key, key + key_length) */
    int32_t node;               /* the trie node of the key string alone, or -1 */
} KeyEntry;                     /* raw_length == 0 marks a free slot: clusters are never empty */

typedef struct {
    KeyEntry *slots; /* open addressing, linear probing, at most half full */
    Py_ssize_t capacity, count;
    Py_UCS4 *pool;
    Py_ssize_t pool_size, pool_capacity;
} KeyTable;

/* FNV-1a over code points, so that the hash does not depend on the str's kind */
static uint64_t
hash_text(const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t hash = 0xcbf29ce484222325u;
    for (Py_ssize_t i = start; i < end; i++) {
        hash = (hash ^ char_at(t, i)) * 0x100000001b3u;
    }
    return hash;
}

/* A Text over UCS4 characters (a pool, a key copy) */
static Text
text_from_ucs4(const Py_UCS4 *chars, Py_ssize_t length)
{
    Text text = {PyUnicode_4BYTE_KIND, chars, length};
    return text;
}

static int
raw_equals(const KeyTable *table, const KeyEntry *entry, const Text *t, Py_ssize_t start,
           Py_ssize_t end)
{
    if (entry->raw_length != end - start) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < entry->raw_length; i++) {
        if (table->pool[entry->raw + i] != char_at(t, start + i)) {
            return 0;
        }
    }
    return 1;
}

/* The entry of the raw cluster t[start:end], or NULL. */
static const KeyEntry *
keytable_find(const KeyTable *table, const Text *t, Py_ssize_t start, Py_ssize_t end,
              uint64_t hash)
{
    if (table->capacity == 0) {
        return NULL;
    }
    size_t mask = (size_t)table->capacity - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) { /* ends: a slot is free */
        const KeyEntry *entry = &table->slots[i];
        if (entry->raw_length == 0) {
            return NULL;
        }
        if (entry->hash == hash && raw_equals(table, entry, t, start, end)) {
            return entry;
        }
    }
}

static Key
keytable_key(const KeyTable *table, const KeyEntry *entry)
{
    Key key = {table->pool + entry->key, entry->key_length, entry->node};
    return key;
}

static void
slot_insert(KeyEntry *slots, Py_ssize_t capacity, const KeyEntry *entry)
{
    size_t mask = (size_t)capacity - 1;
    size_t i = (size_t)entry->hash & mask;
    while (slots[i].raw_length != 0) {
        i = (i + 1) & mask;
    }
    slots[i] = *entry;
}

/* Room for one more entry with the table at most half full; 0 or -1. */
static int
keytable_reserve_slot(KeyTable *table)
{
    if ((table->count + 1) * 2 <= table->capacity) {
        return 0;
    }
    Py_ssize_t capacity = table->capacity < 64 ? 64 : table->capacity * 2;
    if ((size_t)capacity > (size_t)PY_SSIZE_T_MAX / sizeof(KeyEntry)) {
        return -1;
    }
    KeyEntry *slots = PyMem_RawCalloc((size_t)capacity, sizeof(KeyEntry));
    if (slots == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < table->capacity; i++) {
        if (table->slots[i].raw_length != 0) {
            slot_insert(slots, capacity, &table->slots[i]);
        }
    }
    PyMem_RawFree(table->slots);
    table->slots = slots;
    table->capacity = capacity;
    return 0;
}

static void
pool_append(KeyTable *table, const Text *chars)
{
    for (Py_ssize_t i = 0; i < chars->length; i++) {
        table->pool[table->pool_size++] = char_at(chars, i);
    }
}

/* Add raw -> key (whose trie node is `node`) unless the raw cluster is there already; 0, or -1
 * when out of memory. */
static int
keytable_add(KeyTable *table, const Text *raw, const Text *key, uint64_t hash, int32_t node)
{
    if (raw->length == 0 || keytable_find(table, raw, 0, raw->length, hash) != NULL) {
        return 0;
    }
    if (keytable_reserve_slot(table) < 0
        || reserve((void **)&table->pool, &table->pool_capacity,
                   table->pool_size + raw->length + key->length, sizeof *table->pool) < 0) {
        return -1;
    }
    KeyEntry entry = {hash, table->pool_size, raw->length, table->pool_size + raw->length,
                      key->length, node};
    pool_append(table, raw);
    pool_append(table, key);
    slot_insert(table->slots, table->capacity, &entry);
    table->count++;
    return 0;
}

/* Add every pair of `source` to `table`; 0 or -1. */
static int
keytable_add_all(KeyTable *table, const KeyTable *source)
{
    for (Py_ssize_t i = 0; i < source->capacity; i++) {
        const KeyEntry *entry = &source->slots[i];
        if (entry->raw_length == 0) {
            continue;
        }
        Text raw = text_from_ucs4(source->pool + entry->raw, entry->raw_length);
        Text key = text_from_ucs4(source->pool + entry->key, entry->key_length);
        if (keytable_add(table, &raw, &key, entry->hash, entry->node) < 0) {
            return -1;
        }
    }
    return 0;
}

static void
keytable_free(KeyTable *table)
{
    PyMem_RawFree(table->slots);
    PyMem_RawFree(table->pool);
    memset(table, 0, sizeof *table);
}

/* ------------------------------------------------------------------------------------------ */
/* Segment, step 3 (lattice): the lookup table as a character trie.                            */
/*                                                                                             */
/* segment.py looks up s = k[i] + ... + k[j] in the dict Lexicon.build makes; here s is a node  */
/* of a trie of the dict's keys, reached by walking the characters of k[i], then of k[i+1], ... */
/* A node whose string is a key has that key's value, and, as in Lexicon.build, every proper    */
/* prefix of a key has IS_PREFIX: so the words alone (key -> cost << 2 | IS_WORD) give the same */
/* trie as the whole table.  The other nodes have NOT_IN_TABLE, which makes a lookup fail       */
/* exactly where dict.get() returns None.                                                      */
/* ------------------------------------------------------------------------------------------ */

#define IS_WORD 1   /* laotext.lexicon.IS_WORD */
#define IS_PREFIX 2 /* laotext.lexicon.IS_PREFIX */
#define NOT_IN_TABLE (-1)
#define ROOT 0

typedef struct {
    int32_t parent; /* -1 marks a free slot */
    Py_UCS4 ch;
    int32_t child;
} TrieEdge;

/* A node of the trie the DP walks.  The nodes are numbered in depth-first order, children by
 * character, so the first child of node t is t + 1.  Two thirds of the nodes have one child
 * (150,000 of the default lexicon's 227,000; 21,000 have more), so a walk mostly reads
 * consecutive nodes (four to a cache line) instead of probing a hash table of several MB per
 * character, and the value comes with the node.  Measured on the benchmark lines: segmentation
 * -20%, and the table takes 5 MB instead of 9. */
typedef struct {
    int64_t value;     /* its value in the table, or NOT_IN_TABLE */
    Py_UCS4 only;      /* the character to its only child (node + 1), or NO_CHAR */
    uint32_t children; /* a bit 1 << (ch % 32) per child's character: a quick "no such child" */
} TrieNode;

typedef struct {
    TrieNode *nodes;
    Py_ssize_t node_count;
    TrieEdge *branches; /* the edges from nodes with two children or more, as in TrieBuilder */
    Py_ssize_t branch_capacity;
    int64_t max_cost;   /* the largest value >> 2 */
} Trie;

static size_t
edge_hash(int32_t parent, Py_UCS4 ch)
{
    uint64_t h = ((uint64_t)(uint32_t)parent << 21 | ch) * 0x9e3779b97f4a7c15u;
    return (size_t)(h ^ (h >> 29));
}

/* The child of `parent` by `ch` in a hash table of edges with a free slot, or -1. */
static int32_t
edge_find(const TrieEdge *edges, Py_ssize_t capacity, int32_t parent, Py_UCS4 ch)
{
    size_t mask = (size_t)capacity - 1;
    for (size_t i = edge_hash(parent, ch) & mask;; i = (i + 1) & mask) { /* a slot is free */
        const TrieEdge *edge = &edges[i];
        if (edge->parent < 0) {
            return -1;
        }
        if (edge->parent == parent && edge->ch == ch) {
            return edge->child;
        }
    }
}

/* The child of `node` by `ch`, or -1. */
static inline int32_t
trie_child(const Trie *trie, int32_t node, Py_UCS4 ch)
{
    const TrieNode *here = &trie->nodes[node];
    if (here->only == ch) {
        return node + 1;
    }
    if (here->only != NO_CHAR || !(here->children & (1u << (ch & 31)))) {
        return -1;
    }
    return edge_find(trie->branches, trie->branch_capacity, node, ch);
}

/* The node reached from `node` by chars[0..length), or -1. */
static int32_t
trie_walk(const Trie *trie, int32_t node, const Py_UCS4 *chars, Py_ssize_t length)
{
    for (Py_ssize_t i = 0; i < length && node >= 0; i++) {
        node = trie_child(trie, node, chars[i]);
    }
    return node;
}

static void
edge_insert(TrieEdge *edges, Py_ssize_t capacity, const TrieEdge *edge)
{
    size_t mask = (size_t)capacity - 1;
    size_t i = edge_hash(edge->parent, edge->ch) & mask;
    while (edges[i].parent >= 0) {
        i = (i + 1) & mask;
    }
    edges[i] = *edge;
}

/* A table of `capacity` free edge slots, or NULL. */
static TrieEdge *
edges_new(Py_ssize_t capacity)
{
    if ((size_t)capacity > (size_t)PY_SSIZE_T_MAX / sizeof(TrieEdge)) {
        return NULL;
    }
    TrieEdge *edges = PyMem_RawMalloc((size_t)capacity * sizeof(TrieEdge));
    if (edges != NULL) {
        for (Py_ssize_t i = 0; i < capacity; i++) {
            edges[i].parent = -1;
        }
    }
    return edges;
}

static void
trie_free(Trie *trie)
{
    PyMem_RawFree(trie->nodes);
    PyMem_RawFree(trie->branches);
    memset(trie, 0, sizeof *trie);
}

/* One entry of the table: a key and its value. */
typedef struct {
    Text key;
    int64_t value;
} TableEntry;

/* The length of the common prefix of a and b. */
static Py_ssize_t
common_prefix(const Text *a, const Text *b)
{
    Py_ssize_t n = a->length < b->length ? a->length : b->length, i = 0;
    while (i < n && char_at(a, i) == char_at(b, i)) {
        i++;
    }
    return i;
}

/* -1, 0 or 1 as a < b, a == b or a > b, by code points (as Python compares str) */
static int
compare_keys(const Text *a, const Text *b)
{
    Py_ssize_t i = common_prefix(a, b);
    if (i < a->length && i < b->length) {
        return char_at(a, i) < char_at(b, i) ? -1 : 1;
    }
    return a->length < b->length ? -1 : a->length > b->length;
}

static int
compare_entries(const void *a, const void *b)
{
    return compare_keys(&((const TableEntry *)a)->key, &((const TableEntry *)b)->key);
}

/* Make `child` (a new node) the child of `parent` by `ch`, noting a branching node's edges in
 * `branches` (a list here; the hash table is made at the end); 0 or -1. */
static int
add_child(Trie *trie, int32_t parent, Py_UCS4 ch, int32_t child, TrieEdge **branches,
          Py_ssize_t *count, Py_ssize_t *capacity)
{
    TrieNode *node = &trie->nodes[parent];
    TrieEdge edges[2];
    int new_edges = 0;
    if (node->children == 0) { /* the first child: right after its parent, in preorder */
        node->only = ch;
    }
    else {
        if (node->only != NO_CHAR) { /* a second child: the first one's edge goes in the table */
            TrieEdge first = {parent, node->only, parent + 1};
            edges[new_edges++] = first;
            node->only = NO_CHAR;
        }
        TrieEdge edge = {parent, ch, child};
        edges[new_edges++] = edge;
    }
    node->children |= 1u << (ch & 31);
    if (reserve((void **)branches, capacity, *count + new_edges, sizeof(TrieEdge)) < 0) {
        return -1;
    }
    for (int e = 0; e < new_edges; e++) {
        (*branches)[(*count)++] = edges[e];
    }
    return 0;
}

/* OR `flags` into the value of `node` (a node not in the table has none yet). */
static void
set_flags(Trie *trie, int32_t node, int64_t flags)
{
    int64_t old = trie->nodes[node].value == NOT_IN_TABLE ? 0 : trie->nodes[node].value;
    trie->nodes[node].value = old | flags;
}

/* The trie of entries[0..count), which are sorted by key with no key twice; 0 or -1 (no
 * memory, or more nodes than int32 numbers).  Inserting sorted keys creates the nodes in
 * depth-first preorder, children by character, which is the numbering TrieNode describes: a
 * key's new nodes hang below the nodes it shares with the key before it (`path`).  Like
 * Lexicon.build, every proper prefix of a key gets IS_PREFIX, so a table of words alone gives the
 * same trie as the full table (whose prefix entries only repeat those flags). */
static int
trie_build(Trie *trie, const TableEntry *entries, Py_ssize_t count)
{
    Py_ssize_t most = 1, longest = 0; /* nodes at most: the root and one per character */
    for (Py_ssize_t e = 0; e < count; e++) {
        most += entries[e].key.length;
        longest = entries[e].key.length > longest ? entries[e].key.length : longest;
    }
    TrieEdge *branches = NULL;
    Py_ssize_t branch_count = 0, branch_list_capacity = 0;
    int32_t *path = PyMem_RawMalloc((size_t)(longest + 1) * sizeof(int32_t));
    Py_ssize_t node_count = 0;
    int status = -1;
    if (path == NULL || most > INT32_MAX
        || (trie->nodes = PyMem_RawMalloc((size_t)most * sizeof(TrieNode))) == NULL) {
        goto done;
    }
    TrieNode empty = {NOT_IN_TABLE, NO_CHAR, 0};
    trie->nodes[node_count++] = empty; /* the root, "" */
    path[0] = ROOT;
    const Text *previous = NULL;
    for (Py_ssize_t e = 0; e < count; e++) {
        const Text *key = &entries[e].key;
        Py_ssize_t shared = previous == NULL ? 0 : common_prefix(previous, key);
        for (Py_ssize_t d = 1; d <= shared && d < key->length; d++) {
            set_flags(trie, path[d], IS_PREFIX);
        }
        for (Py_ssize_t d = shared + 1; d <= key->length; d++) {
            int32_t node = (int32_t)node_count++;
            trie->nodes[node] = empty;
            if (add_child(trie, path[d - 1], char_at(key, d - 1), node, &branches, &branch_count,
                          &branch_list_capacity) < 0) {
                goto done;
            }
            path[d] = node;
            if (d < key->length) {
                set_flags(trie, node, IS_PREFIX);
            }
        }
        set_flags(trie, path[key->length], entries[e].value);
        if ((entries[e].value >> 2) > trie->max_cost) {
            trie->max_cost = entries[e].value >> 2;
        }
        previous = key;
    }
    trie->node_count = node_count;
    trie->branch_capacity = 64;
    while (trie->branch_capacity * 3 < branch_count * 4 + 4) { /* at most 3/4 full */
        trie->branch_capacity *= 2;
    }
    if ((trie->branches = edges_new(trie->branch_capacity)) == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < branch_count; i++) {
        edge_insert(trie->branches, trie->branch_capacity, &branches[i]);
    }
    TrieNode *fitted = PyMem_RawRealloc(trie->nodes, (size_t)node_count * sizeof(TrieNode));
    trie->nodes = fitted != NULL ? fitted : trie->nodes;
    status = 0;
done:
    PyMem_RawFree(path);
    PyMem_RawFree(branches);
    if (status < 0) {
        trie_free(trie);
    }
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Segment, step 3 (boundary costs) and step 5 (ໆ): a trained model's context (_ContextTable).  */
/* Its pairs are looked up as segment.py does, by the string left + " " + right.               */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    uint64_t hash;
    Py_ssize_t offset, length; /* the string is pool[offset, offset + length) */
    int64_t value;
    int used;                  /* 0 marks a free slot */
} StrEntry;

/* str -> int64, like a dict (setting a string again replaces its value) */
typedef struct {
    StrEntry *slots; /* open addressing, linear probing, at most half full */
    Py_ssize_t capacity, count;
    Py_UCS4 *pool;
    Py_ssize_t pool_size, pool_capacity;
} StrTable;

/* A string in up to three pieces, so that left + " " + right is looked up without a copy. */
typedef struct {
    Text pieces[3];
    int count;
} Pieces;

static Py_UCS4
pieces_char(const Pieces *string, Py_ssize_t i)
{
    for (int p = 0; p < string->count; p++) {
        if (i < string->pieces[p].length) {
            return char_at(&string->pieces[p], i);
        }
        i -= string->pieces[p].length;
    }
    return NO_CHAR;
}

static Py_ssize_t
pieces_length(const Pieces *string)
{
    Py_ssize_t length = 0;
    for (int p = 0; p < string->count; p++) {
        length += string->pieces[p].length;
    }
    return length;
}

/* hash_text() of the concatenation */
static uint64_t
pieces_hash(const Pieces *string)
{
    uint64_t hash = 0xcbf29ce484222325u;
    for (int p = 0; p < string->count; p++) {
        for (Py_ssize_t i = 0; i < string->pieces[p].length; i++) {
            hash = (hash ^ char_at(&string->pieces[p], i)) * 0x100000001b3u;
        }
    }
    return hash;
}

static int
str_entry_equals(const StrTable *table, const StrEntry *entry, const Pieces *string)
{
    if (entry->length != pieces_length(string)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < entry->length; i++) {
        if (table->pool[entry->offset + i] != pieces_char(string, i)) {
            return 0;
        }
    }
    return 1;
}

/* The slot of `string`: its entry, or the free slot where it would go; NULL if no slots. */
static StrEntry *
strtable_slot(const StrTable *table, const Pieces *string, uint64_t hash)
{
    if (table->capacity == 0) {
        return NULL;
    }
    size_t mask = (size_t)table->capacity - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) { /* ends: a slot is free */
        StrEntry *entry = &table->slots[i];
        if (!entry->used || (entry->hash == hash && str_entry_equals(table, entry, string))) {
            return entry;
        }
    }
}

/* The value of `string`, or `otherwise`. */
static int64_t
strtable_get(const StrTable *table, const Pieces *string, int64_t otherwise)
{
    const StrEntry *entry = strtable_slot(table, string, pieces_hash(string));
    return entry != NULL && entry->used ? entry->value : otherwise;
}

/* Room for one more entry with the table at most half full; 0 or -1. */
static int
strtable_reserve_slot(StrTable *table)
{
    if ((table->count + 1) * 2 <= table->capacity) {
        return 0;
    }
    Py_ssize_t capacity = table->capacity < 64 ? 64 : table->capacity * 2;
    if ((size_t)capacity > (size_t)PY_SSIZE_T_MAX / sizeof(StrEntry)) {
        return -1;
    }
    StrEntry *slots = PyMem_RawCalloc((size_t)capacity, sizeof(StrEntry));
    if (slots == NULL) {
        return -1;
    }
    size_t mask = (size_t)capacity - 1;
    for (Py_ssize_t i = 0; i < table->capacity; i++) {
        if (table->slots[i].used) {
            size_t j = (size_t)table->slots[i].hash & mask;
            while (slots[j].used) {
                j = (j + 1) & mask;
            }
            slots[j] = table->slots[i];
        }
    }
    PyMem_RawFree(table->slots);
    table->slots = slots;
    table->capacity = capacity;
    return 0;
}

/* table[string] = value; 0, or -1 when out of memory. */
static int
strtable_set(StrTable *table, const Text *string, int64_t value)
{
    Pieces whole = {{*string}, 1};
    uint64_t hash = pieces_hash(&whole);
    StrEntry *entry = strtable_slot(table, &whole, hash);
    if (entry != NULL && entry->used) {
        entry->value = value;
        return 0;
    }
    if (strtable_reserve_slot(table) < 0
        || reserve((void **)&table->pool, &table->pool_capacity,
                   table->pool_size + string->length, sizeof *table->pool) < 0) {
        return -1;
    }
    entry = strtable_slot(table, &whole, hash); /* the slots may have moved */
    StrEntry new_entry = {hash, table->pool_size, string->length, value, 1};
    for (Py_ssize_t i = 0; i < string->length; i++) {
        table->pool[table->pool_size++] = char_at(string, i);
    }
    *entry = new_entry;
    table->count++;
    return 0;
}

static void
strtable_free(StrTable *table)
{
    PyMem_RawFree(table->slots);
    PyMem_RawFree(table->pool);
    memset(table, 0, sizeof *table);
}

typedef struct {
    int present;          /* 0: no context, every boundary costs 0 and ໆ always attaches */
    StrTable pairs;       /* left + " " + right -> boundary cost */
    int64_t fallback;     /* boundary_default: the cost of a pair not in `pairs` */
    int64_t max_cost;     /* the largest boundary cost */
    int separate;         /* repeat_separate */
    StrTable exceptions;  /* Lao tokens, as spelled, that get the opposite of `separate` */
} Context;

static const Py_UCS4 SPACE = ' ';

/* tail(e) for a word ending between the clusters of keys `left` and `right` */
static int64_t
boundary_cost(const Context *context, const Key *left, const Key *right)
{
    Pieces pair = {{text_from_ucs4(left->chars, left->length), text_from_ucs4(&SPACE, 1),
                    text_from_ucs4(right->chars, right->length)},
                   3};
    return strtable_get(&context->pairs, &pair, context->fallback);
}

/* separates_repeat: whether a ໆ run after the Lao token t[start:end] is a token of its own */
static int
separates_repeat(const Context *context, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    if (!context->present) {
        return 0;
    }
    Text word = {t->kind, (const char *)t->data + start * t->kind, end - start};
    Pieces whole = {{word}, 1};
    int exception = strtable_get(&context->exceptions, &whole, 0) != 0;
    return context->separate != exception;
}

/* ------------------------------------------------------------------------------------------ */
/* Segment, steps 3-4: the DP over one run of cluster keys, back-trace and merge (_dp).        */
/* ------------------------------------------------------------------------------------------ */

/* A path weight: (unknown clusters, total cost, single-cluster words), compared in that order.
 * segment.py packs the same triple into one int; comparing the triple orders paths the same. */
typedef struct {
    int64_t unknown, cost, singles;
} Weight;

static int
weight_less(Weight a, Weight b)
{
    if (a.unknown != b.unknown) {
        return a.unknown < b.unknown;
    }
    if (a.cost != b.cost) {
        return a.cost < b.cost;
    }
    return a.singles < b.singles;
}

/* The DP tables of one run, reused from run to run (capacity n + 1). */
typedef struct {
    Weight *best;
    Py_ssize_t *back;
    char *is_unknown;
    int64_t *tail; /* tail[e - 1]: the boundary cost of a word ending after cluster e - 1 */
    Py_ssize_t best_capacity, back_capacity, unknown_capacity, tail_capacity;
} Lattice;

static int
lattice_reserve(Lattice *lattice, Py_ssize_t n)
{
    if (reserve((void **)&lattice->best, &lattice->best_capacity, n + 1, sizeof(Weight)) < 0
        || reserve((void **)&lattice->back, &lattice->back_capacity, n + 1, sizeof(Py_ssize_t)) < 0
        || reserve((void **)&lattice->is_unknown, &lattice->unknown_capacity, n + 1, 1) < 0
        || reserve((void **)&lattice->tail, &lattice->tail_capacity, n + 1, sizeof(int64_t)) < 0) {
        return -1;
    }
    return 0;
}

static void
lattice_free(Lattice *lattice)
{
    PyMem_RawFree(lattice->best);
    PyMem_RawFree(lattice->back);
    PyMem_RawFree(lattice->is_unknown);
    PyMem_RawFree(lattice->tail);
    memset(lattice, 0, sizeof *lattice);
}

/* Replace the best path to `end` when `weight` is strictly better. */
static void
relax(Lattice *lattice, Py_ssize_t end, Weight weight, Py_ssize_t start, int unknown)
{
    if (weight_less(weight, lattice->best[end])) {
        lattice->best[end] = weight;
        lattice->back[end] = start;
        lattice->is_unknown[end] = (char)unknown;
    }
}

/* The edges leaving position i of keys[0..n): the unknown edge, then word edges by length. */
static void
relax_edges(const Trie *trie, Lattice *lattice, const Key *keys, Py_ssize_t n, Py_ssize_t i)
{
    Weight base = lattice->best[i];
    Weight unknown = {base.unknown + 1, base.cost, base.singles};
    relax(lattice, i + 1, unknown, i, 1);
    int32_t node = keys[i].node; /* = trie_walk(trie, ROOT, keys[i]), found once per key */
    if (node < 0 || trie->nodes[node].value == NOT_IN_TABLE) {
        return;
    }
    int64_t value = trie->nodes[node].value;
    if (value & IS_WORD) {
        Weight word = {base.unknown, base.cost + (value >> 2) + lattice->tail[i], base.singles + 1};
        relax(lattice, i + 1, word, i, 0);
    }
    Py_ssize_t j = i + 1;
    while ((value & IS_PREFIX) && j < n) {
        node = trie_walk(trie, node, keys[j].chars, keys[j].length);
        if (node < 0 || trie->nodes[node].value == NOT_IN_TABLE) {
            break;
        }
        value = trie->nodes[node].value;
        j++;
        if (value & IS_WORD) {
            Weight word = {base.unknown, base.cost + (value >> 2) + lattice->tail[j - 1],
                           base.singles};
            relax(lattice, j, word, i, 0);
        }
    }
}

enum { DONE = 0, NO_MEMORY = -1, TOO_LONG = -2 }; /* what the work without the GIL returns */

/* Append to `ends` the token ends of the best path over keys[0..n), as offsets in the text
 * (cluster_ends[e - 1] for a token ending after cluster e - 1); DONE, NO_MEMORY or TOO_LONG
 * (a total cost could overflow int64: never for text that fits in memory with sane costs). */
static int
dp(const Trie *trie, const Context *context, Lattice *lattice, const Key *keys,
   const int64_t *cluster_ends, Py_ssize_t n, Offsets *ends)
{
    int64_t max_cost = trie->max_cost + context->max_cost; /* each < 2**62: no overflow */
    if (max_cost > 0 && n > INT64_MAX / max_cost) {
        return TOO_LONG;
    }
    if (lattice_reserve(lattice, n) < 0) {
        return NO_MEMORY;
    }
    for (Py_ssize_t e = 0; e + 1 < n; e++) { /* tails(): 0 at the end of the run */
        lattice->tail[e] = context->present ? boundary_cost(context, &keys[e], &keys[e + 1]) : 0;
    }
    lattice->tail[n - 1] = 0;
    Weight infinite = {INT64_MAX, 0, 0};
    Weight zero = {0, 0, 0};
    for (Py_ssize_t i = 0; i <= n; i++) {
        lattice->best[i] = infinite;
    }
    lattice->best[0] = zero;
    for (Py_ssize_t i = 0; i < n; i++) {
        relax_edges(trie, lattice, keys, n, i);
    }
    /* Back-trace from n, merging consecutive unknown edges; the ends come out reversed. */
    Py_ssize_t first = ends->size;
    Py_ssize_t j = n;
    while (j > 0) {
        Py_ssize_t i = lattice->back[j];
        if (lattice->is_unknown[j]) {
            while (i > 0 && lattice->is_unknown[i]) {
                i = lattice->back[i];
            }
        }
        if (offsets_push(ends, cluster_ends[j - 1]) < 0) {
            return NO_MEMORY;
        }
        j = i;
    }
    for (Py_ssize_t a = first, b = ends->size - 1; a < b; a++, b--) {
        int64_t end = ends->items[a];
        ends->items[a] = ends->items[b];
        ends->items[b] = end;
    }
    return DONE;
}

/* ------------------------------------------------------------------------------------------ */
/* Segment, steps 1-5 for one text (_boundaries).                                              */
/* ------------------------------------------------------------------------------------------ */

#define NOT_LAO (-1) /* Key.length of a cluster that is not Lao: a hard boundary */
#define NO_KEY_YET (-2) /* Key.length of a Lao cluster whose key must come from Python */

/* The clusters of one text and what the segmenter knows about them. */
typedef struct {
    Offsets ends;       /* end offset of each cluster */
    Key *keys;          /* each cluster's key (chars in a KeyTable pool or in `own_keys`) */
    Py_ssize_t keys_capacity;
    Offsets missing;    /* the clusters whose key is NO_KEY_YET */
    Py_UCS4 *own_keys;  /* this call's copies of the keys it asked Python for */
    Py_ssize_t own_size, own_capacity;
    Offsets own_offsets; /* per missing cluster: where its key starts in own_keys */
} Clusters;

/* Forget the clusters of the last call, keeping the room they took. */
static void
clusters_empty(Clusters *clusters)
{
    clusters->ends.size = 0;
    clusters->missing.size = 0;
    clusters->own_size = 0;
    clusters->own_offsets.size = 0;
}

static void
clusters_free(Clusters *clusters)
{
    offsets_free(&clusters->ends);
    offsets_free(&clusters->missing);
    offsets_free(&clusters->own_offsets);
    PyMem_RawFree(clusters->keys);
    PyMem_RawFree(clusters->own_keys);
    memset(clusters, 0, sizeof *clusters);
}

/* Step 1 and the first half of step 2, without the GIL: scan, and find each Lao cluster's key
 * in `known`.  `lao_start` says which first characters make a cluster Lao.  0 or -1. */
static inline int
scan_and_find_keys_any_kind(const Text *t, const Marks *marks, const uint8_t *lao_start,
                            const KeyTable *known, Clusters *clusters)
{
    Py_ssize_t start = 0;
    while (start < t->length) {
        Py_ssize_t end = cluster_end(t, marks, start);
        Py_ssize_t index = clusters->ends.size;
        if (offsets_push(&clusters->ends, end) < 0
            || reserve((void **)&clusters->keys, &clusters->keys_capacity, index + 1,
                       sizeof(Key)) < 0) {
            return -1;
        }
        Key key = {NULL, NOT_LAO, -1};
        Py_UCS4 first = char_at(t, start);
        if (is_lao(first) && lao_start[first - LAO_FIRST]) {
            const KeyEntry *entry = keytable_find(known, t, start, end, hash_text(t, start, end));
            if (entry != NULL) {
                key = keytable_key(known, entry);
            }
            else if (offsets_push(&clusters->missing, index) < 0) {
                return -1;
            }
            else {
                key.length = NO_KEY_YET;
            }
        }
        clusters->keys[index] = key;
        start = end;
    }
    return 0;
}

static INLINE_ALL_CALLS int
scan_and_find_keys_ucs1(Text t, const Marks *marks, const uint8_t *lao_start,
                        const KeyTable *known, Clusters *clusters)
{
    t.kind = PyUnicode_1BYTE_KIND;
    return scan_and_find_keys_any_kind(&t, marks, lao_start, known, clusters);
}

static INLINE_ALL_CALLS int
scan_and_find_keys_ucs2(Text t, const Marks *marks, const uint8_t *lao_start,
                        const KeyTable *known, Clusters *clusters)
{
    t.kind = PyUnicode_2BYTE_KIND;
    return scan_and_find_keys_any_kind(&t, marks, lao_start, known, clusters);
}

static INLINE_ALL_CALLS int
scan_and_find_keys_ucs4(Text t, const Marks *marks, const uint8_t *lao_start,
                        const KeyTable *known, Clusters *clusters)
{
    t.kind = PyUnicode_4BYTE_KIND;
    return scan_and_find_keys_any_kind(&t, marks, lao_start, known, clusters);
}

static int
scan_and_find_keys(const Text *t, const Marks *marks, const uint8_t *lao_start,
                   const KeyTable *known, Clusters *clusters)
{
    if (reserve((void **)&clusters->ends.items, &clusters->ends.capacity, expected_clusters(t),
                sizeof *clusters->ends.items) < 0
        || reserve((void **)&clusters->keys, &clusters->keys_capacity, expected_clusters(t),
                   sizeof *clusters->keys) < 0) {
        return -1;
    }
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        return scan_and_find_keys_ucs1(*t, marks, lao_start, known, clusters);
    case PyUnicode_2BYTE_KIND:
        return scan_and_find_keys_ucs2(*t, marks, lao_start, known, clusters);
    default:
        return scan_and_find_keys_ucs4(*t, marks, lao_start, known, clusters);
    }
}

/* Copy a key into this call's own storage; its offset there, or -1. */
static Py_ssize_t
own_key(Clusters *clusters, const Text *key)
{
    Py_ssize_t offset = clusters->own_size;
    if (reserve((void **)&clusters->own_keys, &clusters->own_capacity, offset + key->length,
                sizeof *clusters->own_keys) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < key->length; i++) {
        clusters->own_keys[offset + i] = char_at(key, i);
    }
    clusters->own_size += key->length;
    return offset;
}

/* What _boundaries remembers from one non-Lao cluster to the next (_other_ends). */
typedef struct {
    int after_lao_run;  /* this cluster starts a non-Lao run that follows a Lao run */
    Py_UCS4 repeated;   /* the symbol the last token repeats, for runs like ".."; NO_CHAR: none */
} BoundaryState;

/* _is_symbol: symbols that repeat into one token: punctuation and ໆ (not letters, digits,
 * whitespace, ZWSP, ຯ or the double quote) */
static int
is_symbol(Py_UCS4 c)
{
    if (c == '"') {
        return 0;
    }
    return !(Py_UNICODE_ISALNUM(c) || Py_UNICODE_ISSPACE(c) || c == 0x200B) || c == KO_LA;
}

/* Whether a ໆ starting a non-Lao run at pos joins the Lao token before it (tokens[-1]). */
static int
attaches_repeat(const Text *t, const Context *context, int64_t pos, const Offsets *tokens)
{
    int64_t start = tokens->size > 1 ? tokens->items[tokens->size - 2] : 0;
    return !separates_repeat(context, t, (Py_ssize_t)start, (Py_ssize_t)pos);
}

/* _is_hyphen: the characters that join a word and a number (segment.py, step 5) */
static int
is_hyphen(Py_UCS4 c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* _is_latin: a letter of the Latin script (its basic, supplement, extended and Vietnamese
 * blocks) */
static int
is_latin(Py_UCS4 c)
{
    return Py_UNICODE_ISALPHA(c) && (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF));
}

/* _ends_word: a character that can end a word before a hyphen: a letter, or a Lao vowel sign or
 * mark (ນີ້-19) */
static int
ends_word(Py_UCS4 c)
{
    return Py_UNICODE_ISALPHA(c) || (c >= 0x0EB1 && c <= 0x0ECE);
}

/* _joins_hyphen: whether a lone hyphen between the characters before and after joins them (step
 * 5): a word and a number (ໂຄວິດ-19, COVID-19), or two Latin words (Coca-Cola) */
static int
joins_hyphen(Py_UCS4 before, Py_UCS4 after)
{
    return (Py_UNICODE_ISDECIMAL(after) && ends_word(before))
           || (is_latin(before) && is_latin(after));
}

/* Whether the cluster starting at pos ends a lone-hyphen join: the last token is one hyphen
 * (tokens->items[size - 1] == pos), a token before it ends right at the hyphen, and the
 * characters around the hyphen join (joins_hyphen). */
static int
after_joining_hyphen(const Text *t, int64_t pos, const Offsets *tokens)
{
    Py_ssize_t size = tokens->size;
    return size >= 2 && tokens->items[size - 2] == pos - 1
           && is_hyphen(char_at(t, (Py_ssize_t)pos - 1))
           && joins_hyphen(char_at(t, (Py_ssize_t)pos - 2), char_at(t, (Py_ssize_t)pos));
}

/* A cluster that is not Lao, text[pos:end] (step 5): a token of its own, or the extension of
 * the last token: a symbol equal to the one before (".." "!!!" "ໆໆ"), ໆ right after a Lao
 * token (unless the context says otherwise), or a number or Latin word after a joining hyphen
 * (which then joins the token before it too).  DONE or NO_MEMORY. */
static int
hard_boundary(const Text *t, const Context *context, int64_t pos, int64_t end,
              BoundaryState *state, Offsets *tokens)
{
    Py_UCS4 c = char_at(t, (Py_ssize_t)pos);
    int single = end - pos == 1;
    int attaches = single && c == KO_LA && state->after_lao_run
                   && attaches_repeat(t, context, pos, tokens);
    int extends = attaches || (single && c == state->repeated);
    /* c >= '0': the cheap test first; spaces and most punctuation never end a hyphen join */
    int hyphenated = !extends && c >= '0' && after_joining_hyphen(t, pos, tokens);
    state->after_lao_run = 0;
    state->repeated = single && is_symbol(c) ? c : NO_CHAR;
    if (hyphenated) {
        tokens->size--; /* the hyphen's own token; the token before it now ends here */
        tokens->items[tokens->size - 1] = end;
        return DONE;
    }
    if (extends) {
        tokens->items[tokens->size - 1] = end; /* a Lao token or the repeated symbol exists */
        return DONE;
    }
    return offsets_push(tokens, end) < 0 ? NO_MEMORY : DONE;
}

/* Steps 1-5 once the keys are known (_boundaries), without the GIL: each run of Lao clusters
 * goes through the DP (_lao_run_ends), every other cluster through hard_boundary()
 * (_other_ends and the ໆ attachment).  segment.py cuts the text into Lao and non-Lao runs before
 * it scans; one scan of the whole text gives the same clusters (its docstring, step 1), so here
 * the runs are found on the clusters.  DONE, NO_MEMORY or TOO_LONG. */
static int
segment_clusters(const Text *t, const Trie *trie, const Context *context,
                 const Clusters *clusters, Lattice *lattice, Offsets *tokens)
{
    BoundaryState state = {0, NO_CHAR};
    const int64_t *ends = clusters->ends.items;
    Py_ssize_t count = clusters->ends.size, run_start = 0;
    if (reserve((void **)&tokens->items, &tokens->capacity, count, sizeof *tokens->items) < 0) {
        return NO_MEMORY; /* at most one token a cluster */
    }
    int64_t pos = 0;
    int status = DONE;
    for (Py_ssize_t c = 0; c < count && status == DONE; c++) {
        if (clusters->keys[c].length != NOT_LAO) {
            pos = ends[c];
            continue;
        }
        if (run_start < c) {
            status = dp(trie, context, lattice, clusters->keys + run_start, ends + run_start,
                        c - run_start, tokens);
            state.after_lao_run = 1;
            state.repeated = NO_CHAR;
        }
        if (status == DONE) {
            status = hard_boundary(t, context, pos, ends[c], &state, tokens);
        }
        pos = ends[c];
        run_start = c + 1;
    }
    if (status == DONE && run_start < count) {
        status = dp(trie, context, lattice, clusters->keys + run_start, ends + run_start,
                    count - run_start, tokens);
    }
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Tokens as str objects, built only when asked (Segmenter.tokens).  Text repeats its words, so */
/* equal tokens share one str, found in a per-call table sized to the token count.             */
/* ------------------------------------------------------------------------------------------ */

#define MAX_SHARED_LENGTH 32 /* characters: longer tokens seldom repeat */

typedef struct {
    PyObject *token; /* borrowed from the result list; NULL marks a free slot */
    Py_ssize_t start, length;
    uint64_t hash;
} SharedToken;

typedef struct {
    SharedToken *slots;
    size_t mask;           /* capacity - 1; capacity is a power of 2 */
    Py_ssize_t count, limit; /* limit <= capacity * 3 / 4 keeps a slot free */
} SharedTokens;

static int
same_chars(const Text *t, Py_ssize_t a, Py_ssize_t b, Py_ssize_t length)
{
    for (Py_ssize_t i = 0; i < length; i++) {
        if (char_at(t, a + i) != char_at(t, b + i)) {
            return 0;
        }
    }
    return 1;
}

/* The str text[start:end] (a new reference), shared with an equal earlier token if any. */
static PyObject *
shared_token(PyObject *str, const Text *t, Py_ssize_t start, Py_ssize_t end, SharedTokens *shared)
{
    Py_ssize_t length = end - start;
    if (length > MAX_SHARED_LENGTH || shared->slots == NULL) {
        return PyUnicode_Substring(str, start, end);
    }
    uint64_t hash = hash_text(t, start, end);
    size_t i = (size_t)hash & shared->mask;
    for (; shared->slots[i].token != NULL; i = (i + 1) & shared->mask) { /* a slot is free */
        SharedToken *slot = &shared->slots[i];
        if (slot->hash == hash && slot->length == length
            && same_chars(t, slot->start, start, length)) {
            Py_INCREF(slot->token);
            return slot->token;
        }
    }
    PyObject *token = PyUnicode_Substring(str, start, end);
    if (token != NULL && shared->count < shared->limit) {
        SharedToken entry = {token, start, length, hash};
        shared->slots[i] = entry;
        shared->count++;
    }
    return token;
}

/* The slices text[0:ends[0]], text[ends[0]:ends[1]], ... as a new list of str. */
static PyObject *
offsets_to_strings(PyObject *str, const Offsets *ends)
{
    Text t = text_from_str(str);
    SharedTokens shared = {NULL, 0, 0, 0};
    size_t capacity = 64;
    while (capacity < 65536 && (Py_ssize_t)capacity < ends->size) {
        capacity *= 2;
    }
    shared.slots = PyMem_Calloc(capacity, sizeof(SharedToken)); /* NULL: no sharing, no harm */
    shared.mask = capacity - 1;
    shared.limit = (Py_ssize_t)(capacity / 4 * 3);
    PyObject *list = PyList_New(ends->size);
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; list != NULL && i < ends->size; i++) {
        PyObject *token = shared_token(str, &t, start, (Py_ssize_t)ends->items[i], &shared);
        if (token == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, token);
        start = (Py_ssize_t)ends->items[i];
    }
    PyMem_Free(shared.slots);
    return list;
}

/* ------------------------------------------------------------------------------------------ */
/* Python objects: Scanner (the mark table) and Segmenter (the lexicon's tables).              */
/* ------------------------------------------------------------------------------------------ */

static int
check_str(PyObject *arg, const char *what)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s expects str, not %.100s", what, Py_TYPE(arg)->tp_name);
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(arg) < 0) { /* a legacy str without its canonical buffer yet */
        return -1;
    }
#endif
    return 0;
}

static PyObject *
raise_status(int status)
{
    if (status == TOO_LONG) {
        return PyErr_Format(PyExc_OverflowError, "text too long for the lexicon's costs");
    }
    return PyErr_NoMemory();
}

typedef struct {
    PyObject_HEAD
    int ready; /* set once by __init__; the tables never change afterwards */
    Marks marks;
} ScannerObject;

static int
Scanner_init(ScannerObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"mark_ranges", NULL};
    PyObject *ranges;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:Scanner", keywords, &ranges)) {
        return -1;
    }
    if (self->ready) {
        PyErr_SetString(PyExc_TypeError, "a Scanner cannot be initialised twice");
        return -1;
    }
    PyMem_Free(self->marks.astral); /* from an earlier __init__ that failed */
    self->marks.astral = NULL;
    if (marks_init(&self->marks, ranges) < 0) {
        return -1;
    }
    self->ready = 1;
    return 0;
}

static void
Scanner_dealloc(ScannerObject *self)
{
    PyMem_Free(self->marks.astral);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Scanner_bounds(ScannerObject *self, PyObject *arg)
{
    if (check_str(arg, "bounds()") < 0) {
        return NULL;
    }
    Text text = text_from_str(arg);
    Offsets ends = {NULL, 0, 0};
    int status;
    Py_BEGIN_ALLOW_THREADS
    status = scan(&text, &self->marks, &ends);
    Py_END_ALLOW_THREADS
    PyObject *result = status == DONE ? offsets_to_array(&ends) : raise_status(status);
    offsets_free(&ends);
    return result;
}

static PyMethodDef Scanner_methods[] = {
    {"bounds", (PyCFunction)Scanner_bounds, METH_O,
     "bounds(text, /)\n--\n\nThe end offset of every syllable cluster, as array('q')."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "laotext._core.Scanner",
    .tp_doc = "Scanner(mark_ranges)\n--\n\nThe syllable-cluster scanner (CLUSTER_RE in C).",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Scanner_init,
    .tp_dealloc = (destructor)Scanner_dealloc,
    .tp_methods = Scanner_methods,
};

#define MAX_LEARNED 100000 /* raw clusters remembered: random input must not grow memory */

typedef struct {
    PyObject_HEAD
    int ready;                /* set once by __init__ */
    ScannerObject *scanner;   /* its marks */
    PyObject *key_function;   /* raw cluster -> key (str -> str) */
    uint8_t lao_start[LAO_LAST - LAO_FIRST + 1]; /* first characters of Lao clusters */
    Trie trie;                /* the lookup table */
    Context context;          /* a trained model's boundary costs and ໆ rule, if any */
    KeyTable *known;          /* raw cluster -> key; read without the GIL, never changed */
    KeyTable **retired;       /* earlier `known` tables that running calls may still read */
    Py_ssize_t retired_count, retired_capacity;
    KeyTable pending;         /* pairs learned since `known` was made; GIL only */
    Py_ssize_t running;       /* calls between their start and their end; GIL only */
    int normalize_keys;       /* key_function is normalize(): try lao_normalize_default first */
    /* The tables of one call, kept for the next: only for calls that hold the GIL throughout
     * (short texts) and only by one call at a time (the key function may let another in). */
    Clusters scratch;
    Lattice scratch_lattice;
    int scratch_in_use;
} SegmenterObject;

/* With the GIL and no call running: free the tables that `known` replaced. */
static void
free_retired(SegmenterObject *self)
{
    for (Py_ssize_t i = 0; i < self->retired_count; i++) {
        keytable_free(self->retired[i]);
        PyMem_RawFree(self->retired[i]);
    }
    self->retired_count = 0;
}

static void
Segmenter_clear_tables(SegmenterObject *self)
{
    Py_CLEAR(self->scanner);
    Py_CLEAR(self->key_function);
    trie_free(&self->trie);
    strtable_free(&self->context.pairs);
    strtable_free(&self->context.exceptions);
    memset(&self->context, 0, sizeof self->context);
    if (self->known != NULL) {
        keytable_free(self->known);
        PyMem_RawFree(self->known);
        self->known = NULL;
    }
    free_retired(self);
    PyMem_RawFree(self->retired);
    self->retired = NULL;
    self->retired_capacity = 0;
    keytable_free(&self->pending);
    clusters_free(&self->scratch);
    lattice_free(&self->scratch_lattice);
}

/* lao_start: an iterable of one-character str in the Lao block. */
static int
set_lao_start(SegmenterObject *self, PyObject *chars)
{
    PyObject *seq = PySequence_Fast(chars, "lao_start must be an iterable of characters");
    if (seq == NULL) {
        return -1;
    }
    memset(self->lao_start, 0, sizeof self->lao_start);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        Py_UCS4 c = NO_CHAR;
        if (PyUnicode_Check(item) && PyUnicode_GET_LENGTH(item) == 1) {
            c = PyUnicode_READ_CHAR(item, 0);
        }
        if (!is_lao(c)) {
            PyErr_Format(PyExc_ValueError, "lao_start holds %R, not a Lao-block character", item);
            Py_DECREF(seq);
            return -1;
        }
        self->lao_start[c - LAO_FIRST] = 1;
    }
    Py_DECREF(seq);
    return 0;
}

/* table: dict of key str -> non-negative int (cost << 2 | flags): Lexicon.build's table, or
 * only its words. */
static int
build_trie(Trie *trie, PyObject *table)
{
    if (!PyDict_Check(table)) {
        PyErr_SetString(PyExc_TypeError, "table must be a dict of str -> int");
        return -1;
    }
    Py_ssize_t count = PyDict_GET_SIZE(table), e = 0, position = 0;
    TableEntry *entries = PyMem_RawMalloc((size_t)(count > 0 ? count : 1) * sizeof(TableEntry));
    if (entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int sorted = 1, status = -1;
    PyObject *key, *value;
    /* The keys are borrowed until the trie is built: no Python code may run meanwhile (it could
     * change the dict), so a value must be an int itself, not an object with __index__. */
    while (PyDict_Next(table, &position, &key, &value) && e < count) {
        if (check_str(key, "table") < 0) {
            goto done;
        }
        if (!PyLong_Check(value)) {
            PyErr_Format(PyExc_TypeError, "table value for %R is not an int", key);
            goto done;
        }
        long long number = PyLong_AsLongLong(value);
        if (number == -1 && PyErr_Occurred()) {
            goto done;
        }
        if (number < 0) {
            PyErr_Format(PyExc_ValueError, "table value for %R is negative", key);
            goto done;
        }
        TableEntry entry = {text_from_str(key), number};
        sorted = sorted && (e == 0 || compare_keys(&entries[e - 1].key, &entry.key) < 0);
        entries[e++] = entry;
    }
    if (!sorted) { /* the default lexicon's table comes sorted; a trained one may not */
        qsort(entries, (size_t)e, sizeof(TableEntry), compare_entries);
    }
    if (trie_build(trie, entries, e) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    status = 0;
done:
    PyMem_RawFree(entries);
    return status;
}

#define MAX_BOUNDARY_COST (INT64_MAX >> 2) /* so that a word cost plus a boundary cost fits */

/* A boundary cost: an int in [0, MAX_BOUNDARY_COST]; 0, or -1 with an exception set. */
static int
boundary_cost_from(PyObject *number, int64_t *cost)
{
    long long value = PyLong_AsLongLong(number);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (value < 0 || value > MAX_BOUNDARY_COST) {
        PyErr_Format(PyExc_ValueError, "a boundary cost must be in [0, 2**61), not %lld", value);
        return -1;
    }
    *cost = value;
    return 0;
}

/* pairs: dict of "left right" -> cost, as _ContextTable.pairs. */
static int
build_pairs(Context *context, PyObject *pairs)
{
    if (!PyDict_Check(pairs)) {
        PyErr_SetString(PyExc_TypeError, "context.pairs must be a dict of str -> int");
        return -1;
    }
    Py_ssize_t position = 0;
    PyObject *key, *value;
    while (PyDict_Next(pairs, &position, &key, &value)) {
        int64_t cost;
        if (check_str(key, "context.pairs") < 0 || boundary_cost_from(value, &cost) < 0) {
            return -1;
        }
        Text text = text_from_str(key);
        if (strtable_set(&context->pairs, &text, cost) < 0) {
            PyErr_NoMemory();
            return -1;
        }
        context->max_cost = cost > context->max_cost ? cost : context->max_cost;
    }
    return 0;
}

/* exceptions: an iterable of str (the Lao tokens, as spelled). */
static int
build_exceptions(Context *context, PyObject *exceptions)
{
    PyObject *seq = PySequence_Fast(exceptions, "context.exceptions must be an iterable of str");
    if (seq == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(seq, i);
        if (check_str(word, "context.exceptions") < 0) {
            Py_DECREF(seq);
            return -1;
        }
        Text text = text_from_str(word);
        if (strtable_set(&context->exceptions, &text, 1) < 0) {
            Py_DECREF(seq);
            PyErr_NoMemory();
            return -1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

/* context: None, or an object with the attributes of segment._ContextTable: pairs, default,
 * separate, exceptions. */
static int
build_context(Context *context, PyObject *source)
{
    if (source == Py_None) {
        return 0;
    }
    PyObject *pairs = PyObject_GetAttrString(source, "pairs");
    PyObject *fallback = pairs ? PyObject_GetAttrString(source, "default") : NULL;
    PyObject *separate = fallback ? PyObject_GetAttrString(source, "separate") : NULL;
    PyObject *exceptions = separate ? PyObject_GetAttrString(source, "exceptions") : NULL;
    int status = -1;
    if (exceptions != NULL && build_pairs(context, pairs) == 0
        && boundary_cost_from(fallback, &context->fallback) == 0
        && (context->separate = PyObject_IsTrue(separate)) >= 0
        && build_exceptions(context, exceptions) == 0) {
        if (context->fallback > context->max_cost) {
            context->max_cost = context->fallback;
        }
        context->present = 1;
        status = 0;
    }
    Py_XDECREF(pairs);
    Py_XDECREF(fallback);
    Py_XDECREF(separate);
    Py_XDECREF(exceptions);
    return status;
}

static int
Segmenter_init(SegmenterObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"scanner", "table",          "key", "lao_start",
                               "context", "normalize_keys", NULL};
    PyObject *scanner, *table, *key_function, *lao_start, *context = Py_None;
    int normalize_keys = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!OOO|Op:Segmenter", keywords, &ScannerType,
                                     &scanner, &table, &key_function, &lao_start, &context,
                                     &normalize_keys)) {
        return -1;
    }
    if (self->ready) {
        PyErr_SetString(PyExc_TypeError, "a Segmenter cannot be initialised twice");
        return -1;
    }
    if (!PyCallable_Check(key_function)) {
        PyErr_SetString(PyExc_TypeError, "key must be callable");
        return -1;
    }
    Segmenter_clear_tables(self); /* from an earlier __init__ that failed */
    Py_INCREF(scanner);
    self->scanner = (ScannerObject *)scanner;
    Py_INCREF(key_function);
    self->key_function = key_function;
    self->known = PyMem_RawCalloc(1, sizeof(KeyTable));
    if (self->known == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (set_lao_start(self, lao_start) < 0 || build_trie(&self->trie, table) < 0
        || build_context(&self->context, context) < 0) {
        return -1;
    }
    self->normalize_keys = normalize_keys;
    self->ready = 1;
    return 0;
}

static int
Segmenter_traverse(SegmenterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->scanner);
    Py_VISIT(self->key_function);
    return 0;
}

static int
Segmenter_clear(SegmenterObject *self)
{
    Py_CLEAR(self->scanner);
    Py_CLEAR(self->key_function);
    return 0;
}

static void
Segmenter_dealloc(SegmenterObject *self)
{
    PyObject_GC_UnTrack(self);
    Segmenter_clear_tables(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Copy the key `key_text` of the raw cluster `raw_text` into the call's own storage and remember
 * the pair in `pending`; the offset of the copy, or -1 when out of memory (no exception set). */
static Py_ssize_t
keep_key(SegmenterObject *self, const Text *raw_text, const Text *key_text, uint64_t hash,
         Clusters *clusters)
{
    Py_ssize_t offset = own_key(clusters, key_text);
    int learn = self->known->count + self->pending.count < MAX_LEARNED;
    if (offset >= 0 && learn) {
        int32_t node = trie_walk(&self->trie, ROOT, clusters->own_keys + offset,
                                 key_text->length);
        if (keytable_add(&self->pending, raw_text, key_text, hash, node) < 0) {
            offset = -1;
        }
    }
    return offset;
}

#define KEY_NOT_DECIDED (-2)

/* The key of the raw cluster t[start:end] from the C normaliser, when the key function is
 * normalize() (normalize_keys) and the C normaliser decides the cluster: no Python call for
 * the few thousand clusters a text brings.  As keep_key() (with an exception set on -1), or
 * KEY_NOT_DECIDED. */
static Py_ssize_t
normalized_key(SegmenterObject *self, const Text *t, Py_ssize_t start, Py_ssize_t end,
               uint64_t hash, Clusters *clusters, Py_ssize_t *length)
{
    UCS4Buffer raw = {NULL, 0, 0}, key = {NULL, 0, 0};
    Py_ssize_t offset = -1;
    if (ucs4_reserve(&raw, end - start) == 0) {
        for (Py_ssize_t i = start; i < end; i++) {
            raw.items[raw.length++] = char_at(t, i);
        }
        int decided = lao_normalize_default(raw.items, raw.length, &key);
        if (decided == 0) {
            offset = KEY_NOT_DECIDED;
        }
        else if (decided > 0) {
            Text raw_text = text_from_ucs4(raw.items, raw.length);
            Text key_text = text_from_ucs4(key.items, key.length);
            offset = keep_key(self, &raw_text, &key_text, hash, clusters);
            *length = key.length;
        }
    }
    ucs4_free(&raw);
    ucs4_free(&key);
    if (offset == -1) {
        PyErr_NoMemory();
    }
    return offset;
}

/* Ask the key function for the key of the raw cluster t[start:end] (a slice of `str`), copy it
 * into the call's own storage and remember it in `pending`; the offset of the copy, or -1 with
 * an exception set.  The key function may run other threads: nothing found before is kept. */
static Py_ssize_t
ask_key(SegmenterObject *self, PyObject *str, Py_ssize_t start, Py_ssize_t end, uint64_t hash,
        Clusters *clusters, Py_ssize_t *length)
{
    if (self->normalize_keys) {
        Text t = text_from_str(str);
        Py_ssize_t offset = normalized_key(self, &t, start, end, hash, clusters, length);
        if (offset != KEY_NOT_DECIDED) {
            return offset;
        }
    }
    PyObject *raw = PyUnicode_Substring(str, start, end);
    if (raw == NULL) {
        return -1;
    }
    PyObject *key = PyObject_CallOneArg(self->key_function, raw);
    Py_ssize_t offset = -1;
    if (key != NULL && check_str(key, "the key function's result") == 0) {
        Text raw_text = text_from_str(raw), key_text = text_from_str(key);
        offset = keep_key(self, &raw_text, &key_text, hash, clusters);
        if (offset < 0) {
            PyErr_NoMemory();
        }
        *length = key_text.length;
    }
    Py_DECREF(raw);
    Py_XDECREF(key);
    return offset;
}

/* Step 2, second half, with the GIL: the keys that the call's `known` lacked, from the tables
 * as they are now or from the key function.  0, or -1 with an exception set. */
static int
find_missing_keys(SegmenterObject *self, PyObject *str, const Text *t, Clusters *clusters)
{
    for (Py_ssize_t m = 0; m < clusters->missing.size; m++) {
        Py_ssize_t c = (Py_ssize_t)clusters->missing.items[m];
        Py_ssize_t start = c > 0 ? (Py_ssize_t)clusters->ends.items[c - 1] : 0;
        Py_ssize_t end = (Py_ssize_t)clusters->ends.items[c];
        uint64_t hash = hash_text(t, start, end);
        const KeyTable *table = self->known; /* newer than the call's if another call merged */
        const KeyEntry *entry = keytable_find(table, t, start, end, hash);
        if (entry == NULL) {
            table = &self->pending;
            entry = keytable_find(table, t, start, end, hash);
        }
        Py_ssize_t offset, length = 0;
        if (entry != NULL) {
            Text key = text_from_ucs4(table->pool + entry->key, entry->key_length);
            offset = own_key(clusters, &key);
            length = key.length;
            if (offset < 0) {
                PyErr_NoMemory();
            }
        }
        else {
            offset = ask_key(self, str, start, end, hash, clusters, &length);
        }
        if (offset < 0) {
            return -1;
        }
        if (offsets_push(&clusters->own_offsets, offset) < 0) {
            PyErr_NoMemory();
            return -1;
        }
        clusters->keys[c].length = length;
    }
    for (Py_ssize_t m = 0; m < clusters->missing.size; m++) { /* own_keys has stopped moving */
        Key *key = &clusters->keys[(Py_ssize_t)clusters->missing.items[m]];
        key->chars = clusters->own_keys + clusters->own_offsets.items[m];
        key->node = trie_walk(&self->trie, ROOT, key->chars, key->length);
    }
    return 0;
}

/* With the GIL: when `pending` has grown, publish known + pending as the new `known`. */
static int
merge_pending(SegmenterObject *self)
{
    if (self->pending.count < 64 + self->known->count / 2) {
        return 0;
    }
    KeyTable *merged = PyMem_RawCalloc(1, sizeof(KeyTable));
    if (merged == NULL
        || keytable_add_all(merged, self->known) < 0
        || keytable_add_all(merged, &self->pending) < 0
        || reserve((void **)&self->retired, &self->retired_capacity, self->retired_count + 1,
                   sizeof *self->retired) < 0) {
        if (merged != NULL) {
            keytable_free(merged);
            PyMem_RawFree(merged);
        }
        PyErr_NoMemory();
        return -1;
    }
    self->retired[self->retired_count++] = self->known; /* a running call may still read it */
    self->known = merged;
    keytable_free(&self->pending);
    return 0;
}

/* Texts shorter than this are segmented with the GIL held: releasing and taking it back costs
 * more than such a text takes (hashlib draws the line at the same place). */
#define GIL_RELEASE_LENGTH 2048

static PyThreadState *
release_gil_for(const Text *text)
{
    return text->length >= GIL_RELEASE_LENGTH ? PyEval_SaveThread() : NULL;
}

static void
take_gil_back(PyThreadState *state)
{
    if (state != NULL) {
        PyEval_RestoreThread(state);
    }
}

/* Steps 1-5 for `str`: the token ends in `tokens`.  0, or -1 with an exception set. */
static int
segment(SegmenterObject *self, PyObject *str, Offsets *tokens)
{
    if (!self->ready) {
        PyErr_SetString(PyExc_TypeError, "Segmenter.__init__ was not called");
        return -1;
    }
    Text text = text_from_str(str);
    Clusters own_clusters, *clusters = &own_clusters;
    Lattice own_lattice, *lattice = &own_lattice;
    memset(&own_clusters, 0, sizeof own_clusters);
    memset(&own_lattice, 0, sizeof own_lattice);
    /* A short text holds the GIL throughout, so it may use the kept tables if they are free: on
     * a text a line, allocating them each time costs about as much as the line's DP. */
    int kept = text.length < GIL_RELEASE_LENGTH && !self->scratch_in_use;
    if (kept) {
        self->scratch_in_use = 1;
        clusters = &self->scratch;
        clusters_empty(clusters);
        lattice = &self->scratch_lattice;
    }
    const KeyTable *known = self->known; /* this call's table, whatever later calls publish */
    int status;
    self->running++;
    PyThreadState *state = release_gil_for(&text);
    status = scan_and_find_keys(&text, &self->scanner->marks, self->lao_start, known, clusters);
    take_gil_back(state);
    if (status != DONE) {
        raise_status(status);
    }
    else if (find_missing_keys(self, str, &text, clusters) < 0 || merge_pending(self) < 0) {
        status = NO_MEMORY; /* the exception is set */
    }
    else {
        state = release_gil_for(&text);
        status = segment_clusters(&text, &self->trie, &self->context, clusters, lattice, tokens);
        take_gil_back(state);
        if (status != DONE) {
            raise_status(status);
        }
    }
    if (kept) {
        clusters_empty(clusters); /* its keys pointed into `known`, which may be retired */
        self->scratch_in_use = 0;
    }
    else {
        clusters_free(clusters); /* the keys of `clusters` pointed into `known` up to here */
        lattice_free(lattice);
    }
    if (--self->running == 0) {
        free_retired(self);
    }
    return status == DONE ? 0 : -1;
}

/* For _romanize.c (declared in _romanize.h): the token ends of `str` appended to *ends. */
int
core_segment_ends(PyObject *segmenter, PyObject *str, int64_t **ends, Py_ssize_t *count,
                  Py_ssize_t *capacity)
{
    if (!PyObject_TypeCheck(segmenter, &SegmenterType)) {
        PyErr_SetString(PyExc_TypeError, "expected a laotext._core.Segmenter");
        return -1;
    }
    Offsets tokens = {*ends, *count, *capacity};
    int status = segment((SegmenterObject *)segmenter, str, &tokens);
    *ends = tokens.items;
    *count = tokens.size;
    *capacity = tokens.capacity;
    return status;
}

static PyObject *
Segmenter_bounds(SegmenterObject *self, PyObject *arg)
{
    if (check_str(arg, "bounds()") < 0) {
        return NULL;
    }
    Offsets tokens = {NULL, 0, 0};
    PyObject *result = segment(self, arg, &tokens) == 0 ? offsets_to_array(&tokens) : NULL;
    offsets_free(&tokens);
    return result;
}

static PyObject *
Segmenter_tokens(SegmenterObject *self, PyObject *arg)
{
    if (check_str(arg, "tokens()") < 0) {
        return NULL;
    }
    Offsets tokens = {NULL, 0, 0};
    PyObject *result = segment(self, arg, &tokens) == 0 ? offsets_to_strings(arg, &tokens) : NULL;
    offsets_free(&tokens);
    return result;
}

static PyObject *
Segmenter_get_node_count(SegmenterObject *self, void *closure)
{
    return PyLong_FromSsize_t(self->trie.node_count);
}

static PyObject *
Segmenter_get_known_count(SegmenterObject *self, void *closure)
{
    return PyLong_FromSsize_t(self->known == NULL ? 0 : self->known->count + self->pending.count);
}

static size_t
keytable_memory(const KeyTable *table)
{
    return (size_t)table->capacity * sizeof(KeyEntry)
           + (size_t)table->pool_capacity * sizeof(Py_UCS4);
}

/* sys.getsizeof(): the object and every table it owns */
static PyObject *
Segmenter_sizeof(SegmenterObject *self, PyObject *unused)
{
    size_t size = sizeof(SegmenterObject) + (size_t)self->trie.node_count * sizeof(TrieNode)
                  + (size_t)self->trie.branch_capacity * sizeof(TrieEdge)
                  + keytable_memory(&self->pending)
                  + (size_t)self->context.pairs.capacity * sizeof(StrEntry)
                  + (size_t)self->context.pairs.pool_capacity * sizeof(Py_UCS4)
                  + (size_t)self->context.exceptions.capacity * sizeof(StrEntry)
                  + (size_t)self->context.exceptions.pool_capacity * sizeof(Py_UCS4)
                  + (size_t)self->retired_capacity * sizeof(KeyTable *);
    if (self->known != NULL) {
        size += sizeof(KeyTable) + keytable_memory(self->known);
    }
    for (Py_ssize_t i = 0; i < self->retired_count; i++) {
        size += sizeof(KeyTable) + keytable_memory(self->retired[i]);
    }
    return PyLong_FromSize_t(size);
}

static PyGetSetDef Segmenter_getset[] = {
    {"node_count", (getter)Segmenter_get_node_count, NULL, "Nodes of the lookup trie.", NULL},
    {"known_count", (getter)Segmenter_get_known_count, NULL,
     "Raw clusters whose key the segmenter remembers.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef Segmenter_methods[] = {
    {"bounds", (PyCFunction)Segmenter_bounds, METH_O,
     "bounds(text, /)\n--\n\nThe end offset of every word token, as array('q')."},
    {"tokens", (PyCFunction)Segmenter_tokens, METH_O,
     "tokens(text, /)\n--\n\nThe word tokens, as a list of str (slices of text)."},
    {"__sizeof__", (PyCFunction)Segmenter_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject SegmenterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "laotext._core.Segmenter",
    .tp_doc = "Segmenter(scanner, table, key, lao_start, context=None)\n--\n\n"
              "The word segmenter of laotext.segment in C, over one lookup table.",
    .tp_basicsize = sizeof(SegmenterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Segmenter_init,
    .tp_dealloc = (destructor)Segmenter_dealloc,
    .tp_traverse = (traverseproc)Segmenter_traverse,
    .tp_clear = (inquiry)Segmenter_clear,
    .tp_methods = Segmenter_methods,
    .tp_getset = Segmenter_getset,
};

/* ------------------------------------------------------------------------------------------ */
/* Module                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Entry points of the other C files that tests call directly. */
static PyMethodDef core_functions[] = {
    {"_normalize_default", normcore_normalize_py, METH_O,
     "normalize(text) with the default options when the C normaliser decides it, else None."},
    {"_scan_syllables", speller_scan_py, METH_O,
     "syllable._scan(word) from the C scanner (syllables as tuples of fields without tone)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "laotext._core",
    .m_doc = "Compiled core of laotext: the cluster scanner, the word segmenter and the "
             "romaniser's fast path.",
    .m_size = -1,
    .m_methods = core_functions,
};

static int
add_type(PyObject *module, PyTypeObject *type, const char *name)
{
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    Py_INCREF(type);
    if (PyModule_AddObject(module, name, (PyObject *)type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

PyMODINIT_FUNC
PyInit__core(void)
{
    init_lao_classes();
    if (array_type == NULL) {
        PyObject *array_module = PyImport_ImportModule("array");
        if (array_module == NULL) {
            return NULL;
        }
        array_type = PyObject_GetAttrString(array_module, "array");
        Py_DECREF(array_module);
        if (array_type == NULL) {
            return NULL;
        }
    }
    PyObject *module = PyModule_Create(&core_module);
    if (module == NULL) {
        return NULL;
    }
    if (add_type(module, &ScannerType, "Scanner") < 0
        || add_type(module, &SegmenterType, "Segmenter") < 0
        || add_type(module, &WordSpellerType, "WordSpeller") < 0
        || add_type(module, &RomanizerType, "Romanizer") < 0
        || PyModule_AddIntConstant(module, "IS_WORD", IS_WORD) < 0
        || PyModule_AddIntConstant(module, "IS_PREFIX", IS_PREFIX) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
