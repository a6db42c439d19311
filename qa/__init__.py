"""Build tooling for the 秒推时代 LLM-inference interview Q&A site.

The flow is: content/ (authored sources) → validate → generate (build/docs) →
`mkdocs build --strict` → site/.  Nothing in this package imports MkDocs, so the
question sources and the generator stay independent of the renderer.
"""
