"""The command line: flag parsing, calls into the core, and hand-off to renderers."""
