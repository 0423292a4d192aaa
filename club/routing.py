"""WebSocket routes of every app, gathered for club.asgi."""

from club.events.routing import websocket_urlpatterns as events_websockets
from club.qa.routing import websocket_urlpatterns as qa_websockets

websocket_urlpatterns = [*events_websockets, *qa_websockets]
