/* laotext: spelling Lao words in a romanisation system, in C (laotext/romanize/syllable.py's
 * scanner and laotext/romanize/render.py's Speller, mirrored); see _speller.c. */
#ifndef LAOTEXT_SPELLER_H
#define LAOTEXT_SPELLER_H

#include "_buffer.h"

/* _core.WordSpeller(spec): one system with one set of options.  `spec` is the dict that
 * laotext.romanize.ctables.speller_spec(system, tones=..., open_o=..., errors=...) returns. */
extern PyTypeObject WordSpellerType;
typedef struct WordSpellerObject WordSpellerObject;

/* Append the spelling of the word w[0..n) to `out`, exactly as Speller(system, ...)(word), that
 * is render_word(scan_word(word), system, ...), spells it (implicit vowels, abbreviations, ◌໌,
 * pieces that are not syllables per `errors` included), and set *vowel_less to
 * romanize.text._vowel_less(word) (consonant letters only, every syllable implicit).  Returns 1
 * when spelled; 0 when the word is left to the Python speller, which raises for it: with
 * errors="strict", a word with a piece that is not a syllable (and a letter a system's tables
 * lack, which no shipped system does); -1 when out of memory.  On 0 and -1, `out` is restored
 * to its length on entry and *vowel_less is not set.  No Python API: callable without the GIL.
 * The empty word is spelled as nothing and is vowel-less (render_word's and _vowel_less's
 * answers; Speller("") raises IndexError). */
int lao_spell_word(const WordSpellerObject *speller, const Py_UCS4 *w, Py_ssize_t n,
                   UCS4Buffer *out, int *vowel_less);

/* _core._scan_syllables(word: str) -> tuple: syllable._scan(word), each syllable as the tuple of
 * its Syllable fields without `tone`, each piece that is not a syllable as a str; for tests. */
PyObject *speller_scan_py(PyObject *module, PyObject *arg);

#endif /* LAOTEXT_SPELLER_H */
