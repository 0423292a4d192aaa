"""WebSocket routes of the events app (the live Q&A consumer lands with the events issue)."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
