"""The clinical instruments, one folder each: its questions (the definition) and its
calculation, with its tests in ``tests/instruments/``. The rules they follow, and their
sources, are in docs/rules.md.
"""
