"""Our own stylesheets and scripts, minified as the site serves them (qa.plugin.passes)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from qa.plugin.passes import minify_script, minify_stylesheet

ROOT = Path(__file__).resolve().parents[2]
OUR_SCRIPTS = sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.js"))
# Esprima's tokens of a script read on stdin (JSON): what minifying may not change
TOKENS = (
    "const esprima = require(process.argv[1]);"
    "let source = ''; process.stdin.on('data', d => source += d);"
    "process.stdin.on('end', () => console.log(JSON.stringify("
    "esprima.tokenize(source).map(t => [t.type, t.value]))))"
)


def tokens(script: str) -> list:
    esprima = ROOT / "node_modules" / "esprima"
    if not esprima.is_dir():
        pytest.fail("node_modules/esprima is missing: run `make setup`")
    result = subprocess.run(
        ["node", "-e", TOKENS, str(esprima)], input=script, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


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


@pytest.mark.parametrize("path", OUR_SCRIPTS, ids=lambda p: p.name)
def test_each_of_our_scripts_minifies_to_the_same_tokens(path):
    source = path.read_text(encoding="utf-8")
    assert tokens(minify_script(source)) == tokens(source)


def test_the_token_check_sees_a_template_literal_minifying_wrongly():
    # rjsmin takes a template literal as one string: a backtick inside ${…} ends it early
    source = 'const s = `${"`"}  z`\n'
    assert tokens(minify_script(source)) != tokens(source)
