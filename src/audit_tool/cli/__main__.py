"""``python -m audit_tool.cli``."""

from audit_tool.cli import run

run()
