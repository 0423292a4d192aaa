"""The directory's own copy of each member, flattened for fast faceted search.

The member tables stay the source of truth; these rows are derived from them
(search.directory.entries) and pushed on to Elasticsearch when it is configured.
"""

from __future__ import annotations

from django.db import models


class DirectoryEntry(models.Model):
    """One member as the directory sees them, with the audience of every section."""

    member = models.OneToOneField(
        "members.Member", primary_key=True, on_delete=models.CASCADE, related_name="directory_entry"
    )
    listed = models.BooleanField(default=True)
    sort_name = models.CharField(max_length=300)
    latest_start = models.DateField(null=True)

    display_name = models.CharField(max_length=250)
    native_name = models.CharField(max_length=150, blank=True)
    photo_id = models.IntegerField(null=True)
    country = models.CharField(max_length=2, blank=True)
    position = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    programme = models.CharField(max_length=10, blank=True)
    programme_year = models.IntegerField(null=True)
    revisited = models.BooleanField(default=False)

    # Folded (lower-case, accent-free) text per privacy section, for matching.
    text_name = models.TextField(blank=True)
    text_profile = models.TextField(blank=True)
    text_career = models.TextField(blank=True)
    text_participation = models.TextField(blank=True)

    audiences = models.JSONField(default=dict)
    # The same audiences as space-delimited "section:token" tokens, so the database
    # directory tests privacy on the row itself (" profile:members career:members ").
    audience_tokens = models.TextField(blank=True)
    # The facet values as index tokens (" =country:IN =programme:A "), for the word index.
    facet_tokens = models.TextField(blank=True)
    # "public" or "members" when every searched section admits that audience, else "".
    open_to = models.CharField(max_length=20, blank=True)
    built_at = models.DateTimeField()
    # Null or older than built_at: Elasticsearch has not received this version yet.
    synced_at = models.DateTimeField(null=True)

    # No index on "listed": nearly every row is listed, and SQLite would otherwise walk
    # that index instead of scanning the table, several times slower.
    # The words and facet tokens are indexed outside the model (search.directory.database.
    # schema): an FTS5 table on SQLite (kept in step by triggers), a tsvector on PostgreSQL.

    def __str__(self) -> str:
        return self.display_name


class DirectoryFacetValue(models.Model):
    """One facet value of one entry, e.g. (host_institution, 12) or (country, IN)."""

    entry = models.ForeignKey(DirectoryEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_facet_value")
        ]
        indexes = [models.Index(fields=["facet", "value", "entry"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class DirectoryNameWord(models.Model):
    """A word of some entry's name (folded), the words "Did you mean" chooses from.

    Added as entries are built and never removed: a word may outlive every entry that had
    it, so a suggestion is offered only after the database shows a visible entry has it.
    """

    word = models.CharField(max_length=200, primary_key=True)

    def __str__(self) -> str:
        return self.word


class DirectoryRemoval(models.Model):
    """A deleted member whose document must still be removed from Elasticsearch."""

    member_id = models.IntegerField(primary_key=True)
    queued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.member_id)
