"""Placeholder: filled in by the members issue."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
