"""Every Wagtail page depends on the published page tree, its snippets and images.

Publishing is rare (staff), so any change to the tree forgets all cached Wagtail pages:
listings, the home page and feeds show other pages, and exactness here is not worth a map.
The same tag forgets the site lookups kept for every request (club/pages/site_lookup.py,
club/pages/chrome.py), which also read the sites, the locales and the view restrictions.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from club.page_cache import PAGE_TREE, depends_on, forget, forget_now


@hooks.register("before_serve_page")
def declare_page_tree(page: Page, request: Any, serve_args: Any, serve_kwargs: Any) -> None:
    depends_on(PAGE_TREE)


def forget_page_tree(**kwargs: Any) -> None:
    # At once as well as on commit: the site lookups kept for every request read the tree,
    # and the transaction that changed it (publishing, then routing the page) reads them
    # again. Members' and events' tags are only forgotten on commit: their writes are many.
    forget_now(PAGE_TREE)
    forget(PAGE_TREE)


for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    signal.connect(forget_page_tree, dispatch_uid=f"page-cache-{signal!r}")
post_delete.connect(forget_page_tree, sender=Page, dispatch_uid="page-cache-page-delete")
# A page made private must leave every cached page and menu at once; a site's hostname or
# root page and the locales decide which page a URL routes to.
for model in (get_image_model(), PageViewRestriction, Site, Locale):
    for model_signal in (post_save, post_delete):
        model_signal.connect(
            forget_page_tree,
            sender=model,
            dispatch_uid=f"page-cache-{model._meta.label_lower}-{model_signal!r}",
        )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def forget_after_snippet_change(request: Any, instance: Any) -> None:
    forget_page_tree()
