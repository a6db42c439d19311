"""Adapter: MkDocs 1.6's warning about dirty builds, which strict mode would count as a failure.

`qa build` asks MkDocs for a dirty build (`--dirty`, re-render only the pages whose
source changed) only when nothing else changed (qa.publish.incremental decides), so
the warning that such a build may have stale navigation does not apply.  Only that
one message is filtered out, by its text as MkDocs 1.6 writes it.
"""

from __future__ import annotations

import logging

MESSAGE = "A 'dirty' build is being performed"
LOGGER = "mkdocs.commands.build"


class _DirtyBuildWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(MESSAGE)


def expect_dirty_builds() -> None:
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(f, _DirtyBuildWarning) for f in logger.filters):
        logger.addFilter(_DirtyBuildWarning())
