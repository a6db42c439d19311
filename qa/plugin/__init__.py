"""The one MkDocs plugin of the site (`plugins: [qa]` in mkdocs.yml).

plugin.py holds the events, config.py the typed options; each other module does one
job and is testable without a build.  Everything that touches another package's
behaviour beyond its documented options lives in an adapter module: i18n.py
(mkdocs-static-i18n), material.py (Material's page config and search worker),
redirects.py (mkdocs-redirects, driven through its plugin events).
"""
