"""python manage.py directory_index {rebuild,update,status}"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from elastic_transport import TransportError
from elasticsearch import ApiError

from club.planner_statistics import refresh_planner_statistics
from club.progress import progress_bar
from search.directory.elastic import client_from_settings
from search.directory.elastic_index import rebuild, status, sync_pending
from search.directory.entries import refresh_all
from search.models import DirectoryEntry


class Command(BaseCommand):
    help = (
        "Manage the alumni directory index. rebuild: rebuild every directory entry from the"
        " member tables and, with Elasticsearch, index them into a new versioned index and swap"
        " the alias atomically. update: push pending changes to Elasticsearch. status: show how"
        " far the index is behind."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "update", "status"])
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Documents per bulk request (default 500)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["chunk_size"] < 1:
            raise CommandError("--chunk-size must be at least 1.")
        try:
            getattr(self, options["action"])(options["chunk_size"])
        except (TransportError, ApiError) as error:
            raise CommandError(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL} failed: {error}. Nothing is lost:"
                " pending changes stay queued in the database; run 'update' when it is back."
            ) from error

    def rebuild(self, chunk_size: int) -> None:
        with progress_bar(self.stdout, unit=" entries") as bar:
            count = refresh_all(progress=bar.to)
        refresh_planner_statistics()
        self.stdout.write(f"Rebuilt {count:,} directory entries in the database.")
        if not settings.ELASTICSEARCH_URL:
            return
        with progress_bar(self.stdout, unit=" documents") as bar:
            index = rebuild(
                client_from_settings(),
                settings.ELASTICSEARCH_INDEX,
                chunk_size=chunk_size,
                progress=bar.to,
            )
        self.stdout.write(
            self.style.SUCCESS(f"{settings.ELASTICSEARCH_INDEX} now points at {index}.")
        )

    def update(self, chunk_size: int) -> None:
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("No ELASTICSEARCH_URL: the database directory is always current.")
            return
        pushed = sync_pending(client_from_settings(), settings.ELASTICSEARCH_INDEX, chunk_size)
        self.stdout.write(self.style.SUCCESS(f"Pushed {pushed:,} pending changes."))

    def status(self, chunk_size: int) -> None:
        self.stdout.write(f"Directory entries in the database: {DirectoryEntry.objects.count():,}")
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("Backend: database (no ELASTICSEARCH_URL).")
            return
        info = status(client_from_settings(), settings.ELASTICSEARCH_INDEX)
        self.stdout.write(f"Backend: Elasticsearch at {settings.ELASTICSEARCH_URL}")
        self.stdout.write(f"Alias {info['alias']} -> {', '.join(info['indices']) or '(none)'}")
        self.stdout.write(f"Documents indexed: {info['documents']:,}")
        self.stdout.write(f"Changes waiting to be pushed: {info['pending']:,}")
