"""Survey URLs, under the language prefix."""

from club.surveys.views import app_name, urlpatterns

__all__ = ["app_name", "urlpatterns"]
