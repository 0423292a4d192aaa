"""The admin's tag field with an accessible name for the box one types tags into."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from wagtail.admin.widgets import AdminTagWidget


class LabelledTagWidget(AdminTagWidget):
    """Wagtail's tag widget; its script-made text box gets a placeholder as accessible name.

    tag-it replaces the labelled input with a new, unlabelled one (axe: "Form elements
    must have labels"); a placeholder is the one name its options can give it.
    """

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        options = json.loads(widget_attrs["data-w-tag-options-value"])
        options["placeholderText"] = _("Add tags")
        widget_attrs["data-w-tag-options-value"] = json.dumps(options)
        return context
