/* laotext._core: one Lao word spelled in one romanisation system (the romaniser's hot path).
 *
 * This file mirrors two Python references and must stay identical to them in behaviour:
 *
 *   1. the syllable scanner = laotext/romanize/syllable.py, _scan (section "Scan" follows that
 *      module's functions in its order and under its names: _SILENT, _sign_after, _after_tones,
 *      _is_coda, _final_yo, _h_digraph, _medial_w, _make, _nucleus, _scan), and scan_word's
 *      merging of adjacent pieces that are not syllables;
 *   2. the speller          = laotext/romanize/render.py, render_word, which is what
 *      Speller.__call__ returns for every word (section "Spell": _letter, render_syllable,
 *      _abbreviation, _final_h, _join, render_word).
 *
 * The letters the scanner tests (letters.py, and the sets syllable.py writes inline) are written
 * here, as one table over the Lao block; tests/test_speller_core.py checks them against Python.  No
 * system's spelling is written here: every string a system spells comes from
 * laotext/romanize/ctables.py's speller_spec(), copied into the speller when it is made, so that
 * spelling runs without the GIL and allocates nothing but the output.
 *
 * Python's chunks (syllable.chunks, scan_chunk and Speller's cache per chunk) are not mirrored:
 * they are a cache that must not change the result, so the C scans the whole word, as _scan
 * does, and then merges adjacent str pieces as scan_word does for a word that has chunks (one
 * without ◌໌); a word with ◌໌ has none, and scan_word is _scan itself.  The tests compare the C
 * with Speller (chunked) and with _scan (whole).
 *
 * Reading rule: a character of the word is read only through char_at(), which returns NO_CHAR
 * outside [0, n), where Python's w[k : k + 1] is ""; NO_CHAR is in no letter set and equals no
 * letter.  Every string of the Python side that may be "" (pre, cluster, coda, tone_mark) is a
 * Py_UCS4 here, NO_CHAR for "".
 */

#include "_speller.h"

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------------------------ */
/* Letters (letters.py; syllable.py's _R_CLUSTER and _W_CLUSTER, the letters _is_coda never     */
/* takes, the letters of _SILENT), as one table over the Lao block U+0E80..U+0EFF.             */
/* ------------------------------------------------------------------------------------------ */

#define NO_CHAR ((Py_UCS4)0x110000) /* one past the last code point: "" */
#define LAO_FIRST 0x0E80
#define LAO_COUNT 128

enum {
    NYO = 0x0E8D,           /* ຍ */
    NO = 0x0E99,            /* ນ */
    MO = 0x0EA1,            /* ມ */
    LO_LING = 0x0EA3,       /* ຣ */
    LO_LOOT = 0x0EA5,       /* ລ */
    WO = 0x0EA7,            /* ວ */
    HO_SUNG = 0x0EAB,       /* ຫ */
    O = 0x0EAD,             /* ອ */
    SIGN_A = 0x0EB0,        /* ະ */
    MAI_KAN = 0x0EB1,       /* ◌ັ */
    SIGN_AA = 0x0EB2,       /* າ */
    SIGN_AM = 0x0EB3,       /* ຳ */
    SIGN_I = 0x0EB4,        /* ◌ິ */
    SIGN_II = 0x0EB5,       /* ◌ີ */
    SIGN_Y = 0x0EB6,        /* ◌ຶ */
    SIGN_YY = 0x0EB7,       /* ◌ື */
    SIGN_U = 0x0EB8,        /* ◌ຸ */
    SIGN_UU = 0x0EB9,       /* ◌ູ */
    VIRAMA = 0x0EBA,        /* ◌຺ */
    MAI_KON = 0x0EBB,       /* ◌ົ */
    SUBSCRIPT_LO = 0x0EBC,  /* ◌ຼ */
    SEMIVOWEL_NYO = 0x0EBD, /* ຽ */
    SIGN_E = 0x0EC0,        /* ເ */
    SIGN_EI = 0x0EC1,       /* ແ */
    SIGN_O = 0x0EC2,        /* ໂ */
    SIGN_AY = 0x0EC3,       /* ໃ */
    SIGN_AI = 0x0EC4,       /* ໄ */
    MAI_EK = 0x0EC8,        /* ◌່, the first of the four tone marks */
    CANCEL = 0x0ECC,        /* ◌໌ */
    NIGGAHITA = 0x0ECD,     /* ◌ໍ */
    YAMAKKAN = 0x0ECE,      /* ◌໎ */
    HO_NO = 0x0EDC,         /* ໜ */
    HO_MO = 0x0EDD,         /* ໝ */
};

enum {
    CONSONANTS = 1 << 0,
    HIGH = 1 << 1, /* CONSONANT_CLASS */
    MID = 1 << 2,
    LOW = 1 << 3,
    SONORANTS = 1 << 4,
    LIVE_FINALS = 1 << 5,
    R_CLUSTER = 1 << 6,      /* _R_CLUSTER */
    W_CLUSTER = 1 << 7,      /* _W_CLUSTER */
    NEVER_CODA = 1 << 8,     /* _is_coda: "ອຫຮຢໜໝ" */
    SILENT_LETTERS = 1 << 9, /* _SILENT: [\u0e81-\u0eae\u0edc-\u0edf] */
    PREPOSED = 1 << 10,
    TONE_MARKS = 1 << 11,
    NEEDS_ONSET = 1 << 12,
};

#define LETTER(c) [(c) - LAO_FIRST]

static const uint16_t LETTERS[LAO_COUNT] = {
    LETTER(0x0E81) = CONSONANTS | MID | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,   /* ກ */
    LETTER(0x0E82) = CONSONANTS | HIGH | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,  /* ຂ */
    LETTER(0x0E83) = SILENT_LETTERS,                                              /* unassigned */
    LETTER(0x0E84) = CONSONANTS | LOW | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,   /* ຄ */
    LETTER(0x0E85) = SILENT_LETTERS,                                              /* unassigned */
    LETTER(0x0E86) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຆ */
    LETTER(0x0E87) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ງ */
    LETTER(0x0E88) = CONSONANTS | MID | W_CLUSTER | SILENT_LETTERS,               /* ຈ */
    LETTER(0x0E89) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຉ */
    LETTER(0x0E8A) = CONSONANTS | LOW | W_CLUSTER | SILENT_LETTERS,               /* ຊ */
    LETTER(0x0E8B) = SILENT_LETTERS,                                              /* unassigned */
    LETTER(0x0E8C) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຌ */
    LETTER(0x0E8D) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ຍ */
    LETTER(0x0E8E) = CONSONANTS | LOW | LIVE_FINALS | SILENT_LETTERS,             /* ຎ */
    LETTER(0x0E8F) = CONSONANTS | MID | SILENT_LETTERS,                           /* ຏ */
    LETTER(0x0E90) = CONSONANTS | HIGH | SILENT_LETTERS,                          /* ຐ */
    LETTER(0x0E91) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຑ */
    LETTER(0x0E92) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຒ */
    LETTER(0x0E93) = CONSONANTS | LOW | LIVE_FINALS | SILENT_LETTERS,             /* ຓ */
    LETTER(0x0E94) = CONSONANTS | MID | R_CLUSTER | SILENT_LETTERS,               /* ດ */
    LETTER(0x0E95) = CONSONANTS | MID | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,   /* ຕ */
    LETTER(0x0E96) = CONSONANTS | HIGH | W_CLUSTER | SILENT_LETTERS,              /* ຖ */
    LETTER(0x0E97) = CONSONANTS | LOW | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,   /* ທ */
    LETTER(0x0E98) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຘ */
    LETTER(0x0E99) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ນ */
    LETTER(0x0E9A) = CONSONANTS | MID | R_CLUSTER | SILENT_LETTERS,               /* ບ */
    LETTER(0x0E9B) = CONSONANTS | MID | R_CLUSTER | SILENT_LETTERS,               /* ປ */
    LETTER(0x0E9C) = CONSONANTS | HIGH | R_CLUSTER | SILENT_LETTERS,              /* ຜ */
    LETTER(0x0E9D) = CONSONANTS | HIGH | R_CLUSTER | SILENT_LETTERS,              /* ຝ */
    LETTER(0x0E9E) = CONSONANTS | LOW | R_CLUSTER | SILENT_LETTERS,               /* ພ */
    LETTER(0x0E9F) = CONSONANTS | LOW | R_CLUSTER | SILENT_LETTERS,               /* ຟ */
    LETTER(0x0EA0) = CONSONANTS | LOW | SILENT_LETTERS,                           /* ຠ */
    LETTER(0x0EA1) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ມ */
    LETTER(0x0EA2) = CONSONANTS | MID | NEVER_CODA | SILENT_LETTERS,              /* ຢ */
    LETTER(0x0EA3) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ຣ */
    LETTER(0x0EA4) = SILENT_LETTERS,                                              /* unassigned */
    LETTER(0x0EA5) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ລ */
    LETTER(0x0EA6) = SILENT_LETTERS,                                              /* unassigned */
    LETTER(0x0EA7) = CONSONANTS | LOW | SONORANTS | LIVE_FINALS | SILENT_LETTERS, /* ວ */
    LETTER(0x0EA8) = CONSONANTS | HIGH | SILENT_LETTERS,                          /* ຨ */
    LETTER(0x0EA9) = CONSONANTS | HIGH | SILENT_LETTERS,                          /* ຩ */
    LETTER(0x0EAA) = CONSONANTS | HIGH | R_CLUSTER | W_CLUSTER | SILENT_LETTERS,  /* ສ */
    LETTER(0x0EAB) = CONSONANTS | HIGH | NEVER_CODA | SILENT_LETTERS,             /* ຫ */
    LETTER(0x0EAC) = CONSONANTS | LOW | LIVE_FINALS | SILENT_LETTERS,             /* ຬ */
    LETTER(0x0EAD) = CONSONANTS | MID | NEVER_CODA | SILENT_LETTERS,              /* ອ */
    LETTER(0x0EAE) = CONSONANTS | LOW | NEVER_CODA | SILENT_LETTERS,              /* ຮ */
    LETTER(0x0EB0) = NEEDS_ONSET,                                                 /* ະ */
    LETTER(0x0EB1) = NEEDS_ONSET,                                                 /* ◌ັ */
    LETTER(0x0EB2) = NEEDS_ONSET,                                                 /* າ */
    LETTER(0x0EB3) = NEEDS_ONSET,                                                 /* ຳ */
    LETTER(0x0EB4) = NEEDS_ONSET,                                                 /* ◌ິ */
    LETTER(0x0EB5) = NEEDS_ONSET,                                                 /* ◌ີ */
    LETTER(0x0EB6) = NEEDS_ONSET,                                                 /* ◌ຶ */
    LETTER(0x0EB7) = NEEDS_ONSET,                                                 /* ◌ື */
    LETTER(0x0EB8) = NEEDS_ONSET,                                                 /* ◌ຸ */
    LETTER(0x0EB9) = NEEDS_ONSET,                                                 /* ◌ູ */
    LETTER(0x0EBB) = NEEDS_ONSET,                                                 /* ◌ົ */
    LETTER(0x0EBC) = NEEDS_ONSET,                                                 /* ◌ຼ */
    LETTER(0x0EBD) = LIVE_FINALS | NEEDS_ONSET,                                   /* ຽ */
    LETTER(0x0EC0) = PREPOSED,                                                    /* ເ */
    LETTER(0x0EC1) = PREPOSED,                                                    /* ແ */
    LETTER(0x0EC2) = PREPOSED,                                                    /* ໂ */
    LETTER(0x0EC3) = PREPOSED,                                                    /* ໃ */
    LETTER(0x0EC4) = PREPOSED,                                                    /* ໄ */
    LETTER(0x0EC8) = TONE_MARKS,                                                  /* ◌່ */
    LETTER(0x0EC9) = TONE_MARKS,                                                  /* ◌້ */
    LETTER(0x0ECA) = TONE_MARKS,                                                  /* ◌໊ */
    LETTER(0x0ECB) = TONE_MARKS,                                                  /* ◌໋ */
    LETTER(0x0ECD) = NEEDS_ONSET,                                                 /* ◌ໍ */
    LETTER(0x0EDC) = CONSONANTS | HIGH | NEVER_CODA | SILENT_LETTERS,             /* ໜ */
    LETTER(0x0EDD) = CONSONANTS | HIGH | NEVER_CODA | SILENT_LETTERS,             /* ໝ */
    LETTER(0x0EDE) = CONSONANTS | MID | SILENT_LETTERS,                           /* ໞ */
    LETTER(0x0EDF) = CONSONANTS | LOW | LIVE_FINALS | SILENT_LETTERS,             /* ໟ */
};

