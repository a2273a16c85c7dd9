"""The plain sections of the checklist: questions that are not part of a clinical instrument.

Each module holds one section's header (``SECTION``) and its questions (``QUESTIONS``), in
asking order; ``footcheck.checklist.catalogue`` puts the sections and instruments together.
"""
