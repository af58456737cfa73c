/* laotext: normalize(text) with the default options, in C, for the text it can decide.
 *
 * This file mirrors laotext/normalize.py (normalize_with with DEFAULT_CONFIG) and must give exactly
 * what it gives.  Its sections follow that module: the character tables; the scan for the pairs
 * of characters that the rules act on; the shortcut for text that needs no more than R5, R6 and
 * R10 (_NEEDS_EVERY_STEP, _simple_steps); the steps of _normalize in pipeline order (R2; _clean:
 * R1, R4, the split of ຳ, R7 and R11; R5 and R6; R8; R9; R10); the pipeline.  tests/
 * test_normcore.py compares the two sides on corpora, on every short string over the Lao block
 * and edge characters, and on generated text; it also generates the table of the Lao block from
 * normalize.py's definitions, and checks the other tables against them and unicodedata.
 *
 * What is decided.  Text without a Lao character (U+0E80..U+0EFF), whatever else it holds:
 * normalize() returns it as it is.  Text with one, if every other character is one of the
 * INVISIBLES of R1 or a PLAIN character (punctuation, symbols, emoji, Chinese: see the table).
 * Anything else is left to Python (return 0): Thai (R3), letters with accents, combining marks of
 * other scripts, whatever NFC may decompose, compose or reorder.
 *
 * Why that alphabet: no character in it has a canonical decomposition or is the second character
 * of a canonical composition, so NFC changes such text only by its canonical ordering, which
 * stably sorts each run of characters with a non-zero combining class by that class; all of those
 * are Lao marks.  That is how R2 and the checks for NFC are done here.
 *
 * Reading rules.  Every step reads src[0..n) and appends to dst, after reserving room for all that
 * it can write (n characters, or 2n for the split of ຳ), through emit(), so no write goes past
 * the reservation.  A character is read at a position that may be past the end only through at(),
 * which returns NO_CHAR there, a value in no class.  Every loop moves forward, and every look
 * back or ahead reads a run of marks, spaces or invisibles that no other look reads again (the
 * loop skips it, or it is the run just before one vowel): each step is linear in n, and a text
 * runs through a fixed number of steps.
 */
#include "_normcore.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>

/* ------------------------------------------------------------------------------------------ */
/* Character tables (normalize.py: "Character tables", MARK_KEY, _ONSET_FOLLOWS, the pairs of  */
/* _NEEDS_EVERY_STEP)                                                                          */
/* ------------------------------------------------------------------------------------------ */

#define LAO_FIRST 0x0E80 /* LAO_BLOCK */
#define LAO_LAST 0x0EFF
#define NO_CHAR ((Py_UCS4)0x110000) /* one past the last code point: in no class */

/* The classes of a Lao character: the tables of normalize.py that hold it. */
enum {
    CONSONANT = 1 << 0,       /* CONSONANTS (ligatures ໜ ໝ included) */
    MARK = 1 << 1,            /* MARKS */
    FOLLOWING_VOWEL = 1 << 2, /* FOLLOWING_VOWELS: ະ າ ຳ ຽ */
    TONE = 1 << 3,            /* TONES */
    ONSET_FOLLOWER = 1 << 4,  /* _ONSET_FOLLOWS (R5, R6): marks, ະ າ ຳ ຽ, ອ, ວ */
};

/* The kinds of pairs of adjacent characters that tell what the rules have to do.  Each kind is
 * a product of two sets of characters: a pair is of that kind when its first character starts
 * the kind and its second ends it (the `starts` and `ends` of their entries below), so one `&`
 * tests a pair for every kind.  The first six are the pairs of _NEEDS_EVERY_STEP (_TRIGGER_PAIRS
 * and ເເ); the next four are halves of its longer alternatives, ◌ໍ + a tone, ◌໌ or ◌໎ + າ or ຳ
 * (NIKHAHIT_HIGH then HIGH_AM), and ຫລ◌ຼ (HO_LO then LO_SUBSCRIPT); the last two are the pairs
 * of marks out of NFC order (R2).  The test generates them from those definitions. */
enum {
    SPACE_MARK = 1 << 0,           /* [ \t][MARKS ຳ ໆ]: R7, R11 */
    HIGH_MARK = 1 << 1,            /* [TONES ◌໌ ◌໎][MARKS]: candidate pair of R8 */
    RANK1_PAIR = 1 << 2,           /* [_RANK1][_RANK1 ◌ຼ]: candidate pair of R8 */
    SUBSCRIPT_PAIR = 1 << 3,       /* ◌ຼ◌ຼ: candidate pair of R8 */
    VOWEL_TONE = 1 << 4,           /* [FOLLOWING_VOWELS][TONES]: R9 */
    DOUBLE_E = 1 << 5,             /* ເເ: R4 */
    NIKHAHIT_AM = 1 << 6,          /* ◌ໍຳ: R10 */
    NIKHAHIT_HIGH = 1 << 7,        /* ◌ໍ[TONES ◌໌ ◌໎] */
    HIGH_AM = 1 << 8,              /* [TONES ◌໌ ◌໎][າ ຳ] */
    HO_LO = 1 << 9,                /* ຫລ */
    LO_SUBSCRIPT = 1 << 10,        /* ລ◌ຼ */
    TONE_BEFORE_BELOW = 1 << 11,   /* combining class 122 before 118 or 9: R2 */
    BELOW_BEFORE_VIRAMA = 1 << 12, /* combining class 118 before 9: R2 */
};

