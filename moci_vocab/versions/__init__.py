"""Versions of the glossary: what changed between git revisions, and releases.

- ``git``: the `git` command, run safely; the glossary as it was at a revision.
- ``diff``: concept- and term-level changes between two glossaries.
- ``semver``: versions and the bump a set of changes calls for.
- ``changelog``: the section a release prepends to ``glossary/CHANGELOG.md``.
- ``render``: changes as text (rich), markdown (PR comments) and JSON.
- ``release``: the release flow (prepare, then tag), without the command line.
"""
