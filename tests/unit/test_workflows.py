"""GitHub workflows cannot run here, so they are checked statically."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from qa.generate.history import CORRECTION_FORM, PAGE_FIELD

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
VENV_BIN = Path(__file__).resolve().parents[2] / ".venv" / "bin"


def tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path=str(VENV_BIN))
    assert path, f"{name} is not installed: run `make setup`"
    return path


def test_actionlint_passes():
    result = subprocess.run([tool("actionlint"), "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--format", "plain", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_by_commit_sha():
    for workflow in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{workflow.name}: {uses} is not pinned"


def test_permissions_are_minimal_and_declared_per_job():
    for workflow in WORKFLOWS:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data["permissions"] == {}, workflow.name
        for name, job in data["jobs"].items():
            assert "permissions" in job, f"{workflow.name}: job {name} declares no permissions"
            assert "write-all" not in str(job["permissions"])


def test_ci_runs_the_same_entry_point_as_local_ci():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    commands = [step.get("run") for step in ci["jobs"]["test"]["steps"] if "run" in step]
    assert commands == ["bash .ci/run"]
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("\nmake test")


def test_pages_workflow_uses_the_official_actions_with_a_concurrency_group():
    pages = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in pages
    data = yaml.safe_load(pages)
    assert data["concurrency"]["group"] == "pages"
    assert "make site" in str(data["jobs"]["build"]["steps"])


def test_issue_and_pull_request_templates_are_well_formed():
    templates = ROOT / ".github" / "ISSUE_TEMPLATE"
    forms = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in templates.glob("*.yml")}
    assert {"correction.yml", "new-question.yml", "config.yml"} <= set(forms)
    for name, form in forms.items():
        if name != "config.yml":  # GitHub's issue-form schema: name, description and a body of fields
            assert form["name"] and form["description"] and form["body"], name
            assert all(field["type"] in {"input", "textarea", "dropdown", "markdown"} for field in form["body"])
    assert "make validate" in (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    # the mistake report (qa.generate.history.report_url) fills a field the correction form has
    assert PAGE_FIELD in {field.get("id") for field in forms[CORRECTION_FORM]["body"]}
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert {hook["id"] for hook in hooks} == {"ruff-check", "ruff-format", "qa-validate"}