typedef struct {
    uint8_t classes; /* the bits above */
    int8_t rank;     /* _MARK_RANK of a mark (◌ຼ 0, vowel signs 1, tones 2, ◌໌ ◌໎ 3), or -1 */
    uint8_t ccc;     /* unicodedata.combining() */
    uint16_t starts; /* the kinds of pairs that the character starts */
    uint16_t ends;   /* the kinds of pairs that it ends */
} LaoChar;

/* The Lao block, one entry a character.  Generated by tests/test_normcore.py from normalize.py's
 * tables and the running Python's unicodedata, and checked against them there: to change it,
 * change normalize.py and run `python tests/test_normcore.py`. */
static const LaoChar LAO_TABLE[LAO_LAST - LAO_FIRST + 1] = {
    /* generated table: start */
    /* U+0E80 */
    {0, -1, 0, 0, 0},
    /* U+0E81 ກ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E82 ຂ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E83 */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E84 ຄ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E85 */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E86 ຆ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E87 ງ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E88 ຈ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E89 ຉ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8A ຊ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8B */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8C ຌ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8D ຍ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8E ຎ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E8F ຏ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E90 ຐ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E91 ຑ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E92 ຒ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E93 ຓ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E94 ດ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E95 ຕ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E96 ຖ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E97 ທ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E98 ຘ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E99 ນ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9A ບ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9B ປ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9C ຜ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9D ຝ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9E ພ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0E9F ຟ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA0 ຠ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA1 ມ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA2 ຢ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA3 ຣ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA4 */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA5 ລ */
    {CONSONANT, -1, 0, LO_SUBSCRIPT, HO_LO},
    /* U+0EA6 */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA7 ວ */
    {CONSONANT | ONSET_FOLLOWER, -1, 0, 0, 0},
    /* U+0EA8 ຨ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EA9 ຩ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EAA ສ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EAB ຫ */
    {CONSONANT, -1, 0, HO_LO, 0},
    /* U+0EAC ຬ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EAD ອ */
    {CONSONANT | ONSET_FOLLOWER, -1, 0, 0, 0},
    /* U+0EAE ຮ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EAF ຯ */
    {0, -1, 0, 0, 0},
    /* U+0EB0 ະ */
    {FOLLOWING_VOWEL | ONSET_FOLLOWER, -1, 0, VOWEL_TONE, 0},
    /* U+0EB1 ◌ັ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EB2 າ */
    {FOLLOWING_VOWEL | ONSET_FOLLOWER, -1, 0, VOWEL_TONE, HIGH_AM},
    /* U+0EB3 ຳ */
    {FOLLOWING_VOWEL | ONSET_FOLLOWER, -1, 0, VOWEL_TONE, SPACE_MARK | NIKHAHIT_AM | HIGH_AM},
    /* U+0EB4 ◌ິ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EB5 ◌ີ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EB6 ◌ຶ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EB7 ◌ື */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EB8 ◌ຸ */
    {MARK | ONSET_FOLLOWER, 1, 118, RANK1_PAIR | BELOW_BEFORE_VIRAMA,
     SPACE_MARK | HIGH_MARK | RANK1_PAIR | TONE_BEFORE_BELOW},
    /* U+0EB9 ◌ູ */
    {MARK | ONSET_FOLLOWER, 1, 118, RANK1_PAIR | BELOW_BEFORE_VIRAMA,
     SPACE_MARK | HIGH_MARK | RANK1_PAIR | TONE_BEFORE_BELOW},
    /* U+0EBA ◌຺ */
    {MARK | ONSET_FOLLOWER, 1, 9, RANK1_PAIR,
     SPACE_MARK | HIGH_MARK | RANK1_PAIR | TONE_BEFORE_BELOW | BELOW_BEFORE_VIRAMA},
    /* U+0EBB ◌ົ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR, SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0EBC ◌ຼ */
    {MARK | ONSET_FOLLOWER, 0, 0, SUBSCRIPT_PAIR,
     SPACE_MARK | HIGH_MARK | RANK1_PAIR | SUBSCRIPT_PAIR | LO_SUBSCRIPT},
    /* U+0EBD ຽ */
    {FOLLOWING_VOWEL | ONSET_FOLLOWER, -1, 0, VOWEL_TONE, 0},
    /* U+0EBE */
    {0, -1, 0, 0, 0},
    /* U+0EBF */
    {0, -1, 0, 0, 0},
    /* U+0EC0 ເ */
    {0, -1, 0, DOUBLE_E, DOUBLE_E},
    /* U+0EC1 ແ */
    {0, -1, 0, 0, 0},
    /* U+0EC2 ໂ */
    {0, -1, 0, 0, 0},
    /* U+0EC3 ໃ */
    {0, -1, 0, 0, 0},
    /* U+0EC4 ໄ */
    {0, -1, 0, 0, 0},
    /* U+0EC5 */
    {0, -1, 0, 0, 0},
    /* U+0EC6 ໆ */
    {0, -1, 0, 0, SPACE_MARK},
    /* U+0EC7 */
    {0, -1, 0, 0, 0},
    /* U+0EC8 ◌່ */
    {MARK | TONE | ONSET_FOLLOWER, 2, 122, HIGH_MARK | HIGH_AM | TONE_BEFORE_BELOW,
     SPACE_MARK | HIGH_MARK | VOWEL_TONE | NIKHAHIT_HIGH},
    /* U+0EC9 ◌້ */
    {MARK | TONE | ONSET_FOLLOWER, 2, 122, HIGH_MARK | HIGH_AM | TONE_BEFORE_BELOW,
     SPACE_MARK | HIGH_MARK | VOWEL_TONE | NIKHAHIT_HIGH},
    /* U+0ECA ◌໊ */
    {MARK | TONE | ONSET_FOLLOWER, 2, 122, HIGH_MARK | HIGH_AM | TONE_BEFORE_BELOW,
     SPACE_MARK | HIGH_MARK | VOWEL_TONE | NIKHAHIT_HIGH},
    /* U+0ECB ◌໋ */
    {MARK | TONE | ONSET_FOLLOWER, 2, 122, HIGH_MARK | HIGH_AM | TONE_BEFORE_BELOW,
     SPACE_MARK | HIGH_MARK | VOWEL_TONE | NIKHAHIT_HIGH},
    /* U+0ECC ◌໌ */
    {MARK | ONSET_FOLLOWER, 3, 0, HIGH_MARK | HIGH_AM, SPACE_MARK | HIGH_MARK | NIKHAHIT_HIGH},
    /* U+0ECD ◌ໍ */
    {MARK | ONSET_FOLLOWER, 1, 0, RANK1_PAIR | NIKHAHIT_AM | NIKHAHIT_HIGH,
     SPACE_MARK | HIGH_MARK | RANK1_PAIR},
    /* U+0ECE ◌໎ */
    {MARK | ONSET_FOLLOWER, 3, 0, HIGH_MARK | HIGH_AM, SPACE_MARK | HIGH_MARK | NIKHAHIT_HIGH},
    /* U+0ECF */
    {0, -1, 0, 0, 0},
    /* U+0ED0 ໐ */
    {0, -1, 0, 0, 0},
    /* U+0ED1 ໑ */
    {0, -1, 0, 0, 0},
    /* U+0ED2 ໒ */
    {0, -1, 0, 0, 0},
    /* U+0ED3 ໓ */
    {0, -1, 0, 0, 0},
    /* U+0ED4 ໔ */
    {0, -1, 0, 0, 0},
    /* U+0ED5 ໕ */
    {0, -1, 0, 0, 0},
    /* U+0ED6 ໖ */
    {0, -1, 0, 0, 0},
    /* U+0ED7 ໗ */
    {0, -1, 0, 0, 0},
    /* U+0ED8 ໘ */
    {0, -1, 0, 0, 0},
    /* U+0ED9 ໙ */
    {0, -1, 0, 0, 0},
    /* U+0EDA */
    {0, -1, 0, 0, 0},
    /* U+0EDB */
    {0, -1, 0, 0, 0},
    /* U+0EDC ໜ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EDD ໝ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EDE ໞ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EDF ໟ */
    {CONSONANT, -1, 0, 0, 0},
    /* U+0EE0 */
    {0, -1, 0, 0, 0},
    /* U+0EE1 */
    {0, -1, 0, 0, 0},
    /* U+0EE2 */
    {0, -1, 0, 0, 0},
    /* U+0EE3 */
    {0, -1, 0, 0, 0},
    /* U+0EE4 */
    {0, -1, 0, 0, 0},
    /* U+0EE5 */
    {0, -1, 0, 0, 0},
    /* U+0EE6 */
    {0, -1, 0, 0, 0},
    /* U+0EE7 */
    {0, -1, 0, 0, 0},
    /* U+0EE8 */
    {0, -1, 0, 0, 0},
    /* U+0EE9 */
    {0, -1, 0, 0, 0},
    /* U+0EEA */
    {0, -1, 0, 0, 0},
    /* U+0EEB */
    {0, -1, 0, 0, 0},
    /* U+0EEC */
    {0, -1, 0, 0, 0},
    /* U+0EED */
    {0, -1, 0, 0, 0},
    /* U+0EEE */
    {0, -1, 0, 0, 0},
    /* U+0EEF */
    {0, -1, 0, 0, 0},
    /* U+0EF0 */
    {0, -1, 0, 0, 0},
    /* U+0EF1 */
    {0, -1, 0, 0, 0},
    /* U+0EF2 */
    {0, -1, 0, 0, 0},
    /* U+0EF3 */
    {0, -1, 0, 0, 0},
    /* U+0EF4 */
    {0, -1, 0, 0, 0},
    /* U+0EF5 */
    {0, -1, 0, 0, 0},
    /* U+0EF6 */
    {0, -1, 0, 0, 0},
    /* U+0EF7 */
    {0, -1, 0, 0, 0},
    /* U+0EF8 */
    {0, -1, 0, 0, 0},
    /* U+0EF9 */
    {0, -1, 0, 0, 0},
    /* U+0EFA */
    {0, -1, 0, 0, 0},
    /* U+0EFB */
    {0, -1, 0, 0, 0},
    /* U+0EFC */
    {0, -1, 0, 0, 0},
    /* U+0EFD */
    {0, -1, 0, 0, 0},
    /* U+0EFE */
    {0, -1, 0, 0, 0},
    /* U+0EFF */
    {0, -1, 0, 0, 0},
    /* generated table: end */
};

