"""The coding problems' pages: one per problem and language, the problems' index, and
their parts of the index, the all-questions page, search and the exports.

A problem page shows the statement, the starter code (the signature), the
constraints, the visible tests with the reference's values, the hints (folded), the
runner (an editor, "Run tests" and "Reset"; overrides/assets/javascripts/runner.js,
which needs JavaScript and is left out of print) and the reference solution (folded,
with its complexity).  Everything authored is rendered as sanitized fragments
(qa.generate.fragments) or escaped; the runner's data (the starter, the tests, the
messages) is JSON in a <script type="application/json">, which never runs.

Pure functions; qa.generate.stage writes what they return.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from qa import contract, urls
from qa.check.problems import ProblemTests
from qa.generate.fragments import Fragments
from qa.generate.pages import _a, _attr, _front_matter, _permalink, _text, page_history
from qa.generate.render import Place, plain_text
from qa.generate.search_docs import plain
from qa.generate.strings import STRINGS
from qa.markdown import code_mask
from qa.model import Catalog, Problem, Question

TIME_LIMIT_SECONDS = 10  # a run (after Python has loaded) is stopped after this long
TEMPLATE = "problem.html"  # overrides/problem.html: the runner's script and styles, on problem pages only

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "problems": "编程题",
        "problem": "编程题 {number}：{title}",
        "index_intro": (
            "{count} 道推理算法编程题：读题、在页面里写 Python、运行测试。代码在你的浏览器里运行"
            "（Pyodide，由本站提供，第一次运行时下载），只用标准库。"
        ),
        "difficulty": "难度",
        "related": "相关问题",
        "signature": "函数签名",
        "signature_intro": "从这段代码开始（编辑器里也是它）：",
        "constraints": "约束",
        "examples": "示例测试",
        "examples_intro": "页面上可见的测试：左边的调用应当得到右边的值。",
        "further": "按下“运行测试”时，另有 {count} 个测试一起运行（含边界情况）。",
        "hints": "提示",
        "hint": "提示 {n}",
        "try": "在页面里作答",
        "try_intro": (
            "在下面写你的解答，按“运行测试”。Python 在浏览器的后台线程里运行，超过 {limit} 秒会被停止；"
            "你的代码保存在本机浏览器里（每道题一份）。"
        ),
        "editor_label": "你的解答（Python）",
        "run": "运行测试",
        "reset": "重置",
        "solution": "参考解答",
        "show_solution": "显示参考解答",
        "complexity": "思路与复杂度",
        "loading": "正在加载 Python（第一次约 10 MB，之后由浏览器缓存）……",
        "running": "正在运行测试……",
        "passed": "全部 {total} 个测试通过。",
        "failed": "{passed} / {total} 个测试通过。",
        "timeout": "超过 {limit} 秒仍未结束，已停止（是否有死循环？）。页面仍可使用，修改后再试。",
        "crashed": "Python 出错，未能运行测试：{error}",
        "expected": "期望",
        "actual": "实际",
        "printed": "输出",
        "pass": "通过",
        "fail": "未通过",
        "example": "示例",
        "hidden": "提交测试",
        "reset_confirm": "把编辑器恢复为初始代码？你的代码会被丢弃。",
        "no_js": "在页面里运行需要 JavaScript；上面的签名和测试足以在本地作答。",
        "index_section": "编程题",
        "index_section_intro": "在页面里写代码并运行测试的推理算法题：",
        "all_problems": "全部编程题",
        "home_line": "{count} 道推理算法编程题，在页面里作答：{link}。",
    },
    "en": {
        "problems": "Coding problems",
        "problem": "Problem {number}: {title}",
        "index_intro": (
            "{count} coding problems on inference algorithms: read the statement, write Python in the page, "
            "run the tests. The code runs in your browser (Pyodide, served by this site and downloaded on "
            "the first run), standard library only."
        ),
        "difficulty": "Difficulty",
        "related": "Related questions",
        "signature": "Signature",
        "signature_intro": "Start from this code (the editor holds it too):",
        "constraints": "Constraints",
        "examples": "Visible tests",
        "examples_intro": "The tests shown here: the call on the left must give the value on the right.",
        "further": "Pressing “Run tests” also runs {count} further tests (edge cases included).",
        "hints": "Hints",
        "hint": "Hint {n}",
        "try": "Solve it here",
        "try_intro": (
            "Write your solution below and press “Run tests”. Python runs in a background thread of your "
            "browser and is stopped after {limit} seconds; your code is kept in this browser, one copy per problem."
        ),
        "editor_label": "Your solution (Python)",
        "run": "Run tests",
        "reset": "Reset",
        "solution": "Reference solution",
        "show_solution": "Show the reference solution",
        "complexity": "Idea and complexity",
        "loading": "Loading Python (about 10 MB the first time, then cached by the browser)…",
        "running": "Running the tests…",
        "passed": "All {total} tests pass.",
        "failed": "{passed} of {total} tests pass.",
        "timeout": (
            "Still running after {limit} s, so it was stopped (an endless loop?). "
            "The page still works: edit and try again."
        ),
        "crashed": "Python failed before running the tests: {error}",
        "expected": "expected",
        "actual": "actual",
        "printed": "printed",
        "pass": "pass",
        "fail": "fail",
        "example": "visible",
        "hidden": "submission",
        "reset_confirm": "Put the starter code back in the editor? Your code will be discarded.",
        "no_js": "Running in the page needs JavaScript; the signature and tests above are enough to solve it locally.",
        "index_section": "Coding problems",
        "index_section_intro": "Inference algorithms to code and test in the page:",
        "all_problems": "All coding problems",
        "home_line": "{count} coding problems on inference algorithms, solved in the page: {link}.",
    },
}
RUNNER_MESSAGES = (
    "loading running passed failed timeout crashed expected actual printed pass fail example hidden reset_confirm"
).split()


@dataclass(frozen=True)
class ProblemContext:
    """Everything around one problem that its page shows (page_history reads the last three)."""

    related: list[Question]
    level: str  # the difficulty's name in the page's language
    previous: Problem | None
    next: Problem | None
    tests: ProblemTests
    updated: str | None = None  # date of the problem's last commit, if known
    edit_url: str | None = None  # where to edit the problem's words
    report_url: str | None = None  # where a reader reports a mistake (a prefilled GitHub issue)


def title(problem: Problem, lang: str) -> str:
    return TEXT[lang]["problem"].format(number=problem.number, title=problem.texts[lang].title)


def problem_page(problem: Problem, lang: str, context: ProblemContext, fragments: Fragments) -> str:
    t, s = TEXT[lang], STRINGS[lang]
    words = problem.texts[lang]
    place = Place(f"{urls.PROBLEMS}/{problem.slug}", urls.PROBLEMS)
    meta = {
        contract.META_TITLE: _text(title(problem, lang)),
        contract.META_DESCRIPTION: _text(_first_paragraph(words.statement)),
        contract.META_CARD: urls.card_path("home"),
        "template": TEMPLATE,
        contract.META_RUNNER: True,
    }
    related = ", ".join(_a(f"../../questions/{q.slug}/", f"{q.number}. {plain_text(q.title)}") for q in context.related)
    parts = [
        _front_matter(meta),
        f'<nav aria-label="{_attr(t["problems"])}" class="qa-crumbs"><p>{_a("../", t["problems"])}</p></nav>',
        "",
        f'<h1 id="problem">{_text(title(problem, lang))}{_permalink("problem")}</h1>',
        "",
        f'<p class="qa-meta">{_text(t["difficulty"] + s.colon + context.level)} · {_text(t["related"] + s.colon)}'
        f"{related}</p>",
        "",
        fragments.markdown(words.statement, place),
        "",
        *_heading("signature", t["signature"]),
        f"<p>{_text(t['signature_intro'])}</p>",
        fragments.code(problem.code["starter"], "python"),
        "",
        *_heading("constraints", t["constraints"]),
        "<ul>",
        *(f"<li>{fragments.markdown(item, place)}</li>" for item in words.constraints),
        "</ul>",
        "",
        *_heading("examples", t["examples"]),
        f"<p>{_text(t['examples_intro'])}</p>",
        *_cases(context.tests),
        f"<p>{_text(t['further'].format(count=context.tests.further))}</p>",
        "",
        *_heading("hints", t["hints"]),
        *(
            f'<details class="qa-hint"><summary>{_text(t["hint"].format(n=n))}</summary>'
            f"{fragments.markdown(hint, place)}</details>"
            for n, hint in enumerate(words.hints, 1)
        ),
        "",
        *runner(problem, lang),
        *_heading("solution", t["solution"]),
        f'<details class="qa-solution" data-qa-solution><summary>{_text(t["show_solution"])}</summary>',
        fragments.code(problem.code["solution"], "python"),
        f"<p><strong>{_text(t['complexity'])}</strong></p>",
        fragments.markdown(words.complexity, place),
        "</details>",
        "",
        *page_history(lang, context),
        *_pager(lang, context),
    ]
    return "\n".join(parts)


def runner(problem: Problem, lang: str) -> list[str]:
    """The editor, the buttons and the results (runner.js); data for the worker as JSON."""
    t = TEXT[lang]
    data = {
        "slug": problem.slug,
        "starter": problem.code["starter"],
        "tests": problem.code["tests"],
        "limit": TIME_LIMIT_SECONDS,
        "messages": {name: t[name] for name in RUNNER_MESSAGES},
    }
    # `<` escaped: no text inside the JSON can close the <script> element
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    rows = min(40, max(12, problem.code["starter"].count("\n") + 4))
    return [
        f'<h2 id="try" class="qa-runner-heading">{_text(t["try"])}{_permalink("try")}</h2>',
        f"<noscript><p>{_text(t['no_js'])}</p></noscript>",
        f'<div class="qa-runner qa-js" data-qa-runner data-slug="{_attr(problem.slug)}">',
        f"<p>{_text(t['try_intro'].format(limit=TIME_LIMIT_SECONDS))}</p>",
        f'<label class="qa-editor-label" for="qa-editor">{_text(t["editor_label"])}</label>',
        f'<textarea id="qa-editor" class="qa-editor" data-qa-editor rows="{rows}" spellcheck="false" '
        f'autocapitalize="off" autocomplete="off" autocorrect="off" wrap="off">'
        f"{html.escape(problem.code['starter'], quote=False)}</textarea>",
        '<p class="qa-runner-actions">'
        f'<button type="button" class="md-button md-button--primary" data-qa-run>{_text(t["run"])}</button>'
        f'<button type="button" class="md-button" data-qa-reset>{_text(t["reset"])}</button></p>',
        '<p class="qa-summary" data-qa-summary role="status" aria-live="polite"></p>',
        '<ol class="qa-results" data-qa-results></ol>',
        "</div>",
        f'<script type="application/json" id="qa-problem">{payload}</script>',
        "",
    ]


def problems_index(lang: str, catalog: Catalog) -> str:
    """problems/: every coding problem with its difficulty and related questions."""
    t = TEXT[lang]
    meta = {
        contract.META_TITLE: _text(t["problems"]),
        contract.META_DESCRIPTION: _text(t["index_intro"].format(count=len(catalog.problems))),
        contract.META_CARD: urls.card_path("home"),
        "hide": ["toc"],
    }
    out = [
        _front_matter(meta),
        f"# {_text(t['problems'])}",
        "",
        f"<p>{_text(t['index_intro'].format(count=len(catalog.problems)))}</p>",
        "",
        "<ul>",
    ]
    out += [_problem_item(p, lang, catalog, "", "../questions/") for p in catalog.problems]
    return "\n".join([*out, "</ul>", ""])


def index_section(lang: str, catalog: Catalog) -> list[str]:
    """The problems' section of the questions' index (questions/)."""
    if not catalog.problems:
        return []
    t = TEXT[lang]
    return [
        '<section class="qa-problems">',
        f'<h2 id="problems">{_text(t["index_section"])}{_permalink("problems")}</h2>',
        f"<p>{_text(t['index_section_intro'])}</p>",
        "<ul>",
        *(_problem_item(p, lang, catalog, "../problems/", "") for p in catalog.problems),
        "</ul>",
        f"<p>{_a('../problems/', t['all_problems'])}</p>",
        "</section>",
        "",
    ]


def _problem_item(problem: Problem, lang: str, catalog: Catalog, to_problems: str, to_questions: str) -> str:
    level = _level(catalog, problem, lang)
    return (
        f'<li><span class="qa-n">{problem.number}.</span> '
        f"{_a(f'{to_problems}{problem.slug}/', problem.texts[lang].title)} "
        f'<span class="qa-tags">{_text(level)}</span></li>'
    )


def all_page_sections(lang: str, catalog: Catalog, tests: dict[str, ProblemTests], fragments: Fragments) -> list[str]:
    """The problems on the all-questions page (and so in the PDF): statement, signature,
    constraints, visible tests and the reference solution, one printed part each."""
    t = TEXT[lang]
    out: list[str] = []
    for problem in catalog.problems:
        words = problem.texts[lang]
        place = Place("all", urls.PROBLEMS, own_anchor=lambda a, s=problem.slug: f"../problems/{s}/#{a}", key="all")
        anchor = f"p-{problem.slug}"
        out += [
            f'<section class="{contract.PRINT_PART}" data-slug="{anchor}">',
            "",
            f'<h2 id="{anchor}">{_text(title(problem, lang))}{_permalink(anchor)}</h2>',
            "",
            f'<p class="qa-meta">{_text(t["difficulty"] + STRINGS[lang].colon + _level(catalog, problem, lang))} · '
            f"{_a(f'../problems/{problem.slug}/', t['try'])}</p>",
            "",
            fragments.markdown(words.statement, place),
            "",
            f"<p><strong>{_text(t['signature'])}</strong></p>",
            fragments.code(problem.code["starter"], "python"),
            f"<p><strong>{_text(t['constraints'])}</strong></p>",
            "<ul>",
            *(f"<li>{fragments.markdown(item, place)}</li>" for item in words.constraints),
            "</ul>",
            f"<p><strong>{_text(t['examples'])}</strong></p>",
            '<ul class="qa-cases">',
            *(
                f"<li><code>{_text(c.call)}</code> → <code>{_text(c.expected)}</code></li>"
                for c in tests[problem.slug].examples
            ),
            "</ul>",
            f'<details class="qa-solution"><summary>{_text(t["solution"])}</summary>',
            fragments.code(problem.code["solution"], "python"),
            f"<p><strong>{_text(t['complexity'])}</strong></p>",
            fragments.markdown(words.complexity, place),
            "</details>",
            "",
            "</section>",
            "",
        ]
    return out


def search_documents(catalog: Catalog, lang: str) -> list[dict[str, object]]:
    """One search document per problem (qa.plugin.search indexes them with the questions')."""
    t = TEXT[lang]
    return [
        {
            "location": urls.problem_path(p.slug),
            "title": _text(title(p, lang)),
            "terms": [_text(t["problems"])],
            "text": plain(" ".join(code_mask(p.texts[lang].statement).split())),  # prose only, not code
            "note": " ".join(plain(h) for h in p.texts[lang].hints),
        }
        for p in catalog.problems
    ]


def _cases(tests: ProblemTests) -> list[str]:
    """The visible tests: each call and the value the reference gives."""
    items = [f"<li><code>{_text(c.call)}</code> → <code>{_text(c.expected)}</code></li>" for c in tests.examples]
    return ['<ul class="qa-cases">', *items, "</ul>"]


def _level(catalog: Catalog, problem: Problem, lang: str) -> str:
    return next(level.labels[lang] for level in catalog.levels if level.id == problem.difficulty)


def _heading(anchor: str, text: str) -> list[str]:
    return [f'<h2 id="{anchor}">{_text(text)}{_permalink(anchor)}</h2>']


def _pager(lang: str, context: ProblemContext) -> list[str]:
    links = []
    if context.previous is not None:
        links.append(_a(f"../{context.previous.slug}/", f"← {title(context.previous, lang)}", ' class="qa-prev"'))
    if context.next is not None:
        links.append(_a(f"../{context.next.slug}/", f"{title(context.next, lang)} →", ' class="qa-next"'))
    if not links:
        return []
    return ['<nav class="qa-pager">', f"<p>{' '.join(links)}</p>", "</nav>", ""]


def _first_paragraph(markdown: str) -> str:
    paragraph = markdown.strip().split("\n\n", 1)[0]
    text = html.unescape(plain(paragraph.replace("\n", " ")))
    return text if len(text) <= 160 else text[:159] + "…"
