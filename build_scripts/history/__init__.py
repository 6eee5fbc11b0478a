"""Provenance from git: who changed each annotation, speaker profile and transcript's metadata, and when."""