#undef LETTER

/* c in SET, for one of the sets above (never for NO_CHAR or a character outside the block) */
static inline int
in_set(Py_UCS4 c, uint16_t set)
{
    return c >= LAO_FIRST && c - LAO_FIRST < LAO_COUNT && (LETTERS[c - LAO_FIRST] & set) != 0;
}

/* LIGATURES.get(c, c) */
static inline Py_UCS4
ligature(Py_UCS4 c)
{
    return c == HO_NO ? NO : c == HO_MO ? MO : c;
}

typedef enum { CLASS_HIGH, CLASS_MID, CLASS_LOW } ConsonantClass;

/* CONSONANT_CLASS[c], for a consonant */
static ConsonantClass
consonant_class(Py_UCS4 c)
{
    return in_set(c, HIGH) ? CLASS_HIGH : in_set(c, MID) ? CLASS_MID : CLASS_LOW;
}

/* ------------------------------------------------------------------------------------------ */
/* Nuclei and vowel frames: what Syllable.nucleus and Syllable.vowel may be.                   */
/* ------------------------------------------------------------------------------------------ */

enum {
    LENGTH_MARK = 0x02D0, /* ː */
    TURNED_M = 0x026F,    /* ɯ */
    OPEN_E = 0x025B,      /* ɛ */
    OPEN_O = 0x0254,      /* ɔ */
    RAMS_HORN = 0x0264,   /* ɤ */
    SCHWA = 0x0259,       /* ə */
};

typedef enum {
    N_A, N_AA, N_I, N_II, N_UE, N_UEUE, N_U, N_UU, N_E, N_EE, N_AE, N_AEAE, N_O, N_OO, N_OR,
    N_OROR, N_OE, N_OEOE, N_IA, N_IIA, N_UEA, N_UEUEA, N_UA, N_UUA, N_AI, N_AO, N_AM,
    NUCLEUS_COUNT
} Nucleus;

/* Each nucleus: its IPA name (zero-terminated), in _LONG, in _LIVE_SHORT. */
static const struct {
    Py_UCS4 name[4];
    uint8_t is_long, live_short;
} NUCLEI[NUCLEUS_COUNT] = {
    [N_A] = {{'a'}, 0, 0},                               /* a */
    [N_AA] = {{'a', LENGTH_MARK}, 1, 0},                 /* aː */
    [N_I] = {{'i'}, 0, 0},                               /* i */
    [N_II] = {{'i', LENGTH_MARK}, 1, 0},                 /* iː */
    [N_UE] = {{TURNED_M}, 0, 0},                         /* ɯ */
    [N_UEUE] = {{TURNED_M, LENGTH_MARK}, 1, 0},          /* ɯː */
    [N_U] = {{'u'}, 0, 0},                               /* u */
    [N_UU] = {{'u', LENGTH_MARK}, 1, 0},                 /* uː */
    [N_E] = {{'e'}, 0, 0},                               /* e */
    [N_EE] = {{'e', LENGTH_MARK}, 1, 0},                 /* eː */
    [N_AE] = {{OPEN_E}, 0, 0},                           /* ɛ */
    [N_AEAE] = {{OPEN_E, LENGTH_MARK}, 1, 0},            /* ɛː */
    [N_O] = {{'o'}, 0, 0},                               /* o */
    [N_OO] = {{'o', LENGTH_MARK}, 1, 0},                 /* oː */
    [N_OR] = {{OPEN_O}, 0, 0},                           /* ɔ */
    [N_OROR] = {{OPEN_O, LENGTH_MARK}, 1, 0},            /* ɔː */
    [N_OE] = {{RAMS_HORN}, 0, 0},                        /* ɤ */
    [N_OEOE] = {{RAMS_HORN, LENGTH_MARK}, 1, 0},         /* ɤː */
    [N_IA] = {{'i', SCHWA}, 0, 0},                       /* iə */
    [N_IIA] = {{'i', LENGTH_MARK, SCHWA}, 1, 0},         /* iːə */
    [N_UEA] = {{TURNED_M, SCHWA}, 0, 0},                 /* ɯə */
    [N_UEUEA] = {{TURNED_M, LENGTH_MARK, SCHWA}, 1, 0},  /* ɯːə */
    [N_UA] = {{'u', SCHWA}, 0, 0},                       /* uə */
    [N_UUA] = {{'u', LENGTH_MARK, SCHWA}, 1, 0},         /* uːə */
    [N_AI] = {{'a', 'i'}, 0, 1},                         /* ai */
    [N_AO] = {{'a', 'o'}, 0, 1},                         /* ao */
    [N_AM] = {{'a', 'm'}, 0, 1},                         /* am */
};

/* The vowel frames (Syllable.vowel), zero-terminated; named after their signs, _CODA for the
 * trailing "-" of a frame that takes a coda. */
static const Py_UCS4 F_NONE[] = {0};                                      /* "" */
static const Py_UCS4 F_A[] = {'-', SIGN_A, 0};                            /* -ະ */
static const Py_UCS4 F_KAN_WO_CODA[] = {'-', MAI_KAN, WO, '-', 0};        /* -ັວ- */
static const Py_UCS4 F_KAN_YO_CODA[] = {'-', MAI_KAN, SEMIVOWEL_NYO, '-', 0}; /* -ັຽ- */
static const Py_UCS4 F_KAN_O_CODA[] = {'-', MAI_KAN, O, '-', 0};          /* -ັອ- */
static const Py_UCS4 F_KAN_CODA[] = {'-', MAI_KAN, '-', 0};               /* -ັ- */
static const Py_UCS4 F_AA[] = {'-', SIGN_AA, 0};                          /* -າ */
static const Py_UCS4 F_AM[] = {'-', SIGN_AM, 0};                          /* -ຳ */
static const Py_UCS4 F_I[] = {'-', SIGN_I, 0};                            /* -ິ */
static const Py_UCS4 F_II[] = {'-', SIGN_II, 0};                          /* -ີ */
static const Py_UCS4 F_Y[] = {'-', SIGN_Y, 0};                            /* -ຶ */
static const Py_UCS4 F_YY[] = {'-', SIGN_YY, 0};                          /* -ື */
static const Py_UCS4 F_U[] = {'-', SIGN_U, 0};                            /* -ຸ */
static const Py_UCS4 F_UU[] = {'-', SIGN_UU, 0};                          /* -ູ */
static const Py_UCS4 F_KON_WO_A[] = {'-', MAI_KON, WO, SIGN_A, 0};        /* -ົວະ */
static const Py_UCS4 F_KON_WO[] = {'-', MAI_KON, WO, 0};                  /* -ົວ */
static const Py_UCS4 F_KON_CODA[] = {'-', MAI_KON, '-', 0};               /* -ົ- */
static const Py_UCS4 F_NIGGAHITA[] = {'-', NIGGAHITA, 0};                 /* -ໍ */
static const Py_UCS4 F_YO_CODA[] = {'-', SEMIVOWEL_NYO, '-', 0};          /* -ຽ- */
static const Py_UCS4 F_O[] = {'-', O, 0};                                 /* -ອ */
static const Py_UCS4 F_O_CODA[] = {'-', O, '-', 0};                       /* -ອ- */
static const Py_UCS4 F_WO[] = {'-', WO, 0};                               /* -ວ */
static const Py_UCS4 F_WO_CODA[] = {'-', WO, '-', 0};                     /* -ວ- */
static const Py_UCS4 F_E_A[] = {SIGN_E, '-', SIGN_A, 0};                  /* ເ-ະ */
static const Py_UCS4 F_E_KAN_NYO_A[] = {SIGN_E, '-', MAI_KAN, NYO, SIGN_A, 0};           /* ເ-ັຍະ */
static const Py_UCS4 F_E_KAN_YO_A[] = {SIGN_E, '-', MAI_KAN, SEMIVOWEL_NYO, SIGN_A, 0};  /* ເ-ັຽະ */
static const Py_UCS4 F_E_KAN_NYO[] = {SIGN_E, '-', MAI_KAN, NYO, 0};                     /* ເ-ັຍ */
static const Py_UCS4 F_E_KAN_YO[] = {SIGN_E, '-', MAI_KAN, SEMIVOWEL_NYO, 0};            /* ເ-ັຽ */
static const Py_UCS4 F_E_KAN_CODA[] = {SIGN_E, '-', MAI_KAN, '-', 0};     /* ເ-ັ- */
static const Py_UCS4 F_E_AA_A[] = {SIGN_E, '-', SIGN_AA, SIGN_A, 0};      /* ເ-າະ */
static const Py_UCS4 F_E_AA[] = {SIGN_E, '-', SIGN_AA, 0};                /* ເ-າ */
static const Py_UCS4 F_E_KON_AA[] = {SIGN_E, '-', MAI_KON, SIGN_AA, 0};   /* ເ-ົາ */
static const Py_UCS4 F_E_KON[] = {SIGN_E, '-', MAI_KON, 0};               /* ເ-ົ */
static const Py_UCS4 F_E_I_A[] = {SIGN_E, '-', SIGN_I, SIGN_A, 0};        /* ເ-ິະ */
static const Py_UCS4 F_E_I[] = {SIGN_E, '-', SIGN_I, 0};                  /* ເ-ິ */
static const Py_UCS4 F_E_II[] = {SIGN_E, '-', SIGN_II, 0};                /* ເ-ີ */
static const Py_UCS4 F_E_Y_O_A[] = {SIGN_E, '-', SIGN_Y, O, SIGN_A, 0};   /* ເ-ຶອະ */
static const Py_UCS4 F_E_Y_O[] = {SIGN_E, '-', SIGN_Y, O, 0};             /* ເ-ຶອ */
static const Py_UCS4 F_E_YY_O[] = {SIGN_E, '-', SIGN_YY, O, 0};           /* ເ-ືອ */
static const Py_UCS4 F_E_Y[] = {SIGN_E, '-', SIGN_Y, 0};                  /* ເ-ຶ */
static const Py_UCS4 F_E_YY[] = {SIGN_E, '-', SIGN_YY, 0};                /* ເ-ື */
static const Py_UCS4 F_E_NYO[] = {SIGN_E, '-', NYO, 0};                   /* ເ-ຍ */
static const Py_UCS4 F_E[] = {SIGN_E, '-', 0};                            /* ເ- */
static const Py_UCS4 F_EI_A[] = {SIGN_EI, '-', SIGN_A, 0};                /* ແ-ະ */
static const Py_UCS4 F_EI_KAN_CODA[] = {SIGN_EI, '-', MAI_KAN, '-', 0};   /* ແ-ັ- */
static const Py_UCS4 F_EI[] = {SIGN_EI, '-', 0};                          /* ແ- */
static const Py_UCS4 F_O_A[] = {SIGN_O, '-', SIGN_A, 0};                  /* ໂ-ະ */
static const Py_UCS4 F_SIGN_O[] = {SIGN_O, '-', 0};                       /* ໂ- */
static const Py_UCS4 F_AI[] = {SIGN_AI, '-', 0};                          /* ໄ- */
static const Py_UCS4 F_AY[] = {SIGN_AY, '-', 0};                          /* ໃ- */

