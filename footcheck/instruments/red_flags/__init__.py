"""Red flags: warning signs of serious spinal disease, each with the triage level it raises."""
