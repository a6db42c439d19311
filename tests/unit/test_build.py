"""`qa build` replaces site/ only when the whole build succeeds."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CASES = sorted(p.name for p in (DATA / "broken").iterdir() if p.is_dir())
MACHINERY = ("mkdocs.yml", "overrides", "content/search")  # the pipeline (the qa package is installed), not the content


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def qa_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", "--root", str(root), "build"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
        check=False,
    )


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory) -> Path:
    """The valid fixture as a whole project (our pipeline, its content), built once."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(DATA / "valid", root, dirs_exist_ok=True)
    for part in MACHINERY:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, root / part)
    result = qa_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "questions" / "first-question" / "index.html").exists()
    return root


@pytest.fixture
def project(project_with_site, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(project_with_site, root)
    return root


@pytest.mark.parametrize("case", CASES)
def test_a_broken_source_leaves_site_byte_identical(project, case):
    before = fingerprint(project / "site")
    for part in ("content", "docs"):
        if (DATA / "broken" / case / part).is_dir():
            shutil.copytree(DATA / "broken" / case / part, project / part, dirs_exist_ok=True)
    result = qa_build(project)
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("nothing was built.")
    assert fingerprint(project / "site") == before


def test_failed_mkdocs_build_leaves_site_byte_identical(project):
    before = fingerprint(project / "site")
    home = project / "docs" / "zh" / "index.md"
    # an anchor no heading has: our rules leave a page's own headings to MkDocs
    home.write_text(home.read_text(encoding="utf-8") + "\n[断链](#no-such-heading)\n", encoding="utf-8")
    result = qa_build(project)
    assert result.returncode != 0
    assert "no-such-heading" in result.stderr  # strict mode reports the broken link
    assert "site/ was left as it was" in result.stderr
    assert fingerprint(project / "site") == before
    assert not list((project / "build").glob("site-*")), "the temporary build folder was not cleaned up"


def test_successful_build_replaces_site(project):
    home = project / "docs" / "en" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert qa_build(project).returncode == 0
    assert "A new closing line." in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")


def test_404_pages_lead_to_the_language_homes(project_with_site):
    """A 404 page has no counterpart in the other language: its language links are the homes
    (static-i18n would leave the English one with the last Chinese page's links)."""
    language_links = [
        re.findall(r"<link href=(\S+) hreflang=(\w+) rel=alternate>", (project_with_site / "site" / page).read_text())
        for page in ("404.html", "en/404.html")
    ]
    assert language_links[0] == language_links[1] == [("/llm-inference-qa/", "zh"), ("/llm-inference-qa/en/", "en")]


def test_what_an_example_prints_stays_text_even_if_it_looks_like_markup(project):
    """Output that closes a code fence or holds HTML is shown as typed, never rendered."""
    (project / "content" / "examples").mkdir(exist_ok=True)
    (project / "content" / "examples" / "first-question.py").write_text(
        'print("```")\nprint("<script>window.__pwned = 1</script>")\nprint("<b>not bold</b>")\n', encoding="utf-8"
    )
    result = qa_build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "questions" / "first-question" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script>window.__pwned = 1&lt;/script>" in page and "&lt;b>not bold&lt;/b>" in page
    assert "<script>window.__pwned" not in page and "<b>not bold" not in page


def test_a_symbolic_link_among_the_sources_is_refused(project):
    outside = project.parent / "outside.md"
    source = project / "content" / "questions" / "en" / "02.md"
    outside.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    source.unlink()
    source.symlink_to(outside)
    result = qa_build(project)
    assert result.returncode == 1
    message = "file is a symbolic link — sources must be regular files; put the file itself here"
    assert f"content/questions/en/02.md:1: {message}" in result.stderr.splitlines()


def test_a_failed_build_leaves_no_staging_folder(project):
    (project / "mkdocs.yml").write_text("site_name: [broken\n", encoding="utf-8")  # MkDocs cannot even start
    assert qa_build(project).returncode != 0
    assert not list((project / "build").glob("site-*"))


def test_a_second_build_redoes_nothing(project):
    before = fingerprint(project / "site")
    cards, pdfs = project / "build" / "cache" / "cards", project / "build" / "cache" / "pdf"
    stamps = {p: p.stat().st_mtime_ns for folder in (cards, pdfs) for p in folder.rglob("*") if p.is_file()}
    result = qa_build(project)
    assert result.returncode == 0, result.stderr
    assert "build/docs staged (0 file(s) changed)." in result.stdout
    assert fingerprint(project / "site") == before
    after = {p: p.stat().st_mtime_ns for folder in (cards, pdfs) for p in folder.rglob("*") if p.is_file()}
    assert after == stamps  # no card redrawn, no PDF reprinted
    assert any(p.suffix == ".pdf" for p in stamps) and any(p.suffix == ".png" for p in stamps)


def test_an_edit_changes_only_what_shows_it_and_equals_a_clean_build(project):
    before = fingerprint(project / "site")
    source = project / "content" / "questions" / "en" / "02.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Answer the second question.", "Answer it."))
    result = qa_build(project)
    assert result.returncode == 0, result.stderr
    after = fingerprint(project / "site")
    changed = {name for name in after if after[name] != before.get(name)}
    # the question's page and the pages and files that show its prompt; no other page
    assert changed == {
        "en/questions/second-question/index.html",
        "en/all/index.html",
        "en/search/documents.json",
        "en/llms.txt",
        "en/llms-full.txt",
        "questions.json",
        "en/llm-inference-qa.en.pdf",
    }
    (project / "build" / "incremental-state.json").unlink()  # the next build is a clean one
    assert qa_build(project).returncode == 0
    assert fingerprint(project / "site") == after  # the dirty build made exactly the clean build's site


def test_the_machinery_digest_is_of_contents_not_of_where_the_project_is(project_with_site, tmp_path):
    """A checkout moved or cloned elsewhere builds dirty from the same site; a changed
    template does not."""
    from qa.layout import Layout
    from qa.publish.incremental import machinery_digest

    moved = tmp_path / "elsewhere"
    shutil.copytree(project_with_site, moved, ignore=shutil.ignore_patterns("site", "build"))
    here = machinery_digest(Layout(root=project_with_site))
    assert machinery_digest(Layout(root=moved)) == here
    template = moved / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert machinery_digest(Layout(root=moved)) != here


def test_a_question_page_over_the_budget_fails_the_build_at_its_source(project):
    before = fingerprint(project / "site")
    source = project / "content" / "questions" / "en" / "02.md"
    sentence = "A long editor's note makes a heavy page, which a reader on a slow connection waits for. "
    text = (
        source.read_text(encoding="utf-8")
        + "\n## Editor's note { #note }\n\n"
        + sentence * 400
        + "\n\nSource: [vLLM](https://docs.vllm.ai/).\n"
    )
    source.write_text(text, encoding="utf-8")
    result = qa_build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    found = re.search(
        r"content/questions/en/02\.md:16: the question's page is ([\d,]+) bytes, over the budget of 30,720", output
    )
    assert found, output[-2000:]
    assert int(found[1].replace(",", "")) > 30_720
    assert "— shorten the note or the example" in output
    assert fingerprint(project / "site") == before  # the previous site stands