/* _SIMPLE_ABOVE, indexed by the sign minus SIGN_I: the frame "-" + sign and its nucleus. */
static const struct {
    const Py_UCS4 *frame;
    Nucleus nucleus;
} SIMPLE_ABOVE[] = {
    {F_I, N_I}, {F_II, N_II}, {F_Y, N_UE}, {F_YY, N_UEUE}, {F_U, N_U}, {F_UU, N_UU},
};

/* The length of a zero-terminated frame or nucleus name */
static Py_ssize_t
terminated_length(const Py_UCS4 *chars)
{
    Py_ssize_t length = 0;
    while (chars[length] != 0) {
        length++;
    }
    return length;
}

/* vowel.count("-") */
static int
dashes(const Py_UCS4 *frame)
{
    int count = 0;
    for (Py_ssize_t k = 0; frame[k] != 0; k++) {
        count += frame[k] == '-';
    }
    return count;
}

/* ------------------------------------------------------------------------------------------ */
/* Scan (syllable.py)                                                                          */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    const Py_UCS4 *chars;
    Py_ssize_t n;
} Word;

static inline Py_UCS4
char_at(const Word *w, Py_ssize_t k)
{
    return k >= 0 && k < w->n ? w->chars[k] : NO_CHAR;
}

/* A syllable: the fields of Syllable, its strings as ranges of the word or as letters. */
typedef struct {
    Py_ssize_t start, onset_start, onset_end, silent_start, end; /* text = w[start:end] ... */
    Py_UCS4 initial, cluster, coda, tone_mark;                   /* NO_CHAR for "" */
    const Py_UCS4 *vowel;                                        /* a frame, F_NONE for "" */
    Nucleus nucleus;
    ConsonantClass consonant_class;
    int live, is_long, implicit;
} Syllable;

/* What _scan appends: a Syllable, or w[start:end] when `stray` (a piece that is no syllable). */
typedef struct {
    int stray;
    Py_ssize_t start, end;
    Syllable syllable;
} Piece;

/* _SILENT.match(w, i): [\u0e81-\u0eae\u0edc-\u0edf]{1,2}[\u0eb4\u0eb8]?\u0ecc; the end of the
 * match, or -1.  Backtracking never helps: giving back the second letter or the vowel sign
 * leaves a letter or a sign where ◌໌ is needed. */
static Py_ssize_t
silent_match(const Word *w, Py_ssize_t i)
{
    if (!in_set(char_at(w, i), SILENT_LETTERS)) {
        return -1;
    }
    Py_ssize_t k = i + 1;
    if (in_set(char_at(w, k), SILENT_LETTERS)) {
        k++;
    }
    if (char_at(w, k) == SIGN_I || char_at(w, k) == SIGN_U) {
        k++;
    }
    return char_at(w, k) == CANCEL ? k + 1 : -1;
}

/* _after_tones: the index of the first character at or after k that is not a tone mark. */
static Py_ssize_t
after_tones(const Word *w, Py_ssize_t k)
{
    while (k < w->n && in_set(char_at(w, k), TONE_MARKS)) {
        k++;
    }
    return k;
}

/* _sign_after: the first character at or after k that is not a tone mark (NO_CHAR at the end). */
static Py_UCS4
sign_after(const Word *w, Py_ssize_t k)
{
    return char_at(w, after_tones(w, k));
}

/* _is_coda: does the consonant at j close the syllable before it (rather than open the next)? */
static int
is_coda(const Word *w, Py_ssize_t j, int needed)
{
    Py_UCS4 c = char_at(w, j);
    if (in_set(c, NEVER_CODA)) {
        return 0;
    }
    Py_ssize_t k = j + 1;
    if (k >= w->n) {
        return 1;
    }
    Py_UCS4 nx = char_at(w, k);
    if (in_set(nx, TONE_MARKS) || in_set(nx, NEEDS_ONSET) || nx == CANCEL) {
        return 0;
    }
    if (needed) {
        return 1;
    }
    if (nx == O) {
        if (char_at(w, k + 1) == O) {
            return 1; /* ອອ: ອ opens a syllable whose vowel is the second ອ (ນ|ອອກ) */
        }
        /* ອ with its own vowel opens a syllable (ກອງທັບ|ອາ); otherwise it is the vowel ɔː of c */
        return in_set(sign_after(w, k + 1), NEEDS_ONSET);
    }
    if (nx == WO) {
        if (char_at(w, k + 1) == CANCEL) {
            return 1;
        }
        if (in_set(char_at(w, k + 1), TONE_MARKS)) {
            return !in_set(c, W_CLUSTER); /* the tone sits on ວ: ວ is an onset (ຢ່າງ|ວ່ອງ) */
        }
        if (in_set(sign_after(w, k + 1), NEEDS_ONSET)) {
            return !in_set(c, W_CLUSTER);
        }
        return 0; /* c + ວ + consonant: ວ is the vowel uːə of c (ກວດ, ຄວນ) */
    }
    return !(nx == LO_LING && in_set(c, R_CLUSTER) && in_set(sign_after(w, k + 1), NEEDS_ONSET));
}

/* _final_yo: is the ຽ at k a final (old spelling of ຍ: -າຽ, ມວຽ) rather than the vowel -ຽ-? */
static int
final_yo(const Word *w, Py_ssize_t k)
{
    Py_ssize_t j = k + 1;
    return !(j < w->n && in_set(char_at(w, j), CONSONANTS) && is_coda(w, j, 0));
}

/* _h_digraph: ຫ at j-1, a sonorant at j: one high-class consonant (ໃຫຍ່) or ຫ + a final (ແຫນ)? */
static int
h_digraph(const Word *w, Py_ssize_t j, Py_UCS4 pre)
{
    Py_ssize_t k = j + 1;
    if (in_set(char_at(w, k), TONE_MARKS)) {
        return 1;
    }
    Py_UCS4 nxt = sign_after(w, k);
    if (in_set(nxt, NEEDS_ONSET) || pre == SIGN_AI || pre == SIGN_AY) {
        return 1;
    }
    /* ຫນວດ, ຫມອກ, ຫລວງ: the sonorant is the onset of a syllable whose vowel is ວ or ອ */
    if (char_at(w, j) != WO && (nxt == WO || nxt == O)) {
        return 1;
    }
    /* ໂຫຍກ, ແຫວນ: a final follows the sonorant; ambiguous (ແຫນ) it is read ຫ + final */
    return pre != NO_CHAR && in_set(char_at(w, k), CONSONANTS) && is_coda(w, k, 0);
}

/* w.index(c, k), for a c that is there */
static Py_ssize_t
index_of(const Word *w, Py_UCS4 c, Py_ssize_t k)
{
    while (k < w->n && char_at(w, k) != c) {
        k++;
    }
    return k;
}

/* _medial_w: is the ວ at j (after an onset consonant) a medial, leaving the vowel to other
 * signs? */
static int
medial_w(const Word *w, Py_ssize_t j, Py_UCS4 pre)
{
    Py_ssize_t k = j + 1;
    Py_UCS4 nxt = sign_after(w, k);
    if (pre == NO_CHAR) {
        if (nxt == SEMIVOWEL_NYO) { /* ກວຽນ (medial) but ມວຽ (ວ the vowel, ຽ the final) */
            return !final_yo(w, index_of(w, SEMIVOWEL_NYO, k));
        }
        return in_set(nxt, NEEDS_ONSET);
    }
    if ((pre == SIGN_E || pre == SIGN_EI || pre == SIGN_O) && in_set(nxt, CONSONANTS)) {
        /* ແຂວງ: the frame ແ-◌ closes on ງ, so ວ cannot be the final (but ແກວ|ງາມ) */
        k = after_tones(w, k);
        return is_coda(w, k, 0);
    }
    return 0;
}

