"""The Elasticsearch document of a directory entry, with its analyzers."""

from __future__ import annotations

from datetime import date
from typing import Any

from elasticsearch.dsl import Boolean, Document, Integer, Keyword, Text, analyzer, token_filter

from club.members.sections import Section
from search.directory.facets import FACETS
from search.directory.results import entry_as_document
from search.models import DirectoryEntry

# Accent- and case-folding, so "Nguyen" finds "Nguyễn" and "Jose" finds "José".
folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Edge n-grams for autocomplete: "naka" finds "Nakamura" while typing.
prefixes = analyzer(
    "prefixes",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("prefix_ngrams", "edge_ngram", min_gram=2, max_gram=20),
    ],
)


def _searchable() -> Text:
    return Text(analyzer=folded, fields={"prefix": Text(analyzer=prefixes, search_analyzer=folded)})


class MemberDocument(Document):
    """One member in the search index. Field names mirror search.models.DirectoryEntry."""

    member_id = Integer()
    listed = Boolean()
    sort_name = Keyword()
    latest_days = Integer()
    display_name = Keyword(index=False)
    native_name = Keyword(index=False)
    photo_id = Integer(index=False)
    country = Keyword()
    position = Keyword(index=False)
    organisation = Keyword(index=False)
    programme = Keyword()
    programme_year = Integer()
    revisited = Boolean()
    text_name = _searchable()
    text_profile = Text(analyzer=folded)
    text_career = _searchable()
    text_participation = _searchable()


for _section in Section:
    MemberDocument._doc_type.mapping.field(f"audience_{_section.value}", Keyword())
for _facet in FACETS:
    MemberDocument._doc_type.mapping.field(f"facet_{_facet.key}", Keyword())

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10_000}


def document_source(entry: DirectoryEntry, facet_values: list[tuple[str, str]]) -> dict[str, Any]:
    """The indexed JSON of an entry (plus its facet values)."""
    source = entry_as_document(entry)
    del source["audiences"]  # indexed as one keyword field per section, below
    source.update(
        {
            "listed": entry.listed,
            "sort_name": entry.sort_name,
            "latest_days": (entry.latest_start - date(1970, 1, 1)).days
            if entry.latest_start
            else None,
            "text_name": entry.text_name,
            "text_profile": entry.text_profile,
            "text_career": entry.text_career,
            "text_participation": entry.text_participation,
        }
    )
    for section in Section:
        source[f"audience_{section.value}"] = entry.audiences.get(section.value, [])
    for facet in FACETS:
        source[f"facet_{facet.key}"] = [v for key, v in facet_values if key == facet.key]
    return source


def stored_document(source: dict[str, Any]) -> dict[str, Any]:
    """An indexed source turned back into the document shape hits are built from."""
    return {
        **source,
        "audiences": {s.value: source.get(f"audience_{s.value}", []) for s in Section},
    }
