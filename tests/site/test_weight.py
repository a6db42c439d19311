"""The page-weight budget (issue #20) on the real site: a question page that outgrows it
fails here, at the page, before the benchmark's 1,020-question copy of it does."""

from __future__ import annotations

from qa.contract import PAGE_BUDGET_BYTES
from qa.model import LANGUAGES

from .helpers import question_pages

# A benchmark copy's page is this much heavier than its original: a longer title
# ("… (copy 1016)") and slug in its head, header, heading and links.
COPY_MARGIN_BYTES = 200


def test_every_question_page_fits_the_budget_with_room_for_the_benchmark_copies(built_site):
    limit = PAGE_BUDGET_BYTES - COPY_MARGIN_BYTES
    over = {
        page.relative_to(built_site).as_posix(): page.stat().st_size
        for lang in LANGUAGES
        for page in question_pages(built_site, lang)
        if page.stat().st_size > limit
    }
    assert over == {}, (
        f"question pages over {limit:,} bytes (the budget of {PAGE_BUDGET_BYTES:,} less {COPY_MARGIN_BYTES} for the "
        f"benchmark's copies): shorten the note or the example — {over}"
    )