/* The entries of the other characters: all have combining class 0, and only spaces and tabs
 * start a kind of pair (the test checks these two entries too). */
static const LaoChar SPACE_OR_TAB = {0, -1, 0, SPACE_MARK, 0};
static const LaoChar NOT_LAO = {0, -1, 0, 0, 0};

typedef struct {
    Py_UCS4 first, last;
} CharRange;

#define RANGE_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* INVISIBLES (R1): SHY, ZWSP, ZWNJ, ZWJ, WJ, BOM.  Checked against normalize.py by the test. */
static const CharRange INVISIBLES[] = {
    {0x00AD, 0x00AD}, {0x200B, 0x200D}, {0x2060, 0x2060}, {0xFEFF, 0xFEFF}};

/* PLAIN: characters that normalize() never changes and only looks past, and that NFC leaves
 * alone whatever surrounds them: combining class 0, no canonical decomposition, never the second
 * character of a composition (the test checks each one with unicodedata).  Chosen for what Lao
 * text holds besides Lao: ASCII, punctuation, symbols, emoji, Chinese.  Not here: accented
 * letters (é decomposes), Thai (R3), the invisibles. */
static const CharRange PLAIN[] = {
    {0x0000, 0x00AC},   /* ASCII, C1 controls, Latin-1 punctuation and symbols before SHY */
    {0x00AE, 0x00BF},   /* ® to ¿ */
    {0x00D7, 0x00D7},   /* × */
    {0x00F7, 0x00F7},   /* ÷ */
    {0x2002, 0x200A},   /* spaces (U+2000 and U+2001 decompose to U+2002 and U+2003) */
    {0x200E, 0x205F},   /* direction marks, dashes, quotation marks, bullets, ellipsis */
    {0x2061, 0x206F},   /* invisible operators, direction controls */
    {0x20A0, 0x20C0},   /* currency signs */
    {0x2600, 0x27BF},   /* symbols and dingbats */
    {0x3000, 0x3029},   /* CJK punctuation (U+302A..U+302F are combining marks) */
    {0x4E00, 0x9FFF},   /* CJK ideographs */
    {0xFE00, 0xFE0F},   /* variation selectors (VS16 follows emoji) */
    {0xFFFD, 0xFFFD},   /* replacement character */
    {0x1F000, 0x1FAFF}, /* emoji and other pictographs */
};

