"""URL configuration: admin outside the language prefix, the site inside it."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.site_search, name="site-search"),
    path("directory/", include("search.urls")),
    path("outcomes/", include("club.outcomes.urls")),
    path("qa/", include("club.qa.urls")),
    path("surveys/", include("club.surveys.urls")),
    path("", include("club.members.urls")),
    path("", include(wagtail_urls)),
)

if settings.SERVE_MEDIA:
    # django.conf.urls.static.static() serves nothing unless DEBUG; the demo runs without it.
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler400 = "club.errors.bad_request"
handler403 = "club.errors.permission_denied"
handler404 = "club.errors.page_not_found"
handler500 = "club.errors.server_error"
