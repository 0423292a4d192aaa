from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models: the app exists to own seed_demo and the demo data it writes.
    name = "club.demo"