/* normalize.py's single characters, with its names. */
enum {
    NIKHAHIT = 0x0ECD,     /* ◌ໍ */
    SARA_AA = 0x0EB2,      /* າ */
    SARA_AM = 0x0EB3,      /* ຳ */
    HO_SUNG = 0x0EAB,      /* ຫ */
    NO = 0x0E99,           /* ນ */
    MO = 0x0EA1,           /* ມ */
    LO = 0x0EA5,           /* ລ */
    SUBSCRIPT_LO = 0x0EBC, /* ◌ຼ */
    LIGATURE_NO = 0x0EDC,  /* ໜ */
    LIGATURE_MO = 0x0EDD,  /* ໝ */
    E = 0x0EC0,            /* ເ */
    AE = 0x0EC1,           /* ແ */
    KO_LA = 0x0EC6,        /* ໆ */
};

#define FIRST_MARK 0x0EB1 /* every mark is in FIRST_MARK..LAST_MARK (the test checks it) */
#define LAST_MARK 0x0ECE

static inline int
in_ranges(Py_UCS4 c, const CharRange *ranges, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        if (c >= ranges[k].first && c <= ranges[k].last) {
            return 1;
        }
    }
    return 0;
}

static inline int
is_lao(Py_UCS4 c)
{
    return c >= LAO_FIRST && c <= LAO_LAST;
}

static inline int
is_invisible(Py_UCS4 c)
{
    return in_ranges(c, INVISIBLES, RANGE_COUNT(INVISIBLES));
}

static inline int
is_plain(Py_UCS4 c)
{
    return in_ranges(c, PLAIN, RANGE_COUNT(PLAIN));
}

static inline int
is_space_or_tab(Py_UCS4 c)
{
    return c == ' ' || c == '\t';
}

static inline const LaoChar *
entry_of(Py_UCS4 c)
{
    if (is_lao(c)) {
        return &LAO_TABLE[c - LAO_FIRST];
    }
    return is_space_or_tab(c) ? &SPACE_OR_TAB : &NOT_LAO;
}

static inline int
has_class(Py_UCS4 c, unsigned classes)
{
    return (entry_of(c)->classes & classes) != 0;
}

static inline int
is_consonant(Py_UCS4 c)
{
    return has_class(c, CONSONANT);
}

static inline int
is_mark(Py_UCS4 c)
{
    return has_class(c, MARK);
}

static inline int
is_following_vowel(Py_UCS4 c)
{
    return has_class(c, FOLLOWING_VOWEL);
}

