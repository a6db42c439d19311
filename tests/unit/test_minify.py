"""Our own stylesheets and scripts, minified as the site serves them (qa.plugin.passes)."""

from __future__ import annotations

from qa.plugin.passes import minify_script, minify_stylesheet

SCRIPT = """\
// The reader's choice, kept.
"use strict"

const key = `${scope.pathname}.palette` // a template literal stays one
let a = 1
let b = a
++b
/* a block comment */
const url = "https://example.org/a//b" // slashes in a string are not a comment
const pattern = /\\/\\/+/g
"""


def test_a_script_loses_its_comments_and_spaces_and_keeps_its_meaning():
    assert minify_script(SCRIPT) == (
        '"use strict"\n'
        "const key=`${scope.pathname}.palette`\n"
        "let a=1\n"
        "let b=a\n"
        "++b\n"  # the newline automatic semicolon insertion needs (else: `a++`, then `b`)
        'const url="https://example.org/a//b"\n'
        "const pattern=/\\/\\/+/g\n"
    )


def test_a_stylesheet_loses_its_comments_and_spaces():
    assert minify_stylesheet("/* note */\n.qa-copy {\n  color: red;\n}\n") == ".qa-copy{color:red}"