/* _make: live and length (its tone is the speller's to look up, from the same fields) */
static void
make(Syllable *s)
{
    s->is_long = NUCLEI[s->nucleus].is_long;
    s->live = s->coda != NO_CHAR ? in_set(s->coda, LIVE_FINALS)
                                 : s->is_long || NUCLEI[s->nucleus].live_short;
}

/* What _nucleus returns beside the next index: the frame, the nucleus, may take a coda. */
typedef struct {
    const Py_UCS4 *frame;
    Nucleus nucleus;
    int closable;
} Vowel;

static Py_ssize_t
found(Vowel *v, Py_ssize_t i, const Py_UCS4 *frame, Nucleus nucleus, int closable)
{
    v->frame = frame;
    v->nucleus = nucleus;
    v->closable = closable;
    return i;
}

/* _nucleus with no preposed vowel; x is the sign at i */
static Py_ssize_t
nucleus_alone(const Word *w, Py_ssize_t i, Py_UCS4 x, Py_UCS4 cluster, Vowel *v)
{
    if (x == SIGN_A) {
        return found(v, i + 1, F_A, N_A, 0);
    }
    if (x == MAI_KAN) {
        i = after_tones(w, i + 1);
        Py_UCS4 y = char_at(w, i);
        if (y == WO) {
            return found(v, i + 1, F_KAN_WO_CODA, N_UA, 1);
        }
        if (y == SEMIVOWEL_NYO) {
            return found(v, i + 1, F_KAN_YO_CODA, N_IA, 1);
        }
        if (y == O && !in_set(sign_after(w, i + 1), NEEDS_ONSET)) {
            return found(v, i + 1, F_KAN_O_CODA, N_OR, 1);
        }
        return found(v, i, F_KAN_CODA, N_A, 1);
    }
    if (x == SIGN_AA) {
        return found(v, i + 1, F_AA, N_AA, 1);
    }
    if (x == SIGN_AM) {
        return found(v, i + 1, F_AM, N_AM, 0);
    }
    if (x >= SIGN_I && x <= SIGN_UU) { /* x in _SIMPLE_ABOVE */
        if (x == SIGN_YY) {
            Py_ssize_t k = after_tones(w, i + 1);
            if (char_at(w, k) == O) { /* -ືອ without ເ (misspelling of ເ-ືອ) */
                return found(v, k + 1, F_E_YY_O, N_UEUEA, 1);
            }
        }
        return found(v, i + 1, SIMPLE_ABOVE[x - SIGN_I].frame, SIMPLE_ABOVE[x - SIGN_I].nucleus, 1);
    }
    if (x == MAI_KON) {
        i = after_tones(w, i + 1);
        if (char_at(w, i) == WO) {
            i = after_tones(w, i + 1);
            if (char_at(w, i) == SIGN_A) {
                return found(v, i + 1, F_KON_WO_A, N_UA, 0);
            }
            return found(v, i, F_KON_WO, N_UUA, 0);
        }
        return found(v, i, F_KON_CODA, N_O, 1);
    }
    if (x == NIGGAHITA) {
        i = after_tones(w, i + 1);
        if (char_at(w, i) == SIGN_AA) { /* decomposed ຳ */
            return found(v, i + 1, F_AM, N_AM, 0);
        }
        return found(v, i, F_NIGGAHITA, N_OROR, 0);
    }
    if (x == SEMIVOWEL_NYO) {
        return found(v, i + 1, F_YO_CODA, N_IIA, 1);
    }
    if (x == O && !in_set(sign_after(w, i + 1), NEEDS_ONSET)) {
        return found(v, i + 1, F_O, N_OROR, 1);
    }
    if (x == WO && cluster != WO
        && (!in_set(sign_after(w, i + 1), NEEDS_ONSET) || char_at(w, i + 1) == SEMIVOWEL_NYO)) {
        return found(v, i + 1, F_WO, N_UUA, 1);
    }
    return found(v, i, F_NONE, N_A, 0);
}

/* _nucleus after ເ with ◌ຶ or ◌ື (x) at i */
static Py_ssize_t
nucleus_e_y(const Word *w, Py_ssize_t i, Py_UCS4 x, Vowel *v)
{
    Py_ssize_t k = after_tones(w, i + 1);
    int is_short = x == SIGN_Y;
    if (char_at(w, k) == O) {
        k += 1;
        if (is_short && char_at(w, k) == SIGN_A) {
            return found(v, k + 1, F_E_Y_O_A, N_UEA, 0);
        }
        return found(v, k, is_short ? F_E_Y_O : F_E_YY_O, is_short ? N_UEA : N_UEUEA, 1);
    }
    return found(v, k, is_short ? F_E_Y : F_E_YY, is_short ? N_UEA : N_UEUEA, 1);
}

/* _nucleus after ເ; x is the sign at i */
static Py_ssize_t
nucleus_e(const Word *w, Py_ssize_t i, Py_UCS4 x, Vowel *v)
{
    if (x == SIGN_A) {
        return found(v, i + 1, F_E_A, N_E, 0);
    }
    if (x == MAI_KAN) {
        i = after_tones(w, i + 1);
        Py_UCS4 y = char_at(w, i);
        if (y == NYO || y == SEMIVOWEL_NYO) {
            i += 1;
            if (char_at(w, i) == SIGN_A) {
                return found(v, i + 1, y == NYO ? F_E_KAN_NYO_A : F_E_KAN_YO_A, N_IA, 0);
            }
            /* ເ-ັຽ is long (ALA-LC īa, Wiktionary iːə); ເ-ັຍ short */
            return found(v, i, y == NYO ? F_E_KAN_NYO : F_E_KAN_YO,
                         y == SEMIVOWEL_NYO ? N_IIA : N_IA, 0);
        }
        return found(v, i, F_E_KAN_CODA, N_E, 1);
    }
    if (x == SIGN_AA) {
        if (char_at(w, i + 1) == SIGN_A) {
            return found(v, i + 2, F_E_AA_A, N_OR, 0);
        }
        return found(v, i + 1, F_E_AA, N_AO, 0);
    }
    if (x == MAI_KON) {
        i = after_tones(w, i + 1);
        if (char_at(w, i) == SIGN_AA) {
            return found(v, i + 1, F_E_KON_AA, N_AO, 0);
        }
        return found(v, i, F_E_KON, N_AO, 0);
    }
    if (x == SIGN_I) {
        if (char_at(w, i + 1) == SIGN_A) {
            return found(v, i + 2, F_E_I_A, N_OE, 0);
        }
        return found(v, i + 1, F_E_I, N_OE, 1);
    }
    if (x == SIGN_II) {
        return found(v, i + 1, F_E_II, N_OEOE, 1);
    }
    if (x == SIGN_Y || x == SIGN_YY) {
        return nucleus_e_y(w, i, x, v);
    }
    if (x == NYO && !in_set(sign_after(w, i + 1), NEEDS_ONSET)) {
        return found(v, i + 1, F_E_NYO, N_IIA, 0);
    }
    return found(v, i, F_E, N_EE, 1);
}

/* _nucleus: read the vowel signs after the onset; the next index, and the vowel in *v. */
static Py_ssize_t
nucleus(const Word *w, Py_ssize_t i, Py_UCS4 pre, Py_UCS4 cluster, Vowel *v)
{
    Py_UCS4 x = char_at(w, i);
    if (in_set(x, TONE_MARKS)) {
        i = after_tones(w, i);
        x = char_at(w, i);
    }
    if (pre == NO_CHAR) {
        return nucleus_alone(w, i, x, cluster, v);
    }
    if (pre == SIGN_E) {
        return nucleus_e(w, i, x, v);
    }
    if (pre == SIGN_EI) {
        if (x == SIGN_A) {
            return found(v, i + 1, F_EI_A, N_AE, 0);
        }
        if (x == MAI_KAN) {
            return found(v, after_tones(w, i + 1), F_EI_KAN_CODA, N_AE, 1);
        }
        return found(v, i, F_EI, N_AEAE, 1);
    }
    if (pre == SIGN_O) {
        if (x == SIGN_A) {
            return found(v, i + 1, F_O_A, N_O, 0);
        }
        return found(v, i, F_SIGN_O, N_OO, 1);
    }
    return found(v, i, pre == SIGN_AI ? F_AI : F_AY, N_AI, 0); /* ໄ- ໃ- */
}

/* _scan, from the onset on: the onset letters after the consonant c at i - 1 (ຫ + sonorant,
 * ◌ຼ, ຣ, medial ວ); the index after them. */
static Py_ssize_t
scan_onset(const Word *w, Py_ssize_t i, Py_UCS4 pre, Py_UCS4 c, Syllable *s)
{
    Py_UCS4 letter = s->initial;
    Py_UCS4 nx = char_at(w, i);
    if (c == HO_SUNG && in_set(nx, SONORANTS) && h_digraph(w, i, pre)) {
        s->initial = nx;
        i += 1;
    }
    else if (nx == SUBSCRIPT_LO) {
        i += 1;
        if (c == HO_SUNG) {
            s->initial = LO_LOOT;
        }
        else {
            s->cluster = LO_LOOT;
        }
    }
    else if (nx == LO_LING && in_set(c, R_CLUSTER) && in_set(sign_after(w, i + 1), NEEDS_ONSET)
             && !(pre != NO_CHAR && sign_after(w, i + 1) == NO_CHAR)) {
        s->cluster = LO_LING;
        i += 1;
    }
    if (s->cluster == NO_CHAR && char_at(w, i) == WO && c != WO && c != O && c != HO_SUNG
        && s->initial == letter && medial_w(w, i, pre)) {
        s->cluster = WO;
        i += 1;
    }
    return i;
}

/* _scan, after the vowel: the coda of a vowel that may take one, or the tone marks after it. */
static Py_ssize_t
scan_coda(const Word *w, Py_ssize_t i, int closable, Syllable *s)
{
    if (!closable) {
        if (!s->implicit) {
            i = after_tones(w, i);
        }
        return i;
    }
    Py_ssize_t k = after_tones(w, i);
    i = k;
    if (char_at(w, k) == SEMIVOWEL_NYO && final_yo(w, k)) {
        s->coda = SEMIVOWEL_NYO;
        i = k + 1;
    }
    else if (in_set(char_at(w, k), CONSONANTS) && is_coda(w, k, dashes(s->vowel) == 2)) {
        s->coda = char_at(w, k);
        i = k + 1;
        if (char_at(w, i) == VIRAMA || char_at(w, i) == YAMAKKAN) {
            i += 1;
        }
        if (s->vowel == F_O) {
            s->vowel = F_O_CODA;
        }
        else if (s->vowel == F_WO) {
            s->vowel = F_WO_CODA;
        }
    }
    return i;
}

