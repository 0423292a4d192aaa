"""Placeholder: Wagtail admin registrations land here."""
