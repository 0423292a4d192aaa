"""WebSocket routes of every app, gathered for club.asgi."""

from club.qa.routing import websocket_urlpatterns as qa_websockets

websocket_urlpatterns = [*qa_websockets]
