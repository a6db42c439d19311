"""How long each stage of `qa build` took, written where the benchmark reads it.

`qa build` appends one JSON line per stage to build/stages.jsonl ({"stage": …,
"seconds": …}); the plugin appends each language's MkDocs build to
build/timings.jsonl.  The benchmark runs `qa build` and reads both.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

from qa.layout import Layout


class Timings:
    def __init__(self, layout: Layout):
        self.file = layout.staged.stages

    def reset(self) -> None:
        self.file.unlink(missing_ok=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with self.file.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"stage": name, "seconds": round(time.perf_counter() - start, 3)}) + "\n")
