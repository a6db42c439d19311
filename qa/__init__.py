"""Build tooling for the 秒推时代 LLM-inference interview Q&A site.

The flow, one sub-package per stage: sources (read content/) → check (every rule) →
generate (stage build/) → plugin (the MkDocs plugin that renders it) and publish
(run MkDocs, print the PDFs, serve) → site/.  Only qa.plugin and qa.publish import
MkDocs (qa.site reads mkdocs.yml with MkDocs' YAML loader), so the sources and the
generator stay independent of the renderer.
"""
