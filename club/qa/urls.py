"""Q&A pages, under the language prefix: include as path("qa/", include("club.qa.urls"))."""

from django.urls import path

from club.qa import views

app_name = "qa"

urlpatterns = [
    path("", views.channel_list, name="channel-list"),
    path("events/<int:page_id>/start/", views.start_for_event, name="start-for-event"),
    path("<slug:slug>/", views.channel_detail, name="channel"),
    path("<slug:slug>/presenter/", views.presenter, name="presenter"),
    path("<slug:slug>/ask/", views.ask, name="ask"),
    path("<slug:slug>/questions/<int:question_id>/answer/", views.answer, name="answer"),
    path("<slug:slug>/questions/<int:question_id>/vote/", views.vote, name="vote"),
    path("<slug:slug>/questions/<int:question_id>/moderate/", views.moderate, name="moderate"),
]
