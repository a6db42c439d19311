"""Writing a question: the scaffold, and translations that cannot drift from their source."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def qa(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
        check=False,
    )


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(DATA / "valid", tmp_path, dirs_exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stderr.splitlines()[:-1]  # the last line counts them


def test_qa_new_writes_sources_that_fail_only_on_their_placeholders(project):
    result = qa(project, "new", "kv-test", "--topic", "memory", "--difficulty", "basic", "--tags", "testing")
    assert result.returncode == 0, result.stderr
    assert "wrote content/questions/zh/03.md" in result.stdout and "qa translated 3" in result.stdout
    check = qa(project, "validate")
    assert check.returncode == 1
    found = problems(check)
    assert found and all(re.search(r"placeholder|still the stub", line) for line in found), found
    assert {line.split(":")[0] for line in found} == {
        "content/questions/zh/03.md",
        "content/questions/en/03.md",
        "content/examples/kv-test.py",
    }


def test_a_filled_in_scaffold_validates(project):
    assert (
        qa(project, "new", "kv-test", "--topic", "memory", "--difficulty", "basic", "--tags", "testing").returncode == 0
    )
    for lang, word in (("zh", "内容"), ("en", "Content")):
        path = project / "content" / "questions" / lang / "03.md"
        path.write_text(path.read_text(encoding="utf-8").replace({"zh": "待填写", "en": "FILL ME IN"}[lang], word))
    example = project / "content" / "examples" / "kv-test.py"
    example.write_text('"""Adds two numbers."""\nprint(1 + 1)\n', encoding="utf-8")
    check = qa(project, "validate")
    assert problems(check) == [
        "content/questions/en/03.md:9: the Chinese source changed since this translation — "
        "update it, then run `qa translated 3`"
    ]
    assert qa(project, "translated", "3").returncode == 0
    check = qa(project, "validate")
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "6 sources, 1 examples and 0 coding problems valid."


def test_a_changed_chinese_answer_flags_its_english_translation_until_it_is_checked(project):
    zh = project / "content" / "questions" / "zh" / "02.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("- **要点：**", "- **要点（改）：**"), encoding="utf-8")
    check = qa(project, "validate")
    assert problems(check) == [
        "content/questions/en/02.md:9: the Chinese source changed since this translation — "
        "update it, then run `qa translated 2`"
    ]
    assert qa(project, "translated", "2").returncode == 0
    assert qa(project, "validate").returncode == 0


def test_an_english_source_without_a_stamp_is_reported(project):
    en = project / "content" / "questions" / "en" / "01.md"
    en.write_text(re.sub(r"^translated_from: .*\n", "", en.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    assert problems(qa(project, "validate")) == [
        "content/questions/en/01.md:1: translation has no `translated_from` stamp — check it against the Chinese "
        "source, then run `qa translated 1`"
    ]
