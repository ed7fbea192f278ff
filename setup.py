"""The build, beyond pyproject.toml: the repository's tools/ and schemas/ go into the wheel.

tools/ (the shipped tools and their building blocks) and schemas/ (the generated JSON
Schemas) are the one copy, kept where users of the repository look for them. A wheel
carries them as package data under audit_tool/data/, copied at build time, so nothing
is kept twice in the repository. An editable install reads them where they are
(audit_tool.shipped finds them).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = {"tools": ("*.yaml", "shared/*.yaml"), "schemas": ("*.json",)}


class BuildWithShippedData(build_py):
    """build_py, then tools/ and schemas/ copied into the package's data folder."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, patterns in SHIPPED.items():
            for pattern in patterns:
                for source in sorted((ROOT / folder).glob(pattern)):
                    relative = source.relative_to(ROOT)
                    target = Path(self.build_lib, "audit_tool", "data", relative)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildWithShippedData})
