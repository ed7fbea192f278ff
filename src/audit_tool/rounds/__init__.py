"""Rounds: the manifest, the returns read together, scores, the register, the report, the trend."""
