"""``python -m audit_tool.cli``."""

from . import run

run()
