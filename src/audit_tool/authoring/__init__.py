"""Authoring: a tool file read, its includes resolved, checked, saved, scaffolded."""
