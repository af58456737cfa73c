/* laotext: spelling Lao words in a romanisation system, in C (laotext/romanize/syllable.py's
 * scanner and laotext/romanize/render.py's Speller, mirrored); see _speller.c. */
#ifndef LAOTEXT_SPELLER_H
#define LAOTEXT_SPELLER_H

#include "_buffer.h"

/* _core.WordSpeller(spec): one system with one set of options.  `spec` is the dict that
 * laotext.romanize.ctables.speller_spec(system, tones=..., open_o=...) returns. */
extern PyTypeObject WordSpellerType;
typedef struct WordSpellerObject WordSpellerObject;

/* Append the spelling of the word w[0..n) to `out`.  Returns 1 when spelled, exactly as
 * Speller(system, ...)(word) spells it; 0 when the word is left to the Python speller (◌໌ in it,
 * a piece that is not a syllable, an implicit vowel: `out` is then restored to its length on
 * entry); -1 when out of memory.  No Python API: callable without the GIL.  The empty word is
 * spelled as nothing (render_word's answer; Speller("") raises IndexError). */
int lao_spell_word(const WordSpellerObject *speller, const Py_UCS4 *w, Py_ssize_t n,
                   UCS4Buffer *out);

/* _core._scan_syllables(word: str) -> tuple: syllable._scan(word), each syllable as the tuple of
 * its Syllable fields without `tone`, each piece that is not a syllable as a str; for tests. */
PyObject *speller_scan_py(PyObject *module, PyObject *arg);

#endif /* LAOTEXT_SPELLER_H */