static inline int
is_tone(Py_UCS4 c)
{
    return has_class(c, TONE);
}

static inline int
is_onset_follower(Py_UCS4 c)
{
    return has_class(c, ONSET_FOLLOWER);
}

/* MARK_CARRIERS = CONSONANTS + MARKS + FOLLOWING_VOWELS: what a mark may follow (R7). */
static inline int
is_mark_carrier(Py_UCS4 c)
{
    return has_class(c, CONSONANT | MARK | FOLLOWING_VOWEL);
}

/* unicodedata.combining(c), for the characters this file decides (all but Lao marks have 0). */
static inline int
combining_class(Py_UCS4 c)
{
    return entry_of(c)->ccc;
}

/* MARK_KEY of a mark, (rank, combining class), as one number that sorts the same way. */
static inline int
mark_key(Py_UCS4 c)
{
    return entry_of(c)->rank * 256 + combining_class(c);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading and writing                                                                         */
/* ------------------------------------------------------------------------------------------ */

static inline Py_UCS4
at(const Py_UCS4 *text, Py_ssize_t n, Py_ssize_t i)
{
    return i >= 0 && i < n ? text[i] : NO_CHAR;
}

/* The end of the run of marks that starts at `start` (start itself if there is none). */
static Py_ssize_t
end_of_marks(const Py_UCS4 *text, Py_ssize_t n, Py_ssize_t start)
{
    Py_ssize_t end = start;
    while (end < n && is_mark(text[end])) {
        end++;
    }
    return end;
}

/* Appends c; the step has reserved room for everything it writes. */
static inline void
emit(UCS4Buffer *dst, Py_UCS4 c)
{
    assert(dst->length < dst->capacity);
    dst->items[dst->length++] = c;
}

static inline void
emit_range(UCS4Buffer *dst, const Py_UCS4 *src, Py_ssize_t from, Py_ssize_t to)
{
    for (Py_ssize_t i = from; i < to; i++) {
        emit(dst, src[i]);
    }
}

static int
contains(const Py_UCS4 *text, Py_ssize_t n, Py_UCS4 c)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (text[i] == c) {
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* What a text holds                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* Beyond the kinds of pairs, what take_inventory reports. */
enum {
    NIKHAHIT_HIGH_AM = 1 << 13, /* ◌ໍ, a tone (◌໌ ◌໎), າ or ຳ: a NIKHAHIT_HIGH then a HIGH_AM */
    HO_LO_SUBSCRIPT = 1 << 14,  /* ຫລ◌ຼ: a HO_LO then a LO_SUBSCRIPT */
    INVISIBLE = 1 << 15,        /* a character of INVISIBLES */
    LAO = 1 << 16,              /* a character of the Lao block */
    UNDECIDED = 1 << 17,        /* a character neither Lao, nor invisible, nor PLAIN */
};

#define CANDIDATE_PAIRS (HIGH_MARK | RANK1_PAIR | SUBSCRIPT_PAIR) /* _MARK_PAIR_CANDIDATES */
#define NOT_NFC (TONE_BEFORE_BELOW | BELOW_BEFORE_VIRAMA)

/* What the text holds: the kinds of its pairs, and the other things above.  One pass that costs
 * a table entry and an `&` a character (and a look at the table of PLAIN for other characters):
 * it runs on every line. */
static unsigned
take_inventory(const Py_UCS4 *text, Py_ssize_t n)
{
    unsigned found = 0, previous_pair = 0;
    const LaoChar *before = &NOT_LAO;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = text[i];
        const LaoChar *entry = entry_of(c);
        unsigned pair = before->starts & entry->ends;
        found |= pair;
        if ((previous_pair & NIKHAHIT_HIGH) && (pair & HIGH_AM)) {
            found |= NIKHAHIT_HIGH_AM;
        }
        if ((previous_pair & HO_LO) && (pair & LO_SUBSCRIPT)) {
            found |= HO_LO_SUBSCRIPT;
        }
        if (is_lao(c)) {
            found |= LAO;
        }
        else if (entry == &NOT_LAO) {
            found |= is_invisible(c) ? INVISIBLE : is_plain(c) ? 0 : UNDECIDED;
        }
        previous_pair = pair;
        before = entry;
    }
    return found;
}

/* ------------------------------------------------------------------------------------------ */
/* The shortcut (normalize_with: _NEEDS_EVERY_STEP, _simple_steps)                             */
/* ------------------------------------------------------------------------------------------ */

/* _NEEDS_EVERY_STEP.search(text) is not None, given take_inventory(text).  Its alternatives are an
 * invisible (or a Thai look-alike: text with Thai never gets here), the pairs, and two longer
 * ones.  ຫລ◌ຼ is a HO_LO_SUBSCRIPT.  NIKHAHIT(?:SARA_AM|[MARKS]+[SARA_AA SARA_AM]) is a
 * NIKHAHIT_AM or a NIKHAHIT_HIGH_AM, or else holds a pair found anyway: ◌ໍ is of rank 1, so ◌ໍ
 * before a mark of rank 1 or 0 is a RANK1_PAIR, and a mark of rank 2 or 3 before another mark
 * is a HIGH_MARK.
 *
 * normalize_with also wants the text NFC for the shortcut; on this alphabet that follows: the
 * pairs out of NFC order are pairs of two marks of rank 1 or of a tone before a mark, candidate
 * pairs all. */
#define NEEDS_EVERY_STEP                                                                          \
    (INVISIBLE | SPACE_MARK | CANDIDATE_PAIRS | VOWEL_TONE | DOUBLE_E | NIKHAHIT_AM               \
     | NIKHAHIT_HIGH_AM | HO_LO_SUBSCRIPT)

/* R5, R6 at src[i] (_HO_NO, _HO_MO, _HO_LO): ຫນ ຫມ → ໜ ໝ and ຫລ → ຫ◌ຼ before an onset
 * follower.  Writes the result and returns 1 if there is one; returns 0 and writes nothing if
 * not.  normalize.py's three substitutions may be done together, position by position: each
 * rewrites only ຫ and the consonant after it, and looks ahead at a character none rewrites. */
static int
emit_ligature_at(const Py_UCS4 *src, Py_ssize_t n, Py_ssize_t i, UCS4Buffer *dst)
{
    Py_UCS4 next = at(src, n, i + 1);
    if (src[i] != HO_SUNG || !is_onset_follower(at(src, n, i + 2))) {
        return 0;
    }
    if (next == NO) {
        emit(dst, LIGATURE_NO);
    }
    else if (next == MO) {
        emit(dst, LIGATURE_MO);
    }
    else if (next == LO) {
        emit(dst, HO_SUNG);
        emit(dst, SUBSCRIPT_LO);
    }
    else {
        return 0;
    }
    return 1;
}

/* _simple_steps: R5 and R6 (_compose_ligatures), then ◌ໍ + າ → ຳ, in one pass.  One pass gives
 * the same: the ligatures look ahead in the text as it was before ◌ໍ + າ is composed, as in
 * normalize.py, and rewrite only ຫ + ນ ມ ລ, so they neither make nor break a pair ◌ໍ + າ. */
static int
simple_steps(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (emit_ligature_at(src, n, i, dst)) {
            i += 2;
        }
        else if (src[i] == NIKHAHIT && at(src, n, i + 1) == SARA_AA) {
            emit(dst, SARA_AM);
            i += 2;
        }
        else {
            emit(dst, src[i]);
            i++;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The steps of _normalize, in pipeline order                                                  */
/* ------------------------------------------------------------------------------------------ */

/* R2 (_to_nfc): NFC, which on this alphabet is canonical ordering alone: each run of characters
 * with a non-zero combining class, sorted stably by class.  The run is sorted by emitting its
 * characters class by class, the lowest first: as many passes as the run has classes. */
static void
emit_by_combining_class(UCS4Buffer *dst, const Py_UCS4 *run, Py_ssize_t length)
{
    int done = 0; /* the classes up to this one are emitted */
    for (;;) {
        int lowest = INT_MAX; /* the lowest class not yet emitted */
        for (Py_ssize_t j = 0; j < length; j++) {
            int ccc = combining_class(run[j]);
            if (ccc > done && ccc < lowest) {
                lowest = ccc;
            }
        }
        if (lowest == INT_MAX) {
            return;
        }
        for (Py_ssize_t j = 0; j < length; j++) {
            if (combining_class(run[j]) == lowest) {
                emit(dst, run[j]);
            }
        }
        done = lowest;
    }
}

static int
to_nfc(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t end = i;
        while (end < n && combining_class(src[end]) != 0) {
            end++;
        }
        if (end == i) {
            emit(dst, src[i]);
            i++;
        }
        else {
            emit_by_combining_class(dst, src + i, end - i);
            i = end;
        }
    }
    return 0;
}

/* R1 (_remove_invisibles, keep_zwsp=False): a run of invisibles goes when a Lao character is
 * just before or just after it.  (normalize.py reaches the same result by two routes, depending
 * on whether every run touches Lao.) */
static int
remove_invisibles(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_invisible(src[i])) {
            emit(dst, src[i]);
            i++;
            continue;
        }
        Py_ssize_t end = i;
        while (end < n && is_invisible(src[end])) {
            end++;
        }
        if (!is_lao(at(src, n, i - 1)) && !is_lao(at(src, n, end))) {
            emit_range(dst, src, i, end);
        }
        i = end;
    }
    return 0;
}

