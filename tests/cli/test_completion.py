"""Shell completion and the manual page, generated from the parser, checked in the real
shells and by man itself (.ci/run installs zsh, fish and man-db when they are missing)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.commands import COMMANDS
from planner.commands.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]


def generate(*argv: str, tmp_path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def needs(program: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(program) is None, reason=f"{program} is not installed")


BASH_COMPLETE = r"""
source "$1"
complete -p ea-planner
shift
for line in "$@"; do
    read -ra words <<< "$line"
    [[ "$line" == *" " ]] && words+=("")
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="$line"
    COMP_POINT=${#line}
    COMPREPLY=()
    _shtab_ea_planner ea-planner "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
    echo "${COMPREPLY[*]}"
done
"""


@needs("bash")
def test_bash_completion_is_registered_and_completes_commands_actions_and_choices(
    tmp_path: Path,
) -> None:
    script = tmp_path / "ea-planner.bash"
    script.write_text(generate("completion", "bash", tmp_path=tmp_path))
    lines = [
        "ea-planner ag",
        "ea-planner brief ",
        "ea-planner event add --ki",
        "ea-planner event add --kind ",
        "ea-planner completion ",
        "ea-planner rem",
        "ea-planner export --",
    ]
    result = subprocess.run(
        ["bash", "-c", BASH_COMPLETE, "bash", str(script), *lines],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    registered, *replies = result.stdout.splitlines()
    assert registered == "complete -o bashdefault -F _shtab_ea_planner ea-planner"
    assert replies[0] == "agenda"
    assert replies[1].split() == ["add", "list", "show", "edit", "deliver", "drop", "solution"]
    assert replies[2] == "--kind"
    assert replies[3].split() == [
        "meeting",
        "call",
        "travel",
        "focus",
        "personal",
        "one-on-one",
        "hold",
    ]
    assert replies[4].split() == ["bash", "zsh", "fish"]
    assert replies[5] == "remind"
    assert {"--ics", "--csv", "--since", "--until", "--output"} <= set(replies[6].split())


@needs("fish")
def test_fish_completes_from_the_generated_script(tmp_path: Path) -> None:
    script = tmp_path / "ea-planner.fish"
    script.write_text(generate("completion", "fish", tmp_path=tmp_path))

    def complete(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert "agenda" in complete("ea-planner ag")
    assert set(complete("ea-planner moment ")) >= {"add", "block", "list", "remove"}
    assert "--within" in complete("ea-planner remind --wi")
    assert set(complete("ea-planner completion ")) == {"bash", "zsh", "fish"}


@needs("zsh")
def test_zsh_loads_the_completion_function(tmp_path: Path) -> None:
    folder = tmp_path / "functions"
    folder.mkdir()
    (folder / "_ea-planner").write_text(generate("completion", "zsh", tmp_path=tmp_path))
    parsed = subprocess.run(["zsh", "-n", str(folder / "_ea-planner")], capture_output=True)
    assert parsed.returncode == 0, parsed.stderr
    # Both ways zsh users install it: a _ea-planner file on $fpath, or eval'd in .zshrc.
    code = (
        f"fpath=({folder} $fpath); autoload -U compinit; compinit -u -D; "
        "print -r -- $_comps[ea-planner]; "
        f'eval "$(<{folder / "_ea-planner"})"; print -r -- $_comps[ea-planner]; '
        "print -r -- ${(k)functions[(I)_shtab_ea_planner*]}"
    )
    result = subprocess.run(
        ["zsh", "-f", "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    on_fpath, sourced, functions = result.stdout.splitlines()
    assert (on_fpath, sourced) == ("_ea-planner", "_shtab_ea_planner")
    assert {"_shtab_ea_planner", "_shtab_ea_planner_commands"} <= set(functions.split())


def test_every_command_is_in_the_completion_scripts(tmp_path: Path) -> None:
    for shell in ("bash", "zsh", "fish"):
        script = generate("completion", shell, tmp_path=tmp_path)
        for command in COMMANDS:
            assert command in script, (shell, command)


def test_an_unknown_shell_is_refused_with_the_choices(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planner", "completion", "tcsh"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert "usage: ea-planner completion" in result.stderr
    assert "invalid choice: 'tcsh' (choose from" in result.stderr


def every_option(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= every_option(child)
        found.update(o for o in action.option_strings if o.startswith("--"))
    return found


@needs("man")
def test_man_renders_the_manual_with_every_command_and_option(tmp_path: Path) -> None:
    page = tmp_path / "ea-planner.1"
    page.write_text(generate("manpage", tmp_path=tmp_path))
    result = subprocess.run(
        ["man", "-l", str(page)],
        capture_output=True,
        text=True,
        env={**os.environ, "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("EA-PLANNER(1)")
    for heading in ("NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "ENVIRONMENT", "FILES"):
        assert f"\n{heading}\n" in text
    parser, _ = build_parser()
    for option in every_option(parser):
        assert option in text, option
    for command in COMMANDS:
        assert f"ea-planner {command}" in text, command
    for nested in ("ea-planner brief add", "ea-planner event edit", "ea-planner moment block"):
        assert nested in text
    assert "--deliver-by WHEN" in text and "--within MIN" in text
    assert "EA_PLANNER_DATA_DIR" in text
    # roff requests never leak: user text that starts with a dot is escaped.
    assert "\n.TP" not in text and "\\f" not in text


def installed(tmp_path: Path, *argv: str) -> tuple[str, dict[str, str]]:
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True, exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "MANPATH", "BASH_COMPLETION_USER_DIR")
    }
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "planner", *argv], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, env


@pytest.mark.skipif(
    not Path("/usr/share/bash-completion/bash_completion").exists(),
    reason="bash-completion is not installed",
)
def test_bash_completion_install_is_found_by_bash_completion(tmp_path: Path) -> None:
    out, env = installed(tmp_path, "completion", "bash", "--install")
    path = Path(env["HOME"]) / ".local/share/bash-completion/completions/ea-planner"
    assert out == f"Installed {path}\n"
    assert path.read_text() == generate("completion", "bash", tmp_path=tmp_path)
    found = subprocess.run(
        [
            "bash",
            "-c",
            "source /usr/share/bash-completion/bash_completion; "
            "__load_completion ea-planner; complete -p ea-planner",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert found.stdout.strip() == "complete -o bashdefault -F _shtab_ea_planner ea-planner"


@needs("fish")
def test_fish_completion_install_is_found_by_fish(tmp_path: Path) -> None:
    out, env = installed(tmp_path, "completion", "fish", "--install")
    assert out.startswith(f"Installed {env['HOME']}/.config/fish/completions/ea-planner.fish")
    # fish loads a command's completions once the command is on PATH, as installed.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    assert (Path(sys.executable).parent / "ea-planner").exists()
    found = subprocess.run(
        ["fish", "-c", "complete -C 'ea-planner ag'"], capture_output=True, text=True, env=env
    )
    assert found.stdout.startswith("agenda\t")


def test_zsh_install_says_how_to_put_it_on_fpath(tmp_path: Path) -> None:
    out, env = installed(tmp_path, "completion", "zsh", "--install")
    folder = Path(env["HOME"]) / ".local/share/zsh/site-functions"
    assert out.splitlines() == [
        f"Installed {folder / '_ea-planner'}",
        f"  add to ~/.zshrc, before compinit: fpath=({folder} $fpath)",
    ]


@needs("man")
def test_manpage_install_is_found_by_man(tmp_path: Path) -> None:
    _, env = installed(tmp_path, "manpage", "--install")
    env["PATH"] = f"{env['HOME']}/.local/bin{os.pathsep}{env['PATH']}"
    found = subprocess.run(["man", "-w", "ea-planner"], capture_output=True, text=True, env=env)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == f"{env['HOME']}/.local/share/man/man1/ea-planner.1"