/* One turn of _scan's loop at i: the piece that starts there; the index after it.  `cancel`:
 * ◌໌ is in the word (silent letters are looked for only then). */
static Py_ssize_t
scan_piece(const Word *w, Py_ssize_t i, int cancel, Piece *piece)
{
    Py_ssize_t n = w->n, start = i;
    Py_UCS4 pre = in_set(char_at(w, i), PREPOSED) ? char_at(w, i) : NO_CHAR;
    if (pre != NO_CHAR) {
        i += 1;
    }
    piece->start = start;
    if (i >= n || !in_set(char_at(w, i), CONSONANTS)) {
        /* Not a syllable: a stray sign (or a preposed vowel with no consonant) and the marks
         * that lean on it. */
        i += pre == NO_CHAR ? 1 : 0;
        while (i < n && !in_set(char_at(w, i), CONSONANTS) && !in_set(char_at(w, i), PREPOSED)) {
            i += 1;
        }
        piece->stray = 1;
        piece->end = i;
        return i;
    }
    Syllable *s = &piece->syllable;
    Py_UCS4 c = char_at(w, i);
    piece->stray = 0;
    s->start = start;
    s->onset_start = i;
    s->initial = ligature(c);
    s->consonant_class = consonant_class(c);
    s->cluster = s->coda = s->tone_mark = NO_CHAR;
    i = s->onset_end = scan_onset(w, i + 1, pre, c, s);
    Vowel v;
    i = nucleus(w, i, pre, s->cluster, &v);
    s->vowel = v.frame;
    s->nucleus = v.nucleus;
    s->implicit = v.frame == F_NONE;
    i = s->silent_start = scan_coda(w, i, v.closable, s);
    Py_ssize_t m = cancel ? silent_match(w, i) : -1;
    while (m >= 0) {
        i = m;
        m = silent_match(w, i);
    }
    for (Py_ssize_t k = s->onset_start; k < s->silent_start; k++) {
        if (in_set(char_at(w, k), TONE_MARKS)) {
            s->tone_mark = char_at(w, k);
        }
    }
    s->end = piece->end = i;
    make(s);
    return i;
}

