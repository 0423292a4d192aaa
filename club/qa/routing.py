"""WebSocket routes of the live Q&A."""

from django.urls import URLPattern, path

from club.qa.consumers import QuestionChannelConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/qa/<slug:slug>/", QuestionChannelConsumer.as_asgi()),
]