/* str.replace(first + second, replacement): pairs taken from the left (ເເເ → ແເ). */
static int
replace_pair(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst, Py_UCS4 first, Py_UCS4 second,
             Py_UCS4 replacement)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (src[i] == first && at(src, n, i + 1) == second) {
            emit(dst, replacement);
            i += 2;
        }
        else {
            emit(dst, src[i]);
            i++;
        }
    }
    return 0;
}

/* R4: ເເ → ແ. */
static int
join_double_e(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    return replace_pair(src, n, dst, E, E, AE);
}

/* _decompose_am: ຳ → ◌ໍ + າ, so that every spelling of AM meets R8 and R10 in one form. */
static int
decompose_am(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (n > PY_SSIZE_T_MAX / 2 || ucs4_reserve(dst, 2 * n) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (src[i] == SARA_AM) {
            emit(dst, NIKHAHIT);
            emit(dst, SARA_AA);
        }
        else {
            emit(dst, src[i]);
        }
    }
    return 0;
}

/* R7, R11 (_SPACES_BEFORE_MARK, _join_spaces_before_marks): a run of spaces and tabs before a
 * mark, ຳ or ໆ goes when the character before it carries marks (before ໆ: is Lao).  The runs
 * are maximal, so the character before one is no space: a dropped run never changes what the
 * next run is preceded by, and every run is decided on the text as it was (like re.sub). */
