"""Foot posture: the Foot Posture Index (FPI-6) bands, or five self-checks counted as signs."""
