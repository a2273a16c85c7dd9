"""The checklist as data: questions, their kinds, when each applies, and the catalogue."""
