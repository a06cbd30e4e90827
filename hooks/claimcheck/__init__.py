"""The site's content checks, as plain functions over Markdown and BibTeX.

Nothing in this package imports MkDocs, so the checks can move to another
site generator. hooks/mkdocs_checks.py adapts them to MkDocs, and
hooks/claims.py runs them from the command line.
"""