static int
has_cancel(const Word *w)
{
    for (Py_ssize_t k = 0; k < w->n; k++) {
        if (char_at(w, k) == CANCEL) {
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The speller's tables: strings of speller_spec(), copied into one pool.                      */
/* ------------------------------------------------------------------------------------------ */

/* pool[start : start + length]; length -1 for a key the table does not have. */
typedef struct {
    Py_ssize_t start, length;
} Span;

static const Span ABSENT = {0, -1};
static const Span EMPTY = {0, 0};

/* Tables keyed on a letter: the Lao block, then the key "", then any other letter (never
 * filled: initials and codas are Lao letters, and the `letter` table maps to Lao letters). */
#define EMPTY_KEY LAO_COUNT
#define OTHER_KEY (LAO_COUNT + 1)
#define LETTER_KEYS (LAO_COUNT + 2)

/* Tone marks: none, then ◌່ ◌້ ◌໊ ◌໋ (tone[class][live][long][mark], the key of _TONE). */
#define MARK_KEYS 5

typedef struct {
    Nucleus nucleus;
    int letter; /* a letter key */
    Span final;
} FinalAfter;

typedef struct {
    Py_UCS4 from;
    Span to;
} Translation;

/* render_word's `errors`: what becomes of a piece that is not a syllable */
typedef enum { ERRORS_STRICT, ERRORS_REPLACE, ERRORS_IGNORE, ERRORS_PRESERVE } Errors;

struct WordSpellerObject {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    UCS4Buffer pool;                    /* every string below, one after another */
    Py_UCS4 letter[LAO_COUNT];          /* _letter over the Lao block */
    Span initials[LETTER_KEYS];
    Span vowels[NUCLEUS_COUNT];
    Span clusters[LETTER_KEYS];
    Span medial_w_vowels[NUCLEUS_COUNT];
    Span medial_w_preposed;             /* ABSENT for None */
    Span labialised, aspirated;
    FinalAfter *finals_after;           /* PyMem_Malloc'ed */
    Py_ssize_t finals_after_count;
    Span finals[LETTER_KEYS];
    Span glottal_stop;                  /* ABSENT when the rule is off */
    uint8_t short_open_no_stop[NUCLEUS_COUNT];
    int tones;                          /* each syllable is followed by its tone */
    Span tone[3][2][2][MARK_KEYS];
    int abbreviation_letter_names;      /* _abbreviation: letter names, else capitals */
    Span capitals[LETTER_KEYS];
    Span final_h[NUCLEUS_COUNT];        /* the last letters after which ... */
    Span word_final_h;                  /* ... a word-final open syllable takes this */
    Span separator;
    Span hyphen;                        /* ABSENT when the system writes none */
    Span hyphen_after, hyphen_before;
    Errors errors;
    Span replacement;                   /* errors="replace" */
    Span word_separator;
    Translation *translate;             /* PyMem_Malloc'ed */
    Py_ssize_t translate_count;
};

static inline const Py_UCS4 *
span_chars(const WordSpellerObject *self, Span span)
{
    return self->pool.items + span.start;
}

static inline int
present(Span span)
{
    return span.length >= 0;
}

/* table.get(key, ""): ABSENT becomes EMPTY */
static inline Span
get(Span span)
{
    return present(span) ? span : EMPTY;
}

static int
span_equal(const WordSpellerObject *self, Span a, Span b)
{
    return a.length == b.length && a.length >= 0
           && (a.length == 0
               || memcmp(span_chars(self, a), span_chars(self, b),
                         (size_t)a.length * sizeof(Py_UCS4)) == 0);
}

/* a.endswith(b), for present spans */
static int
ends_with(const WordSpellerObject *self, Span a, Span b)
{
    if (a.length < b.length || b.length < 0) {
        return 0;
    }
    Span tail = {a.start + a.length - b.length, b.length};
    return span_equal(self, tail, b);
}

/* c in the string `span` (NO_CHAR is in none) */
static int
contains(const WordSpellerObject *self, Span span, Py_UCS4 c)
{
    for (Py_ssize_t k = 0; k < span.length; k++) {
        if (span_chars(self, span)[k] == c) {
            return 1;
        }
    }
    return 0;
}

static int
letter_key(Py_UCS4 c)
{
    if (c == NO_CHAR) {
        return EMPTY_KEY;
    }
    return c >= LAO_FIRST && c - LAO_FIRST < LAO_COUNT ? (int)(c - LAO_FIRST) : OTHER_KEY;
}

/* ------------------------------------------------------------------------------------------ */
/* Spell (render.py)                                                                           */
/* ------------------------------------------------------------------------------------------ */

/* _letter: letters spelled as another (Pali letters; ຽ as a final) */
static Py_UCS4
letter(const WordSpellerObject *self, Py_UCS4 c)
{
    return c >= LAO_FIRST && c - LAO_FIRST < LAO_COUNT ? self->letter[c - LAO_FIRST] : c;
}

/* A string of the pool, or a slice of the word (a piece that is not a syllable, preserved). */
typedef struct {
    const Py_UCS4 *chars;
    Py_ssize_t length;
} Text;

static inline Text
text_of(const WordSpellerObject *self, Span span)
{
    Text text = {span_chars(self, span), span.length};
    return text;
}

/* One of render_word's `parts` (a spelled syllable, or what stands for a piece that is not
 * one), or one letter of an abbreviation, as the strings it is the concatenation of: at most the
 * initial, the cluster, the aspiration (kʷʰ), the vowel, the final, the glottal stop, the tone
 * and the word-final h. */
#define SPELLED_PARTS 8

typedef struct {
    Text parts[SPELLED_PARTS];
    int count;
} Spelled;

static void
add_text(Spelled *spelled, Text text)
{
    if (spelled->count < SPELLED_PARTS) {
        spelled->parts[spelled->count++] = text;
    }
}

/* add a present span */
static void
add(const WordSpellerObject *self, Spelled *spelled, Span span)
{
    add_text(spelled, text_of(self, span));
}

static Py_UCS4
first_char(const Spelled *spelled)
{
    for (int k = 0; k < spelled->count; k++) {
        if (spelled->parts[k].length > 0) {
            return spelled->parts[k].chars[0];
        }
    }
    return NO_CHAR;
}

static Py_UCS4
last_char(const Spelled *spelled)
{
    for (int k = spelled->count - 1; k >= 0; k--) {
        Text part = spelled->parts[k];
        if (part.length > 0) {
            return part.chars[part.length - 1];
        }
    }
    return NO_CHAR;
}

/* system.finals_after.get((nucleus, coda)) */
static Span
final_after(const WordSpellerObject *self, Nucleus nucleus, Py_UCS4 coda)
{
    int key = letter_key(coda);
    for (Py_ssize_t k = 0; k < self->finals_after_count; k++) {
        if (self->finals_after[k].nucleus == nucleus && self->finals_after[k].letter == key) {
            return self->finals_after[k].final;
        }
    }
    return ABSENT;
}

/* The onset: initial + cluster, IPA writing labialisation before aspiration (kʷʰ). */
static void
add_onset(const WordSpellerObject *self, Span initial, Span cluster, Spelled *out)
{
    if (span_equal(self, cluster, self->labialised) && ends_with(self, initial, self->aspirated)) {
        Span bare = {initial.start, initial.length - self->aspirated.length};
        add(self, out, bare);
        add(self, out, cluster);
        add(self, out, self->aspirated);
        return;
    }
    add(self, out, initial);
    add(self, out, cluster);
}

/* render_syllable; 0 where Python raises KeyError (a letter or nucleus a table lacks). */
static int
render_syllable(const WordSpellerObject *self, const Syllable *s, Spelled *out)
{
    Span initial = self->initials[letter_key(letter(self, s->initial))];
    Span vowel = self->vowels[s->nucleus];
    if (!present(initial) || !present(vowel)) {
        return 0;
    }
    Span cluster = get(self->clusters[letter_key(s->cluster)]);
    if (s->cluster == WO) {
        int preposed = in_set(s->vowel[0], PREPOSED);
        if (!preposed && present(self->medial_w_vowels[s->nucleus])) {
            vowel = self->medial_w_vowels[s->nucleus];
            cluster = EMPTY;
        }
        else if (preposed && present(self->medial_w_preposed)) {
            cluster = self->medial_w_preposed;
        }
    }
    out->count = 0;
    add_onset(self, initial, cluster, out);
    Py_UCS4 coda = letter(self, s->coda);
    Span final = final_after(self, s->nucleus, coda);
    if (!present(final)) {
        final = get(self->finals[letter_key(coda)]);
    }
    add(self, out, vowel);
    add(self, out, final);
    if (present(self->glottal_stop) && s->coda == NO_CHAR && !s->is_long
        && !self->short_open_no_stop[s->nucleus]) {
        add(self, out, self->glottal_stop);
    }
    if (self->tones) {
        int mark = s->tone_mark == NO_CHAR ? 0 : (int)(s->tone_mark - MAI_EK) + 1;
        add(self, out, self->tone[s->consonant_class][s->live != 0][s->is_long != 0][mark]);
    }
    return 1;
}

/* _final_h: does `s`, spelled `spelled`, take an h at the end of a word (MoH 2020 eh, oh)? */
static int
final_h(const WordSpellerObject *self, const Syllable *s, const Spelled *spelled)
{
    return s->coda == NO_CHAR && contains(self, self->final_h[s->nucleus], last_char(spelled));
}

/* render_word's output as it is written: its `words` joined by word_separator, the empty ones
 * left out; and _join's state for the word being joined: the parts joined so far and the last
 * letter of its `out` (before the half-ring translation, which render_word applies to the whole
 * result). */
typedef struct {
    Py_ssize_t words; /* the words written that are not empty */
    int written;      /* the word being written is one of them (a letter of it is written) */
    Py_ssize_t parts;
    Py_UCS4 last;     /* NO_CHAR while the word is "" */
} Joined;

/* render_word starts a word (an abbreviation, or the parts after one). */
static void
next_word(Joined *joined)
{
    joined->written = 0;
    joined->parts = 0;
    joined->last = NO_CHAR;
}

/* Append `text` to `out`, translated (open_o="half-ring"). */
static inline int
put(const WordSpellerObject *self, Text text, UCS4Buffer *out)
{
    if (self->translate_count == 0) {
        return ucs4_extend(out, text.chars, text.length);
    }
    for (Py_ssize_t k = 0; k < text.length; k++) {
        Py_ssize_t t = 0;
        while (t < self->translate_count && self->translate[t].from != text.chars[k]) {
            t++;
        }
        int status = t < self->translate_count
                         ? ucs4_extend(out, span_chars(self, self->translate[t].to),
                                       self->translate[t].to.length)
                         : ucs4_push(out, text.chars[k]);
        if (status < 0) {
            return -1;
        }
    }
    return 0;
}

/* Write `text` as part of the word being written: after word_separator when it is the first
 * letter of a word that follows another. */
static inline int
emit(const WordSpellerObject *self, Text text, Joined *joined, UCS4Buffer *out)
{
    if (text.length <= 0) {
        return 0;
    }
    if (!joined->written) {
        if (joined->words > 0 && put(self, text_of(self, self->word_separator), out) < 0) {
            return -1;
        }
        joined->words += 1;
        joined->written = 1;
    }
    joined->last = text.chars[text.length - 1];
    return put(self, text, out);
}

/* _join, one part at a time: the separator (a hyphen between a vowel letter, or g, and a
 * vowel-initial part), then the part. */
static int
join(const WordSpellerObject *self, Joined *joined, const Spelled *part, UCS4Buffer *out)
{
    if (joined->parts > 0) {
        Span sep = self->separator;
        Py_UCS4 first = first_char(part);
        if (present(self->hyphen) && joined->last != NO_CHAR && first != NO_CHAR
            && contains(self, self->hyphen_before, first)
            && contains(self, self->hyphen_after, joined->last)) {
            sep = self->hyphen;
        }
        if (emit(self, text_of(self, sep), joined, out) < 0) {
            return -1;
        }
    }
    for (int k = 0; k < part->count; k++) {
        if (emit(self, part->parts[k], joined, out) < 0) {
            return -1;
        }
    }
    joined->parts += 1;
    return 0;
}

/* _abbreviation of the implicit syllables w[i..end) (a run that implicit_run found), written as
 * one of render_word's words: letter names (initial + ɔː + the tone of a live long unmarked
 * syllable) joined by the separator, or capitals.  1; 0 where Python raises KeyError (a letter,
 * or the vowel ɔː, that a table lacks); -1 when out of memory. */
static int
abbreviation(const WordSpellerObject *self, const Word *w, Py_ssize_t i, Py_ssize_t end,
             int cancel, Joined *joined, UCS4Buffer *out)
{
    int names = 0;
    while (i < end) {
        Piece piece;
        i = scan_piece(w, i, cancel, &piece); /* a syllable: implicit_run went past it */
        const Syllable *s = &piece.syllable;
        int key = letter_key(letter(self, s->initial));
        Spelled name;
        name.count = 0;
        if (self->abbreviation_letter_names) {
            Span initial = self->initials[key], vowel = self->vowels[N_OROR];
            if (!present(initial) || !present(vowel)) {
                return 0;
            }
            add(self, &name, initial);
            add(self, &name, vowel);
            if (self->tones) { /* vientiane_tone(class, live=True, long=True, mark="") */
                add(self, &name, self->tone[s->consonant_class][1][1][0]);
            }
            if (names > 0 && emit(self, text_of(self, self->separator), joined, out) < 0) {
                return -1;
            }
        }
        else {
            if (!present(self->capitals[key])) {
                return 0;
            }
            add(self, &name, self->capitals[key]);
        }
        for (int k = 0; k < name.count; k++) {
            if (emit(self, name.parts[k], joined, out) < 0) {
                return -1;
            }
        }
        names += 1;
    }
    return 1;
}

/* render_word's run of implicit syllables from the one at i: its end j, and in *count how many
 * pieces it has (j - i in Python, where pieces are counted). */
static Py_ssize_t
implicit_run(const Word *w, Py_ssize_t i, int cancel, Py_ssize_t *count)
{
    Py_ssize_t j = i;
    *count = 0;
    while (j < w->n) {
        Piece piece;
        Py_ssize_t next = scan_piece(w, j, cancel, &piece);
        if (piece.stray || !piece.syllable.implicit) {
            break;
        }
        j = next;
        *count += 1;
    }
    return j;
}

/* scan_word, for a word that has chunks (no ◌໌): a piece that is not a syllable takes in those
 * that follow it (out[-1] += piece); the index after them. */
static Py_ssize_t
merge_strays(const Word *w, Py_ssize_t i, Piece *piece)
{
    while (i < w->n) {
        Piece next;
        Py_ssize_t after = scan_piece(w, i, 0, &next);
        if (!next.stray) {
            break;
        }
        piece->end = i = after;
    }
    return i;
}

/* render_word's part for a piece that is not a syllable, {"replace": "?", "ignore": "",
 * "preserve": p}[errors]; 0 for errors="strict", where Python raises ValueError. */
static int
spell_stray(const WordSpellerObject *self, const Word *w, const Piece *piece, Spelled *part)
{
    switch (self->errors) {
    case ERRORS_REPLACE:
        add(self, part, self->replacement);
        return 1;
    case ERRORS_IGNORE:
        return 1;
    case ERRORS_PRESERVE: {
        /* w[start:end], 0 <= start < end <= n (scan_piece, merge_strays) */
        Text text = {w->chars + piece->start, piece->end - piece->start};
        add_text(part, text);
        return 1;
    }
    case ERRORS_STRICT:
        break;
    }
    return 0;
}

/* not word.strip(CONSONANTS): the first test of text.py's _vowel_less */
static int
only_consonants(const Word *w)
{
    for (Py_ssize_t k = 0; k < w->n; k++) {
        if (!in_set(char_at(w, k), CONSONANTS)) {
            return 0;
        }
    }
    return 1;
}

/* render_word(scan_word(word), ...), piece by piece as it goes; see _speller.h. */
int
lao_spell_word(const WordSpellerObject *self, const Py_UCS4 *w, Py_ssize_t n, UCS4Buffer *out,
               int *vowel_less)
{
    Py_ssize_t length_on_entry = out->length;
    Word word = {w, n};
    int cancel = has_cancel(&word); /* chunks() is None: scan_word is _scan, nothing merged */
    Joined joined = {0, 0, 0, NO_CHAR};
    int all_implicit = 1; /* every piece is an implicit syllable (_vowel_less) */
    int status = 1;
    Py_ssize_t i = 0;
    while (status > 0 && i < n) {
        Piece p;
        Py_ssize_t next = scan_piece(&word, i, cancel, &p);
        Spelled part;
        part.count = 0;
        if (p.stray) {
            all_implicit = 0;
            if (!cancel) {
                next = merge_strays(&word, next, &p);
            }
            status = spell_stray(self, &word, &p, &part);
        }
        else {
            const Syllable *s = &p.syllable;
            all_implicit = all_implicit && s->implicit;
            if (s->implicit) {
                Py_ssize_t count;
                Py_ssize_t j = implicit_run(&word, i, cancel, &count);
                if (count >= 2 || (i == 0 && j == n)) { /* n == 1: the word is this syllable */
                    next_word(&joined);
                    status = abbreviation(self, &word, i, j, cancel, &joined, out);
                    next_word(&joined);
                    i = j;
                    continue;
                }
            }
            status = render_syllable(self, s, &part);
            /* the word-final h, when this syllable is pieces[-1] (and so its part parts[-1]) */
            if (status > 0 && next >= n && final_h(self, s, &part)) {
                add(self, &part, self->word_final_h);
            }
        }
        if (status > 0 && join(self, &joined, &part, out) < 0) {
            status = -1;
        }
        i = next;
    }
    if (status <= 0) {
        out->length = length_on_entry;
        return status;
    }
    *vowel_less = all_implicit && only_consonants(&word);
    return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the spec (speller_spec's dict)                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Copy `str` into the pool. */
static int
pool_add(WordSpellerObject *self, PyObject *str, const char *what, Span *span)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "speller spec: %s must be str, not %.100s", what,
                     Py_TYPE(str)->tp_name);
        return -1;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(str);
    if (ucs4_reserve(&self->pool, length + 1) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    if (PyUnicode_AsUCS4(str, self->pool.items + self->pool.length, length + 1, 1) == NULL) {
        return -1;
    }
    span->start = self->pool.length;
    span->length = length;
    self->pool.length += length;
    return 0;
}

/* spec[name], borrowed; NULL with KeyError when it is missing */
static PyObject *
spec_item(PyObject *spec, const char *name)
{
    PyObject *item = PyDict_GetItemString(spec, name);
    if (item == NULL) {
        PyErr_Format(PyExc_KeyError, "speller spec: no %s", name);
    }
    return item;
}

static PyObject *
spec_dict(PyObject *spec, const char *name)
{
    PyObject *item = spec_item(spec, name);
    if (item != NULL && !PyDict_Check(item)) {
        PyErr_Format(PyExc_TypeError, "speller spec: %s must be a dict", name);
        return NULL;
    }
    return item;
}

/* spec[name]: a str, or None when `optional` (ABSENT) */
static int
read_str(WordSpellerObject *self, PyObject *spec, const char *name, int optional, Span *span)
{
    PyObject *item = spec_item(spec, name);
    if (item == NULL) {
        return -1;
    }
    if (optional && item == Py_None) {
        *span = ABSENT;
        return 0;
    }
    return pool_add(self, item, name, span);
}

/* spec[name]: True or False */
static int
read_flag(PyObject *spec, const char *name, int *flag)
{
    PyObject *item = spec_item(spec, name);
    if (item == NULL) {
        return -1;
    }
    if (!PyBool_Check(item)) {
        PyErr_Format(PyExc_TypeError, "speller spec: %s must be a bool", name);
        return -1;
    }
    *flag = item == Py_True;
    return 0;
}

/* spec["errors"]: one of render_word's, in the order of Errors */
static int
read_errors(WordSpellerObject *self, PyObject *spec)
{
    static const char *const names[] = {"strict", "replace", "ignore", "preserve"};
    PyObject *item = spec_item(spec, "errors");
    if (item == NULL) {
        return -1;
    }
    for (size_t k = 0; PyUnicode_Check(item) && k < sizeof names / sizeof names[0]; k++) {
        if (PyUnicode_CompareWithASCIIString(item, names[k]) == 0) {
            self->errors = (Errors)k;
            return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError, "speller spec: errors must be 'strict', 'replace', "
                                      "'ignore' or 'preserve'");
    return -1;
}

/* The letter key of a dict key: -1 (with TypeError) for a key that is no str. */
static int
key_of(PyObject *key, const char *what)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "speller spec: the keys of %s must be str", what);
        return -1;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(key);
    if (length == 0) {
        return EMPTY_KEY;
    }
    return length == 1 ? letter_key(PyUnicode_READ_CHAR(key, 0)) : OTHER_KEY;
}

/* spec[name]: letter -> str, into table[LETTER_KEYS] (keys no lookup can ask for are left out) */
static int
read_letters(WordSpellerObject *self, PyObject *spec, const char *name, Span *table)
{
    PyObject *dict = spec_dict(spec, name), *key, *value;
    Py_ssize_t pos = 0;
    if (dict == NULL) {
        return -1;
    }
    for (int k = 0; k < LETTER_KEYS; k++) {
        table[k] = ABSENT;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        int k = key_of(key, name);
        if (k < 0) {
            return -1;
        }
        if (k != OTHER_KEY && pool_add(self, value, name, &table[k]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* spec["letter"]: _EQUIVALENT, letter -> letter, both in the Lao block */
static int
read_letter(WordSpellerObject *self, PyObject *spec)
{
    PyObject *dict = spec_dict(spec, "letter"), *key, *value;
    Py_ssize_t pos = 0;
    if (dict == NULL) {
        return -1;
    }
    for (int k = 0; k < LAO_COUNT; k++) {
        self->letter[k] = LAO_FIRST + (Py_UCS4)k;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        int from = PyUnicode_Check(key) ? key_of(key, "letter") : -1;
        int to = PyUnicode_Check(value) ? key_of(value, "letter") : -1;
        if (from < 0 || from >= LAO_COUNT || to < 0 || to >= LAO_COUNT) {
            PyErr_SetString(PyExc_ValueError, "speller spec: letter must map Lao letters to Lao "
                                              "letters");
            return -1;
        }
        self->letter[from] = LAO_FIRST + (Py_UCS4)to;
    }
    return 0;
}

/* The nucleus named `name`, or -1 */
static int
nucleus_named(PyObject *name, PyObject *const *names)
{
    for (int k = 0; k < NUCLEUS_COUNT; k++) {
        int equal = PyUnicode_Check(name) ? PyUnicode_Compare(name, names[k]) == 0 : 0;
        if (equal) {
            return k;
        }
    }
    return -1;
}

/* spec[name]: nucleus -> str, into table[NUCLEUS_COUNT] */
static int
read_nuclei(WordSpellerObject *self, PyObject *spec, const char *name, PyObject *const *names,
            Span *table)
{
    PyObject *dict = spec_dict(spec, name);
    if (dict == NULL) {
        return -1;
    }
    for (int k = 0; k < NUCLEUS_COUNT; k++) {
        PyObject *value = PyDict_GetItemWithError(dict, names[k]);
        table[k] = ABSENT;
        if (value == NULL && PyErr_Occurred()) {
            return -1;
        }
        if (value != NULL && pool_add(self, value, name, &table[k]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* spec["finals_after"]: (nucleus, letter) -> str */
static int
read_finals_after(WordSpellerObject *self, PyObject *spec, PyObject *const *names)
{
    PyObject *dict = spec_dict(spec, "finals_after"), *key, *value;
    Py_ssize_t pos = 0;
    if (dict == NULL) {
        return -1;
    }
    self->finals_after = PyMem_Calloc((size_t)PyDict_GET_SIZE(dict) + 1, sizeof(FinalAfter));
    if (self->finals_after == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2) {
            PyErr_SetString(PyExc_TypeError, "speller spec: finals_after keys are (nucleus, "
                                             "letter)");
            return -1;
        }
        int nucleus = nucleus_named(PyTuple_GET_ITEM(key, 0), names);
        int k = key_of(PyTuple_GET_ITEM(key, 1), "finals_after");
        if (k < 0) {
            return -1;
        }
        if (nucleus < 0 || k == OTHER_KEY) {
            continue; /* no syllable asks for it */
        }
        FinalAfter *entry = &self->finals_after[self->finals_after_count];
        entry->nucleus = (Nucleus)nucleus;
        entry->letter = k;
        if (pool_add(self, value, "finals_after", &entry->final) < 0) {
            return -1;
        }
        self->finals_after_count++;
    }
    return 0;
}

/* spec["short_open_no_stop"]: the nuclei after which no glottal stop is written */
static int
read_short_open_no_stop(WordSpellerObject *self, PyObject *spec, PyObject *const *names)
{
    PyObject *item = spec_item(spec, "short_open_no_stop");
    if (item == NULL) {
        return -1;
    }
    PyObject *seq = PySequence_Fast(item, "speller spec: short_open_no_stop must be a sequence");
    if (seq == NULL) {
        return -1;
    }
    for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(seq); k++) {
        int nucleus = nucleus_named(PySequence_Fast_GET_ITEM(seq, k), names);
        if (nucleus >= 0) {
            self->short_open_no_stop[nucleus] = 1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

/* One key of _TONE: (class, live, long, mark) */
static PyObject *
tone_key(int cls, int live, int is_long, int mark)
{
    static const char *const classes[] = {"high", "mid", "low"};
    PyObject *mark_str = mark == 0 ? PyUnicode_FromStringAndSize("", 0)
                                   : PyUnicode_FromOrdinal((int)MAI_EK + mark - 1);
    if (mark_str == NULL) {
        return NULL;
    }
    return Py_BuildValue("(sOON)", classes[cls], live ? Py_True : Py_False,
                         is_long ? Py_True : Py_False, mark_str);
}

/* spec["tones"]: _TONE, or {} when no tone is written */
static int
read_tones(WordSpellerObject *self, PyObject *spec)
{
    PyObject *dict = spec_dict(spec, "tones");
    if (dict == NULL) {
        return -1;
    }
    self->tones = PyDict_GET_SIZE(dict) > 0;
    for (int cls = 0; self->tones && cls < 3; cls++) {
        for (int k = 0; k < 2 * 2 * MARK_KEYS; k++) {
            int live = k / (2 * MARK_KEYS), is_long = k / MARK_KEYS % 2, mark = k % MARK_KEYS;
            PyObject *key = tone_key(cls, live, is_long, mark);
            if (key == NULL) {
                return -1;
            }
            PyObject *value = PyDict_GetItemWithError(dict, key);
            if (value == NULL && !PyErr_Occurred()) {
                PyErr_SetObject(PyExc_KeyError, key);
            }
            Py_DECREF(key);
            Span *tone = &self->tone[cls][live][is_long][mark];
            if (value == NULL || pool_add(self, value, "tones", tone) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* spec["translate"]: letter -> str, applied to the whole output */
static int
read_translate(WordSpellerObject *self, PyObject *spec)
{
    PyObject *dict = spec_dict(spec, "translate"), *key, *value;
    Py_ssize_t pos = 0;
    if (dict == NULL) {
        return -1;
    }
    self->translate = PyMem_Calloc((size_t)PyDict_GET_SIZE(dict) + 1, sizeof(Translation));
    if (self->translate == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) != 1) {
            PyErr_SetString(PyExc_TypeError, "speller spec: translate keys must be one letter");
            return -1;
        }
        Translation *entry = &self->translate[self->translate_count];
        entry->from = PyUnicode_READ_CHAR(key, 0);
        if (pool_add(self, value, "translate", &entry->to) < 0) {
            return -1;
        }
        self->translate_count++;
    }
    return 0;
}

/* Everything, in speller_spec's order; `names`: the nuclei as str. */
static int
read_spec(WordSpellerObject *self, PyObject *spec, PyObject *const *names)
{
    if (read_letter(self, spec) < 0 || read_letters(self, spec, "initials", self->initials) < 0
        || read_nuclei(self, spec, "vowels", names, self->vowels) < 0
        || read_letters(self, spec, "clusters", self->clusters) < 0
        || read_nuclei(self, spec, "medial_w_vowels", names, self->medial_w_vowels) < 0
        || read_str(self, spec, "medial_w_preposed", 1, &self->medial_w_preposed) < 0
        || read_str(self, spec, "labialised", 0, &self->labialised) < 0
        || read_str(self, spec, "aspirated", 0, &self->aspirated) < 0
        || read_finals_after(self, spec, names) < 0
        || read_letters(self, spec, "finals", self->finals) < 0
        || read_str(self, spec, "glottal_stop", 1, &self->glottal_stop) < 0
        || read_short_open_no_stop(self, spec, names) < 0 || read_tones(self, spec) < 0
        || read_flag(spec, "abbreviation_letter_names", &self->abbreviation_letter_names) < 0
        || read_letters(self, spec, "capitals", self->capitals) < 0
        || read_nuclei(self, spec, "final_h", names, self->final_h) < 0
        || read_str(self, spec, "word_final_h", 0, &self->word_final_h) < 0
        || read_str(self, spec, "separator", 0, &self->separator) < 0
        || read_str(self, spec, "hyphen", 1, &self->hyphen) < 0
        || read_str(self, spec, "hyphen_after", 0, &self->hyphen_after) < 0
        || read_str(self, spec, "hyphen_before", 0, &self->hyphen_before) < 0
        || read_errors(self, spec) < 0
        || read_str(self, spec, "replacement", 0, &self->replacement) < 0
        || read_str(self, spec, "word_separator", 0, &self->word_separator) < 0
        || read_translate(self, spec) < 0) {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The WordSpeller type                                                                        */
/* ------------------------------------------------------------------------------------------ */

static PyObject *nucleus_str(Nucleus nucleus);

static PyObject *WordSpeller_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                        PyObject *kwnames);

static void
WordSpeller_dealloc(WordSpellerObject *self)
{
    ucs4_free(&self->pool);
    PyMem_Free(self->finals_after);
    PyMem_Free(self->translate);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* WordSpeller(spec): everything is read here, so the object never changes afterwards. */
static PyObject *
WordSpeller_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"spec", NULL};
    PyObject *spec;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!:WordSpeller", keywords, &PyDict_Type,
                                     &spec)) {
        return NULL;
    }
    WordSpellerObject *self = (WordSpellerObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = WordSpeller_vectorcall;
    PyObject *names[NUCLEUS_COUNT] = {NULL};
    int status = ucs4_reserve(&self->pool, 1); /* so that pool.items is never NULL */
    if (status < 0) {
        PyErr_NoMemory();
    }
    for (int k = 0; status == 0 && k < NUCLEUS_COUNT; k++) {
        names[k] = nucleus_str((Nucleus)k);
        status = names[k] == NULL ? -1 : 0;
    }
    if (status == 0) {
        status = read_spec(self, spec, names);
    }
    for (int k = 0; k < NUCLEUS_COUNT; k++) {
        Py_XDECREF(names[k]);
    }
    if (status < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* lao_spell_word on a str: 1 with *spelling (a new reference) and *vowel_less; 0 when it
 * declines; -1 with an exception set. */
static int
spell_str(WordSpellerObject *self, PyObject *word, PyObject **spelling, int *vowel_less)
{
    if (!PyUnicode_Check(word)) {
        PyErr_Format(PyExc_TypeError, "WordSpeller() expects str, not %.100s",
                     Py_TYPE(word)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    Py_UCS4 small[64], *chars = small;
    if (n >= 64) {
        chars = PyUnicode_AsUCS4Copy(word);
        if (chars == NULL) {
            return -1;
        }
    }
    else if (PyUnicode_AsUCS4(word, small, 64, 1) == NULL) {
        return -1;
    }
    UCS4Buffer out = {NULL, 0, 0};
    int status = lao_spell_word(self, chars, n, &out, vowel_less);
    if (chars != small) {
        PyMem_Free(chars);
    }
    if (status < 0) {
        PyErr_NoMemory();
    }
    else if (status > 0) {
        *spelling = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.items, out.length);
        status = *spelling == NULL ? -1 : 1;
    }
    ucs4_free(&out);
    return status;
}

/* speller(word) -> str | None */
static PyObject *
WordSpeller_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 1 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0)) {
        PyErr_SetString(PyExc_TypeError, "WordSpeller() takes one argument, the word");
        return NULL;
    }
    PyObject *spelling = NULL;
    int vowel_less = 0;
    int status = spell_str((WordSpellerObject *)callable, args[0], &spelling, &vowel_less);
    if (status < 0) {
        return NULL;
    }
    return status == 0 ? Py_NewRef(Py_None) : spelling;
}

/* speller.spell(word) -> (str, bool) | None */
static PyObject *
WordSpeller_spell(PyObject *self, PyObject *word)
{
    PyObject *spelling = NULL;
    int vowel_less = 0;
    int status = spell_str((WordSpellerObject *)self, word, &spelling, &vowel_less);
    if (status < 0) {
        return NULL;
    }
    if (status == 0) {
        return Py_NewRef(Py_None);
    }
    return Py_BuildValue("(NO)", spelling, vowel_less ? Py_True : Py_False);
}

/* WordSpeller._letter_sets(): the letter sets above, keyed on their names in Python, for the
 * tests to compare with letters.py and syllable.py. */
static PyObject *
WordSpeller_letter_sets(PyObject *cls, PyObject *unused)
{
    static const struct {
        const char *name;
        uint16_t set;
    } sets[] = {
        {"CONSONANTS", CONSONANTS}, {"HIGH", HIGH}, {"MID", MID}, {"LOW", LOW},
        {"SONORANTS", SONORANTS}, {"LIVE_FINALS", LIVE_FINALS}, {"_R_CLUSTER", R_CLUSTER},
        {"_W_CLUSTER", W_CLUSTER}, {"NEVER_CODA", NEVER_CODA},
        {"SILENT_LETTERS", SILENT_LETTERS}, {"PREPOSED", PREPOSED}, {"TONE_MARKS", TONE_MARKS},
        {"NEEDS_ONSET", NEEDS_ONSET},
    };
    PyObject *result = PyDict_New();
    for (size_t k = 0; result != NULL && k < sizeof sets / sizeof sets[0]; k++) {
        Py_UCS4 chars[LAO_COUNT];
        Py_ssize_t count = 0;
        for (Py_UCS4 c = LAO_FIRST; c < LAO_FIRST + LAO_COUNT; c++) {
            if (in_set(c, sets[k].set)) {
                chars[count++] = c;
            }
        }
        PyObject *str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, count);
        if (str == NULL || PyDict_SetItemString(result, sets[k].name, str) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(str);
    }
    PyObject *ligatures = result == NULL ? NULL : PyDict_New();
    for (Py_UCS4 c = LAO_FIRST; ligatures != NULL && c < LAO_FIRST + LAO_COUNT; c++) {
        if (ligature(c) != c) {
            PyObject *key = PyUnicode_FromOrdinal((int)c);
            PyObject *value = PyUnicode_FromOrdinal((int)ligature(c));
            if (key == NULL || value == NULL || PyDict_SetItem(ligatures, key, value) < 0) {
                Py_CLEAR(ligatures);
            }
            Py_XDECREF(key);
            Py_XDECREF(value);
        }
    }
    if (ligatures == NULL || PyDict_SetItemString(result, "LIGATURES", ligatures) < 0) {
        Py_CLEAR(result);
    }
    Py_XDECREF(ligatures);
    return result;
}

static PyMethodDef WordSpeller_methods[] = {
    {"spell", WordSpeller_spell, METH_O,
     "spell(word) -> (str, bool) | None\n--\n\n"
     "The spelling of `word` and whether it is vowel-less (romanize.text._vowel_less), or None\n"
     "when it is left to Python (errors='strict' and a piece that is not a syllable)."},
    {"_letter_sets", WordSpeller_letter_sets, METH_NOARGS | METH_CLASS,
     "The scanner's letter sets (name -> str of letters, LIGATURES -> dict), for tests."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject WordSpellerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "laotext._core.WordSpeller",
    .tp_doc = "WordSpeller(spec)\n--\n\n"
              "Spell one Lao word in one system, as romanize.render.Speller does; `spec` is\n"
              "romanize.ctables.speller_spec(system, tones=..., open_o=..., errors=...).\n"
              "speller(word) returns None for the words it leaves to Python: with\n"
              "errors='strict', those with a piece that is not a syllable (Python raises).",
    .tp_basicsize = sizeof(struct WordSpellerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = WordSpeller_new,
    .tp_dealloc = (destructor)WordSpeller_dealloc,
    .tp_vectorcall_offset = offsetof(struct WordSpellerObject, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_methods = WordSpeller_methods,
};

/* ------------------------------------------------------------------------------------------ */
/* _core._scan_syllables: _scan for the tests                                                  */
/* ------------------------------------------------------------------------------------------ */

static PyObject *
nucleus_str(Nucleus nucleus)
{
    const Py_UCS4 *name = NUCLEI[nucleus].name;
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, name, terminated_length(name));
}

/* a letter as str: "" for NO_CHAR */
static PyObject *
letter_str(Py_UCS4 c)
{
    return c == NO_CHAR ? PyUnicode_FromStringAndSize("", 0) : PyUnicode_FromOrdinal((int)c);
}

/* The fields of Syllable but tone, in order. */
static PyObject *
syllable_tuple(PyObject *word, const Syllable *s)
{
    static const char *const classes[] = {"high", "mid", "low"};
    return Py_BuildValue(
        "(NNNNNNNNNsOsO)", PyUnicode_Substring(word, s->start, s->end),
        PyUnicode_Substring(word, s->onset_start, s->onset_end), letter_str(s->initial),
        letter_str(s->cluster),
        PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s->vowel, terminated_length(s->vowel)),
        nucleus_str(s->nucleus), letter_str(s->coda), letter_str(s->tone_mark),
        PyUnicode_Substring(word, s->silent_start, s->end), classes[s->consonant_class],
        s->live ? Py_True : Py_False, s->is_long ? "long" : "short",
        s->implicit ? Py_True : Py_False);
}

PyObject *
speller_scan_py(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "_scan_syllables() expects str, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_UCS4 *chars = PyUnicode_AsUCS4Copy(arg);
    if (chars == NULL) {
        return NULL;
    }
    Word w = {chars, PyUnicode_GET_LENGTH(arg)};
    int cancel = has_cancel(&w);
    PyObject *pieces = PyList_New(0);
    Py_ssize_t i = 0;
    while (pieces != NULL && i < w.n) {
        Piece piece;
        i = scan_piece(&w, i, cancel, &piece);
        PyObject *item = piece.stray ? PyUnicode_Substring(arg, piece.start, piece.end)
                                     : syllable_tuple(arg, &piece.syllable);
        if (item == NULL || PyList_Append(pieces, item) < 0) {
            Py_CLEAR(pieces);
        }
        Py_XDECREF(item);
    }
    PyMem_Free(chars);
    if (pieces == NULL) {
        return NULL;
    }
    PyObject *result = PyList_AsTuple(pieces);
    Py_DECREF(pieces);
    return result;
}
