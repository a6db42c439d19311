"""Lighter highlighted code (qa.plugin.code) on what pymdownx.highlight writes."""

from __future__ import annotations

import re
from html import unescape

import markdown

from qa.plugin.code import lean_code

SOURCE = '''\
def main() -> None:
    """Print it."""
    print(f"step = {T0 * 1e3:.2f} ms, {sim['lam']:.1f} req/s" + 'done')  # a comment
    pattern = rf"\\d{{3}}" if ok else b"\\x00"
    return f"""two
lines {x!r:>{w}}"""
'''


def highlighted(code: str) -> str:
    return markdown.markdown(f"```python\n{code}```\n", extensions=["pymdownx.highlight", "pymdownx.superfences"])


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_code_keeps_the_colours_that_help_reading_and_one_span_per_string():
    assert lean_code(highlighted(SOURCE)) == (
        '<div class="highlight"><pre><span></span><code><span class="k">def</span> <span class="nf">main</span>()'
        ' -&gt; <span class="kc">None</span>:\n'
        '    <span class="sd">"""Print it."""</span>\n'
        '    print(<span class="s2">f"step = {T0 * 1e3:.2f} ms, {sim[\'lam\']:.1f} req/s"</span> + '
        '<span class="s1">\'done\'</span>)  <span class="c1"># a comment</span>\n'
        '    pattern = <span class="s2">rf"\\d{{3}}"</span> <span class="k">if</span> ok '
        '<span class="k">else</span> <span class="s2">b"\\x00"</span>\n'
        '    <span class="k">return</span> <span class="s2">f"""two\n'
        'lines {x!r:&gt;{w}}"""</span>\n'
        "</code></pre></div>"
    )


def test_the_code_reads_the_same():
    before = highlighted(SOURCE)
    after = lean_code(before)
    assert text_of(after) == text_of(before)
    assert after.count("<span") < before.count("<span") / 3


def test_pages_without_code_are_left_as_they_are():
    html = '<p>An <span class="n">ordinary</span> paragraph.</p>'
    assert lean_code(html) is html
