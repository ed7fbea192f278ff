"""``python -m audit_tool``."""

from audit_tool.cli import run

run()
