"""What a careless operator can do to a project, and what the commands guarantee: one build at a
time, `site/` always complete, a full disk or a crashing MkDocs reported in one line, the project
found from any folder inside it, paths with spaces, and system packages named when missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BRIEFING, DOCS, REPO, briefing, edit, position, tree, wait_for

from generator import site
from generator.lock import project_lock

PERSON = "content/people/stephen-biegun.yml"


def _start_build(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [BRIEFING, "build", "--root", root],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_build_waits_while_another_run_holds_the_project(built_project: Path) -> None:
    before = tree(built_project / "site")
    said: list[str] = []
    with project_lock(built_project, said.append):
        waiting = _start_build(built_project)
        assert waiting.stderr is not None
        first = waiting.stderr.readline()
        holder = f"(process {os.getpid()})"
        assert first == f"waiting for another briefing run in this project {holder} to finish\n"
        # It waits: nothing of the site has changed, and it has not ended.
        assert waiting.poll() is None
        assert tree(built_project / "site") == before
    stdout, stderr = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, stderr
    assert "site built" in stdout
    assert said == []  # the test itself never waited


def test_two_builds_at_once_both_finish_and_leave_a_complete_site(built_project: Path) -> None:
    files = set(tree(built_project / "site"))
    edit(built_project / PERSON, "name: Stephen Biegun", "name: Stephen E. Biegun")
    first = _start_build(built_project)
    # The second starts once the first holds the lock (it writes its process id there then).
    lock = built_project / "build/lock"
    assert wait_for(lambda: lock.read_text(encoding="utf-8").strip() == str(first.pid), 60)
    second = _start_build(built_project)
    results = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert "waiting for another briefing run" in results[1][1]
    assert set(tree(built_project / "site")) == files
    page = (built_project / "site/people/stephen-biegun.html").read_text(encoding="utf-8")
    assert "Stephen E. Biegun" in page
    assert not (built_project / "site.partial").exists()
    assert not (built_project / "site.previous").exists()


def test_a_build_killed_between_its_two_renames_is_mended_by_the_next_run(
    built_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(built_project / "site")
    renamed: list[Path] = []
    rename = Path.rename

    def interrupted(self: Path, target: str | os.PathLike[str]) -> Path:
        if renamed:  # the second rename: the new site into place
            raise KeyboardInterrupt
        renamed.append(self)
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        site.build_site(built_project)
    monkeypatch.undo()
    assert not (built_project / "site").exists()
    assert tree(built_project / "site.previous") == before
    # The next run puts the site back before anything else, even one that fails its check.
    edit(built_project / "content/places/hanoi.yml", "kind: city", "kind: town")
    result = briefing("build", "--root", built_project)
    assert result.returncode == 1
    assert tree(built_project / "site") == before
    assert not (built_project / "site.previous").exists()


def test_a_full_disk_names_the_file_and_leaves_no_empty_page(project: Path) -> None:
    """`generate` onto a 64 KB file system (a tmpfs, mounted in a namespace of the test's own)."""
    docs = project / DOCS
    docs.mkdir(parents=True)
    script = (
        'mount -t tmpfs -o size=64k tmpfs "$1" || exit 99; "$2" generate --root "$3"; '
        'echo "exit status $?"; find "$1" -type f -empty'
    )
    done = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "-",
            str(docs),
            str(BRIEFING),
            str(project),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 99, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "exit status 1", done.stdout + done.stderr  # and no empty file listed
    message = done.stderr.strip()
    assert message.startswith(f"error: {docs}/"), message
    assert message.endswith(
        ": No space left on device (hint: free some disk space, then run again)"
    ), message
    assert "Traceback" not in message


def test_a_crash_in_mkdocs_is_one_line_and_a_log(built_project: Path) -> None:
    before = tree(built_project / "site")
    hook = built_project / "full_disk_hook.py"
    hook.write_text(
        "import errno\n\n\ndef on_post_build(config, **kwargs):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', 'site.partial/x.html')\n",
        encoding="utf-8",
    )
    edit(built_project / "mkdocs.yml", "hooks:\n", "hooks:\n  - full_disk_hook.py\n")
    result = briefing("build", "--root", built_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "OSError: [Errno 28] No space left on device: 'site.partial/x.html'",
        "error: mkdocs build failed; site/ was left as it was "
        "(MkDocs' whole output: build/mkdocs.log)",
    ]
    assert "Traceback" in (built_project / site.LOG).read_text(encoding="utf-8")
    assert tree(built_project / "site") == before


@pytest.mark.parametrize(
    ("broken", "error"),
    [
        ("# {{ entity.name }\n", "template syntax: unexpected '}'"),
        (
            "# {{ page.no_such() }}",
            "UndefinedError: 'generator.render.Page object' has no attribute",
        ),
    ],
)
def test_an_error_in_a_template_names_its_file_and_line(
    project: Path, broken: str, error: str
) -> None:
    edit(project / "templates/place.md.j2", "# {{ entity.name }}", broken)
    line = position(project, "templates/place.md.j2", broken)[0]
    result = briefing("generate", "--root", project)
    assert result.returncode == 1
    assert result.stderr.startswith(f"templates/place.md.j2:{line}: error: {error}"), result.stderr
    assert result.stderr.endswith("(hint: fix the template; run with --debug for the traceback)\n")
    debug = briefing("generate", "--root", project, "--debug")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
    assert "place.md.j2" in debug.stderr


def test_the_project_is_found_from_a_folder_inside_it(project: Path) -> None:
    done = subprocess.run(
        [BRIEFING, "check"], cwd=project / "content/people", capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")


def test_make_takes_a_project_path_with_spaces(tmp_path: Path) -> None:
    root = tmp_path / "a path with spaces"
    for name in ("content", "seeds", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", REPO, "check", f"ROOT={root}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: " in done.stdout


def test_a_missing_system_package_is_named_with_the_command_to_install_it() -> None:
    script = [str(REPO / "scripts/system-packages.sh")]
    present = subprocess.run(["bash", *script, "git"], capture_output=True, text=True)
    assert (present.returncode, present.stdout, present.stderr) == (0, "", "")
    # As a user who cannot install (nobody), a package that is not there.
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    as_user = nobody if os.geteuid() == 0 else []
    missing = subprocess.run(
        [*as_user, "bash", *script, "no-such-package"], capture_output=True, text=True
    )
    assert missing.returncode == 1
    assert missing.stderr == (
        "error: missing system packages: no-such-package; "
        "run: sudo apt-get install no-such-package\n"
    )


def test_a_linked_asset_is_refused(project: Path) -> None:
    (project / "templates/assets/leak.txt").symlink_to("/etc/passwd")
    result = briefing("generate", "--root", project)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "templates/assets/leak.txt: error: a symbolic link: assets must be files inside the project"
    ), result.stderr
    assert "root:" not in result.stderr
