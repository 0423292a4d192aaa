"""WebSocket routes of the live Q&A (filled in by the Q&A work)."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
