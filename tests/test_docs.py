"""Documentation unit tests (the sqlite-utils/Datasette habit): the README's command reference,
error-code table and design section are checked against the code, so they cannot drift."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from dagsorden.cli import cli
from dagsorden.extractor.errors import ERRORS, DagsordenError

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, re.MULTILINE)
    assert match, f"README has no section {heading!r}"
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[:end.start()] if end else rest


COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = cli.commands[name]
    assert command.help and "Example:" in command.help, name
    assert f"dagsorden {name}" in command.help


@pytest.mark.parametrize("name", COMMANDS)
def test_command_reference_lists_every_option(name: str) -> None:
    reference = section(section(README, "Command reference"), f"dagsorden {name}")
    for param in cli.commands[name].params:
        if isinstance(param, click.Option):
            flag = max(param.opts, key=len)
            assert flag in reference, f"README's reference of `dagsorden {name}` lacks {flag}"


def test_command_reference_has_no_unknown_command() -> None:
    named = set(re.findall(r"^### dagsorden (\S+)", section(README, "Command reference"), re.MULTILINE))
    assert named == set(COMMANDS)


def test_error_table_lists_every_code_the_code_uses() -> None:
    table = set(re.findall(r"^\|\s*(E\d{3})\s*\|", section(README, "Error codes"), re.MULTILINE))
    codes = {error.code for error in ERRORS if error is not DagsordenError}
    assert table == codes


def test_error_codes_are_unique() -> None:
    codes = [error.code for error in ERRORS]
    assert len(codes) == len(set(codes))


def test_design_section_names_every_stage_folder_and_only_real_paths() -> None:
    design = section(README, "Design")
    folders = sorted(p.name for p in (ROOT / "extractor").iterdir() if (p / "__init__.py").is_file())
    for folder in folders:
        assert f"extractor/{folder}/" in design, f"README's design section does not mention extractor/{folder}/"
    for path in re.findall(r"\b((?:extractor|models|corpus|datasette|tests|bench)/[\w/]+\.(?:py|yaml|html))", README):
        assert (ROOT / path).is_file(), f"README names {path}, which does not exist"
