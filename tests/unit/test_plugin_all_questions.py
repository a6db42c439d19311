"""qa.plugin.all_questions: a question page's answer and note, moved to all/."""

from __future__ import annotations

from qa.plugin.all_questions import matching_close, relocated

QUESTION_URL, ALL_URL = "en/questions/kv-cache/", "en/all/"


def test_ids_get_the_slug_and_links_to_them_follow():
    html = '<details id="answer"><a href="#answer">here</a><h4 id="why">Why</h4><a href="#why">why</a></details>'
    assert relocated(html, "kv-cache", QUESTION_URL, ALL_URL) == (
        '<details id="kv-cache-answer"><a href="#kv-cache-answer">here</a>'
        '<h4 id="kv-cache-why">Why</h4><a href="#kv-cache-why">why</a></details>'
    )


def test_relative_links_are_rewritten_from_the_question_folder_to_all():
    html = (
        '<a href="../paged-attention/">a</a><a href="../paged-attention/#answer">b</a>'
        '<a href="../#speed">c</a><a href="#related">d</a><img src="../../assets/x.png">'
        '<a href="https://arxiv.org/abs/2309.06180">e</a><a href="/abs">f</a><a href="mailto:a@b.c">g</a>'
    )
    assert relocated(html, "kv-cache", QUESTION_URL, ALL_URL) == (
        '<a href="../questions/paged-attention/">a</a><a href="../questions/paged-attention/#answer">b</a>'
        '<a href="../questions/#speed">c</a><a href="../questions/kv-cache/#related">d</a>'
        '<img src="../assets/x.png">'
        '<a href="https://arxiv.org/abs/2309.06180">e</a><a href="/abs">f</a><a href="mailto:a@b.c">g</a>'
    )


def test_nested_details_close_at_the_outer_end():
    html = "x<details a><details b></details>inner</details>after"
    assert html[: matching_close(html, 1)] == "x<details a><details b></details>inner</details>"
