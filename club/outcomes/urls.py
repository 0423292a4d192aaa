"""Outcome figures on the site, for chapter coordinators: include under the language prefix.

    path("outcomes/", include("club.outcomes.urls")),

The JST staff dashboard lives in the Wagtail admin (wagtail_hooks.py).
"""

from django.urls import path, re_path

from club.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("", views.chapter_index, name="index"),
    path("chapter/<slug:slug>/", views.chapter_dashboard, name="chapter"),
    re_path(
        r"^chapter/(?P<slug>[-\w]+)/export\.(?P<fmt>csv|xlsx)$",
        views.chapter_export,
        name="chapter-export",
    ),
]
