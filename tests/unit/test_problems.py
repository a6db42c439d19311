"""Coding problems at build time: the harness the browser runs too, and every problem's
code run against its tests (the reference passes, the starter and the wrong variant fail)."""

from __future__ import annotations

import pytest

from qa.check import problems as checks
from qa.check.harness import run_tests, same


def test_same_compares_floats_with_tolerance_and_sequences_alike():
    assert same(0.1 + 0.2, 0.3)
    assert not same(0.3001, 0.3)
    assert same([1, (2.0, 3)], (1, [2, 3]))
    assert not same([1, 2], [1, 2, 3])
    assert not same(True, 1) and not same(1, True)  # a bool is not a number here
    assert same({"a": [1.0]}, {"a": [1]}) and not same({"a": 1}, {"b": 1})
    assert same(float("nan"), float("nan"))


def test_each_test_runs_in_a_namespace_of_its_own_and_prints_are_kept_apart():
    code = "seen = []\ndef f(x):\n    seen.append(x)\n    print('called', x)\n    return len(seen)\n"
    tests = 'EXAMPLES = [("f(1)", 1)]\nTESTS = [("f(2)", 1), ("f(3)", 2)]\n'
    results = run_tests(code, tests)
    assert [r["status"] for r in results] == ["pass", "pass", "fail"]
    assert results[0]["output"] == "called 1\n"
    assert [r["example"] for r in results] == [True, False, False]


def test_errors_in_the_code_fail_each_test_with_the_line():
    results = run_tests("def f(x):\n    return 1 / 0\n", 'EXAMPLES = [("f(1)", 1)]\n')
    assert results[0]["status"] == "fail"
    assert results[0]["actual"] == "ZeroDivisionError: division by zero (line 2)"
    results = run_tests("def f(x) return 1\n", 'EXAMPLES = [("f(1)", 1)]\n')
    assert results[0]["actual"].startswith("SyntaxError") and results[0]["actual"].endswith("(line 1)")
    assert run_tests("raise SystemExit\n", 'EXAMPLES = [("1", 1)]\n')[0]["status"] == "fail"


def test_the_test_files_helpers_never_replace_the_readers_own():
    # the test file's `_helper` must not become the one the reader's `f` calls, and the
    # test file's checks keep using their own `_helper`, whatever the reader calls theirs
    code = "def _helper():\n    return 1\n\ndef f():\n    return _helper()\n"
    tests = 'def _helper():\n    return 2\n\nEXAMPLES = [("f()", 1)]\nTESTS = [("_helper() + f()", 3)]\n'
    assert [r["status"] for r in run_tests(code, tests)] == ["pass", "pass"]
    assert [r["status"] for r in run_tests(code.replace("return 1", "return 0"), tests)] == ["fail", "fail"]


def test_a_correct_solution_with_a_helper_named_like_one_of_the_tests_passes(layout):
    # sampling-filters' tests.py has its own `_renorm(logits, temperature, keep)`
    folder = layout.content / "problems" / "sampling-filters"
    tests = (folder / "tests.py").read_text(encoding="utf-8")
    assert "def _renorm(" in tests
    wrapper = (
        "\n\ndef _renorm(ws):\n    total = sum(ws)\n    return [w / total for w in ws]\n\n\n"
        "_reference = sampling_probs\n\n\n"
        "def sampling_probs(*args, **kwargs):\n    return _renorm(_reference(*args, **kwargs))\n"
    )
    solution = (folder / "solution.py").read_text(encoding="utf-8") + wrapper
    assert all(r["status"] == "pass" for r in run_tests(solution, tests))
    wrong = (folder / "wrong.py").read_text(encoding="utf-8") + wrapper  # and a wrong answer still fails
    assert any(r["status"] == "fail" for r in run_tests(wrong, tests))


@pytest.fixture(scope="module")
def outcomes(catalog, tmp_path_factory):
    cache = tmp_path_factory.mktemp("problem-cache")  # nothing cached: every problem runs
    return {p.slug: checks._run(p, cache) for p in catalog.problems}


def test_every_reference_passes_and_every_starter_and_wrong_variant_fails(catalog, outcomes):
    assert len(catalog.problems) >= 12
    for p in catalog.problems:
        outcome = outcomes[p.slug]
        assert isinstance(outcome, dict), (p.slug, outcome)
        assert all(r["status"] == "pass" for r in outcome["solution"]), p.slug
        for variant in ("starter", "wrong"):
            assert any(r["status"] == "fail" for r in outcome[variant]), (p.slug, variant)
        examples = [r for r in outcome["solution"] if r["example"]]
        assert 1 <= len(examples) < len(outcome["solution"]), p.slug  # visible tests and further ones


def test_the_projects_problems_are_valid(catalog, layout, tmp_path):
    slugs = {q.slug for q in catalog.questions}
    tests, found = checks.check_problems(catalog.problems, slugs, catalog.levels, tmp_path)
    assert found == []
    assert set(tests) == {p.slug for p in catalog.problems}
