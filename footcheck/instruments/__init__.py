"""The clinical instruments, one folder each: its questions (the definition), its scoring,
its result, and what it adds to FHIR and the wide CSV; its tests are in
``tests/instruments/``. The registry (``registry.py``) lists them in asking order; the rules
they follow, and their sources, are in docs/rules.md.
"""
