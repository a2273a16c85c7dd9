"""The Keele STarT Back Screening Tool: nine items, prognostic risk low / medium / high."""
