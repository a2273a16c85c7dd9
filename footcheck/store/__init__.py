"""What footcheck keeps on disk: the history, drafts, and files written atomically."""
