"""Views of the events app, served through the routes of EventIndexPage and EventPage."""
