"""WebSocket routes of every app, gathered for club.asgi."""

from club.events.routing import websocket_urlpatterns as events_websockets

websocket_urlpatterns = [*events_websockets]
