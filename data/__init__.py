"""Data files shipped with laotext (lexicon, tables); see SOURCES.md for their origins."""
