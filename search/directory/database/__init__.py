"""The directory on the database (SQLite or PostgreSQL): one SQL compiler and its schema.

backend.py builds the one statement per search; sql.py its composable fragments;
words.py how a search word is matched; token_index.py how the text index narrows
the candidates; schema.py that index's SQL; checks.py the check that it exists;
suggestions.py "Did you mean" for searches that find nobody.
"""

from __future__ import annotations

from search.directory.database.backend import DatabaseDirectory

__all__ = ["DatabaseDirectory"]
