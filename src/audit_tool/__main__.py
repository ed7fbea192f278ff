"""``python -m audit_tool``."""

from .cli import run

run()
