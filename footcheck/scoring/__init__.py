"""Pure scoring rules: one module per clinical instrument or rule set, no I/O anywhere."""
