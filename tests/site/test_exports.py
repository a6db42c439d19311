"""The exports in the built site: questions.json, llms.txt and llms-full.txt agree with the pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import markdown
import pytest
from bs4 import BeautifulSoup

from qa.generate.exports import SCHEMA_FILE
from qa.generate.problems import TEXT as PROBLEM_TEXT
from qa.markdown import LINK
from qa.site import load_site
from qa.urls import language_dir

from .helpers import follow, local_file, question_pages, soup

LANGS = ["zh", "en"]
LINK_LINE = re.compile(r"^- \[(?P<text>(?:\\.|[^\]\\])+)\]\((?P<url>[^)\s]+)\)(?:: (?P<about>.+))?$")
MKDOCS_SYNTAX = re.compile(r"\{\s*[#.:]|^\s*///|--8<--|^\s*(?:!!!|\?\?\?) |\]\((?!https?://)", re.M)


def built_for(site: Path) -> str:
    """The site_url the site was built for (the home page's canonical URL)."""
    return soup(site / "index.html").find("link", rel="canonical")["href"]


def file_at(site: Path, url: str) -> Path | None:
    """The file in the site that serves an absolute URL under its site_url."""
    base = built_for(site)
    assert url.startswith(base), f"{url} is not under {base}"
    return local_file(site, "/" + url[len(base) :])


def squeeze(text: str) -> str:
    return " ".join(text.split())


def heading(doc: BeautifulSoup, tag: str = "h1") -> str:
    """A heading's text without its permalink (¶)."""
    element = doc.find(tag)
    for link in element.select("a.headerlink"):
        link.extract()
    return element.get_text().strip()


def blocks(markdown_text: str) -> list[str]:
    """The text of every paragraph and list item, as a reader of the rendered Markdown sees it."""
    html = BeautifulSoup(markdown.markdown(markdown_text), "html.parser")
    return [squeeze(element.get_text()) for element in html.find_all(["p", "li"])]


@pytest.fixture(scope="module")
def dataset(built_site: Path) -> dict:
    return json.loads((built_site / "questions.json").read_text(encoding="utf-8"))


def test_dataset_validates_against_the_published_schema(built_site, dataset):
    published = built_site / "questions.schema.json"
    assert published.read_bytes() == SCHEMA_FILE.read_bytes()  # the authored schema, as committed
    schema = json.loads(published.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(dataset)
    assert dataset["$schema"] == built_for(built_site) + "questions.schema.json"
    assert dataset["site_url"] == built_for(built_site)
    assert not (built_site / "en/questions.json").exists()  # one dataset, both languages, at the root


@pytest.mark.parametrize("lang", LANGS)
def test_dataset_matches_the_pages(built_site, dataset, lang):
    root = language_dir(built_site, lang)
    seen: list[Path] = []
    for entry in dataset["questions"]:
        text = entry["languages"][lang]
        page = file_at(built_site, text["url"])
        assert page == root / "questions" / entry["slug"] / "index.html", text["url"]
        seen.append(page)
        doc = soup(page)
        assert heading(doc) == f"{entry['number']}. {text['title']}", page
        article = squeeze(doc.find("article").get_text())
        answer = squeeze(doc.find("details", id="answer").get_text())
        assert squeeze(text["prompt"]) in article, page
        assert blocks(text["answer"]) and all(block in answer for block in blocks(text["answer"])), page
        assert all(block in article for block in blocks(text["note"])), page
        meta = doc.select_one("article .qa-meta").get_text()
        assert entry["topic"]["labels"][lang] in meta and entry["difficulty"]["labels"][lang] in meta, page
        short = file_at(built_site, text["short_url"])
        assert short is not None and follow(built_site, short) == page, text["short_url"]
    assert sorted(seen) == question_pages(built_site, lang)  # every page, once


@pytest.mark.parametrize("lang", LANGS)
def test_llms_txt_links_resolve_and_name_every_question_by_topic(built_site, layout, lang):
    root = language_dir(built_site, lang)
    lines = (root / "llms.txt").read_text(encoding="utf-8").splitlines()
    site = load_site(layout.mkdocs_yml)
    assert lines[:3] == [f"# {site.names[lang]}", "", f"> {site.descriptions[lang]}"]
    sections: dict[str, list[Path]] = {}
    current: list[Path] = []
    for line in lines:
        if line.startswith("## "):
            sections[line[3:]] = []
            current = sections[line[3:]]
        elif line.startswith("- "):
            link = LINK_LINE.match(line)
            assert link is not None, line
            target = file_at(built_site, link["url"])
            assert target is not None, f"{link['url']} is not in the site"
            if "/questions/" not in link["url"]:
                continue
            doc = soup(target)
            assert re.sub(r"\\(.)", r"\1", link["text"]) == heading(doc), line  # named as its page is
            assert link["about"] in doc.find("article").get_text(), line  # described by its prompt
            current.append(target)
    assert sorted(sum(sections.values(), [])) == question_pages(built_site, lang)  # every question, once
    index = soup(root / "questions/index.html")
    by_topic = {
        heading(section, "h2"): [(root / "questions" / a["href"] / "index.html") for a in section.select("li a")]
        for section in index.select("section.qa-topic")
    }
    problems = PROBLEM_TEXT[lang]["problems"]
    assert {name: pages for name, pages in sections.items() if name not in ("Optional", problems)} == by_topic
    section = lines[lines.index(f"## {problems}") : lines.index("## Optional")]
    listed = [line for line in section if line.startswith("- [")]
    assert len(listed) == len(list((root / "problems").glob("*/index.html")))


@pytest.mark.parametrize("lang", LANGS)
def test_llms_full_txt_holds_every_question_as_plain_markdown(built_site, lang):
    root = language_dir(built_site, lang)
    text = (root / "llms-full.txt").read_text(encoding="utf-8")
    titles = re.findall(r"^## (\d+\. .+)$", text, re.M)
    pages = sorted(question_pages(built_site, lang), key=lambda p: int(heading(soup(p)).split(".")[0]))
    assert titles == [heading(soup(page)) for page in pages]  # every title, in number order
    assert not MKDOCS_SYNTAX.search(text), MKDOCS_SYNTAX.search(text)
    base = built_for(built_site)
    own = [m["target"] for m in LINK.finditer(text) if m["target"].startswith(base)]
    own += re.findall(rf"<({re.escape(base)}[^>\s]*)>", text)
    assert len(own) >= len(pages)
    for url in own:
        assert file_at(built_site, url.partition("#")[0]) is not None, url
    for section in text.split("\n## ")[1:]:  # each question and problem names its own page
        title, page_url = section.partition("\n")[0], re.search(r"<(https?://[^>\s]+)>", section)[1]
        page = file_at(built_site, page_url)
        folder = "questions" if re.match(r"\d+\. ", title) else "problems"
        assert page is not None and page.is_relative_to(root / folder), page_url
        assert heading(soup(page)) == title, page_url
