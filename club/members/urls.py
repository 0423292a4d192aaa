"""Member-facing URLs, under the language prefix."""

from club.members.views import accounts, consent, groups, profile, public

app_name = "members"

urlpatterns = [
    *accounts.urlpatterns,
    *profile.urlpatterns,
    *consent.urlpatterns,
    *public.urlpatterns,
    *groups.urlpatterns,
]