static int
join_spaces_before_marks(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_space_or_tab(src[i])) {
            emit(dst, src[i]);
            i++;
            continue;
        }
        Py_ssize_t end = i;
        while (end < n && is_space_or_tab(src[end])) {
            end++;
        }
        Py_UCS4 before = at(src, n, i - 1), after = at(src, n, end);
        int drop = 0;
        if (i > 0 && after == KO_LA) {
            drop = is_lao(before);
        }
        else if (i > 0 && (is_mark(after) || after == SARA_AM)) {
            drop = is_mark_carrier(before);
        }
        if (!drop) {
            emit_range(dst, src, i, end);
        }
        i = end;
    }
    return 0;
}

/* R5, R6 (_compose_ligatures): ຫນ ຫມ → ໜ ໝ and ຫລ → ຫ◌ຼ before an onset follower. */
static int
compose_ligatures(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (emit_ligature_at(src, n, i, dst)) {
            i += 2;
        }
        else {
            emit(dst, src[i]);
            i++;
        }
    }
    return 0;
}

/* R8 (_canonical_mark_run): one run of marks, stably sorted by MARK_KEY, each mark kept once.
 * The repeats are dropped first: that gives the same (equal marks have equal keys and the sort
 * is stable, so the first of each stays first) and leaves at most one mark per code point of
 * FIRST_MARK..LAST_MARK to sort. */
static void
emit_canonical_mark_run(UCS4Buffer *dst, const Py_UCS4 *run, Py_ssize_t length)
{
    Py_UCS4 kept[LAST_MARK - FIRST_MARK + 1];
    size_t count = 0;
    uint32_t seen = 0;
    for (Py_ssize_t j = 0; j < length; j++) {
        uint32_t bit = (uint32_t)1 << (run[j] - FIRST_MARK); /* a mark: FIRST_MARK..LAST_MARK */
        if (!(seen & bit)) {
            seen |= bit;
            kept[count++] = run[j];
        }
    }
    for (size_t j = 1; j < count; j++) { /* insertion sort: stable */
        Py_UCS4 mark = kept[j];
        size_t k = j;
        while (k > 0 && mark_key(kept[k - 1]) > mark_key(mark)) {
            kept[k] = kept[k - 1];
            k--;
        }
        kept[k] = mark;
    }
    for (size_t j = 0; j < count; j++) {
        emit(dst, kept[j]);
    }
}

/* R8 (_order_marks): every run of marks in canonical order.  normalize.py fixes only the runs
 * with a candidate pair; the others are already in order with no repeat, so fixing every run is
 * the same. */
static int
order_marks(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_mark(src[i])) {
            emit(dst, src[i]);
            i++;
            continue;
        }
        Py_ssize_t end = end_of_marks(src, n, i);
        emit_canonical_mark_run(dst, src + i, end - i);
        i = end;
    }
    return 0;
}

/* R9 (_move_tones_before_vowel, _TONES_AFTER_VOWEL): tones typed after ະ າ ຳ ຽ go before the
 * vowel when, looking back past marks that are not tones, a consonant comes first. */
static int
move_tones_before_vowel(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 vowel = src[i];
        if (!is_following_vowel(vowel) || !is_tone(at(src, n, i + 1))) {
            emit(dst, vowel);
            i++;
            continue;
        }
        Py_ssize_t end = i + 1;
        while (end < n && is_tone(src[end])) {
            end++;
        }
        Py_ssize_t base = i - 1;
        while (base >= 0 && is_mark(src[base]) && !is_tone(src[base])) {
            base--;
        }
        if (is_consonant(at(src, n, base))) {
            emit_range(dst, src, i + 1, end);
            emit(dst, vowel);
        }
        else {
            emit_range(dst, src, i, end);
        }
        i = end;
    }
    return 0;
}

/* R10 (_compose_am), first substitution: ◌ໍ + າ → ຳ. */
static int
compose_adjacent_am(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    return replace_pair(src, n, dst, NIKHAHIT, SARA_AA, SARA_AM);
}

/* R10 (_compose_am), second substitution, _AM_AROUND_MARKS: ◌ໍ + marks + າ → marks + ຳ.  Its
 * class of marks is MARKS itself (MARKS.replace(NIKHAHIT, '') finds no ◌ໍ to remove, as MARKS
 * holds it inside a range); after R8 a run has one ◌ໍ at most, so either reading gives this.
 * When no າ ends the run, no ◌ໍ inside the run can start a match either: the run is skipped. */
