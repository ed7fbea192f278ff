"""The sdist and the wheel: built from a copy of the project, installed in a fresh virtual
environment (no system site packages), the README's first commands run in an empty folder."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_shipped_tools

pytestmark = pytest.mark.packaging

_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "out", "*.egg-info", "__pycache__", ".*_cache",
    ".hypothesis", ".lforms", "node_modules",
)
# What a test run needs from the sdist, besides the package.
_SDIST_NEEDS = (
    "LICENSE", "README.md", "CHANGELOG.md", "setup.py", "pyproject.toml", "Makefile",
    "tests/conftest.py",
    "tests/data", "tools/neglect_v2.yaml", "tools/shared/scales.yaml", "schemas", "examples",
    "docs",
)


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _readme_commands() -> list[tuple[str, int]]:
    """The commands of the README's 'After pip install' block, each with its exit code."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## After `pip install`", 1)[1].split("```console", 1)[1].split("```")[0]
    commands = []
    for line in block.splitlines():
        if line.startswith("$ audit-tool "):
            command, _, comment = line[2:].partition("#")
            match = re.search(r"exit (\d)", comment)
            commands.append((command.strip(), int(match.group(1)) if match else 0))
    return commands


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist built from a copy of the project, and the wheel built from that sdist."""
    work = tmp_path_factory.mktemp("packaging")
    project = work / "project"
    shutil.copytree(ROOT, project, ignore=_IGNORE)
    # tools/ as shipped: a draft someone scaffolded into their clone is not the project's
    shutil.rmtree(project / "tools")
    copy_shipped_tools(project / "tools")
    dist = work / "dist"
    build = "from setuptools import build_meta as b; import sys; print(b.{}(sys.argv[1]))"
    sdist = dist / _run(sys.executable, "-c", build.format("build_sdist"), dist, cwd=project
                        ).strip().splitlines()[-1]
    with tarfile.open(sdist) as tar:
        tar.extractall(work / "unpacked", filter="data")
    unpacked = next((work / "unpacked").iterdir())
    wheel = dist / _run(sys.executable, "-c", build.format("build_wheel"), dist, cwd=unpacked
                        ).strip().splitlines()[-1]
    return sdist, wheel


def test_the_sdist_holds_what_the_tests_need(built: tuple[Path, Path]) -> None:
    """The sdist carries the licence, the tests with conftest and data, tools, schemas, docs."""
    sdist, _ = built
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = [need for need in _SDIST_NEEDS if need not in names]
    assert missing == []
    assert not any(".hypothesis" in n or "__pycache__" in n for n in names)


def test_the_wheel_ships_the_tools_building_blocks_and_schemas(built: tuple[Path, Path]) -> None:
    """Every file of tools/ and schemas/ is in the wheel under audit_tool/data/, unchanged."""
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name.removeprefix("audit_tool/data/"): archive.read(name)
            for name in archive.namelist() if name.startswith("audit_tool/data/")
        }
        licence = [n for n in archive.namelist() if n.endswith("licenses/LICENSE")]
    expected = {
        str(path.relative_to(ROOT)): path.read_bytes()
        for pattern in ("tools/*.yaml", "tools/shared/*.yaml", "schemas/*.json")
        for path in ROOT.glob(pattern)
        if not pattern.startswith("tools/*") or path.name.startswith("neglect_")
    }
    assert {k: v for k, v in shipped.items() if k in expected} == expected
    assert licence


def test_the_readme_commands_run_from_an_empty_folder(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Installed from the wheel in a clean venv, each README command exits as the README says."""
    _, wheel = built
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    # pip of this environment installs into the new one; the dependencies come from the
    # index (or the wheel cache), never from this environment's site-packages.
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel,
         cwd=tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AUDIT_TOOL_PATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    commands = _readme_commands()
    assert len(commands) >= 5
    transcript = []
    for command, expected in commands:
        done = subprocess.run(
            shlex.split(command), cwd=empty, env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )
        transcript.append(f"$ {command}  -> exit {done.returncode}")
        assert done.returncode == expected, f"{command}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr
    where = subprocess.run(
        [python, "-c", "import audit_tool; print(audit_tool.__file__)"], capture_output=True,
        text=True, check=True, env=env, cwd=empty,
    ).stdout
    assert where.startswith(str(venv))
    assert sorted(p.name for p in empty.iterdir()) == [
        "C1_police.yaml", "audit-tool.schema.json", "neglect-2.0.0.fhir.json",
        "neglect_v2.html", "tools",
    ]
    print("\n".join(transcript))