static int
compose_am_around_marks(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst)
{
    if (ucs4_reserve(dst, n) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        if (src[i] != NIKHAHIT) {
            emit(dst, src[i]);
            i++;
            continue;
        }
        Py_ssize_t end = end_of_marks(src, n, i + 1);
        if (end > i + 1 && at(src, n, end) == SARA_AA) {
            emit_range(dst, src, i + 1, end);
            emit(dst, SARA_AM);
            i = end + 1;
        }
        else {
            emit_range(dst, src, i, end);
            i = end;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The pipeline (_normalize, normalize_with)                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    unsigned pairs;    /* the step acts on one of these (take_inventory), */
    Py_UCS4 character; /* or on this character (or on nothing else, if 0) */
    int (*apply)(const Py_UCS4 *src, Py_ssize_t n, UCS4Buffer *dst);
} Step;

/* _normalize with the default options, step by step (R3 and R14 do nothing on this alphabet,
 * R12 and R13 are off).  Each step names what it acts on, as normalize.py's `if SARA_AM in
 * text` and the like do, and runs only on text that holds it: on other text it would change
 * nothing. */
static const Step EVERY_STEP[] = {
    {NOT_NFC, 0, to_nfc},                             /* R2 */
    {INVISIBLE, 0, remove_invisibles},                /* _clean: R1 */
    {DOUBLE_E, 0, join_double_e},                     /* R4 */
    {0, SARA_AM, decompose_am},                       /* ຳ → ◌ໍ + າ */
    {SPACE_MARK, 0, join_spaces_before_marks},        /* R7, R11: its runs end in a SPACE_MARK */
    {NOT_NFC, 0, to_nfc},                             /* R2: the deletions may join marks */
    {0, HO_SUNG, compose_ligatures},                  /* R5, R6 */
    {CANDIDATE_PAIRS, 0, order_marks},                /* R8 */
    {VOWEL_TONE, 0, move_tones_before_vowel},         /* R9, on sorted runs */
    {CANDIDATE_PAIRS, 0, order_marks},                /* R8 again, for the moved tones */
    {0, NIKHAHIT, compose_adjacent_am},               /* R10 */
    {0, NIKHAHIT, compose_am_around_marks},           /* R10 */
};

/* Runs EVERY_STEP on text (whose take_inventory is `found`), from `out` to a spare buffer and back;
 * the result ends in `out`.  normalize.py skips R8 again when R9 moved nothing: it runs here if
 * candidate pairs are left (two tones, say), and gives the sorted text back as it is. */
static int
every_step(const Py_UCS4 *text, Py_ssize_t n, unsigned found, UCS4Buffer *out)
{
    UCS4Buffer spare = {NULL, 0, 0};
    UCS4Buffer *current = out, *next = &spare;
    int status = ucs4_extend(out, text, n);
    for (size_t k = 0; status == 0 && k < RANGE_COUNT(EVERY_STEP); k++) {
        const Step *step = &EVERY_STEP[k];
        if (!(found & step->pairs)
            && !(step->character && contains(current->items, current->length, step->character))) {
            continue;
        }
        next->length = 0;
        status = step->apply(current->items, current->length, next);
        UCS4Buffer *done = current;
        current = next;
        next = done;
        found = take_inventory(current->items, current->length);
    }
    if (status == 0 && current != out) { /* the result is in the spare buffer: take it */
        UCS4Buffer result = spare;
        spare = *out;
        *out = result;
    }
    ucs4_free(&spare);
    if (status < 0) {
        return -1;
    }
    /* _normalize's safety net, NFC at the end: no step breaks NFC, so it never applies; should
     * it ever, Python decides. */
    return found & NOT_NFC ? 0 : 1;
}

int
lao_normalize_default(const Py_UCS4 *text, Py_ssize_t n, UCS4Buffer *out)
{
    out->length = 0;
    unsigned found = take_inventory(text, n);
    if (!(found & LAO)) {
        /* _normalize returns text without Lao as it is, and the shortcut changes nothing in it */
        return ucs4_extend(out, text, n) < 0 ? -1 : 1;
    }
    if (found & UNDECIDED) {
        return 0;
    }
    if (found & NEEDS_EVERY_STEP) {
        return every_step(text, n, found, out);
    }
    /* _simple_steps ends with NFC as a safety net too: it writes only characters of class 0 in
     * place of characters of class 0, so the text stays NFC. */
    return simple_steps(text, n, out) < 0 ? -1 : 1;
}

PyObject *
normcore_normalize_py(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "_normalize_default() expects str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    if (PyUnicode_KIND(arg) == PyUnicode_1BYTE_KIND) { /* no Lao: returned as it is */
        return Py_NewRef(arg);
    }
    Py_UCS4 *text = PyUnicode_AsUCS4Copy(arg);
    if (text == NULL) {
        return NULL;
    }
    UCS4Buffer out = {NULL, 0, 0};
    int decided = lao_normalize_default(text, n, &out);
    PyObject *result;
    if (decided < 0) {
        result = PyErr_NoMemory();
    }
    else if (decided == 0) {
        result = Py_NewRef(Py_None);
    }
    else if (out.length == n && memcmp(out.items, text, (size_t)n * sizeof(Py_UCS4)) == 0) {
        result = Py_NewRef(arg); /* already canonical (most text): no second copy */
    }
    else {
        result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.items, out.length);
    }
    PyMem_Free(text);
    ucs4_free(&out);
    return result;
}
