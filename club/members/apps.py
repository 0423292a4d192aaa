from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "club.members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from club.members import cached_pages, changes
        from club.members.models import ChapterMembership, SubjectGroupMembership
        from club.members.roles import ensure_staff_group, note_membership_change

        changes.connect()
        cached_pages.connect()
        for model in (ChapterMembership, SubjectGroupMembership):
            for signal in (post_save, post_delete):
                signal.connect(note_membership_change, sender=model, weak=False)

        # Every app's post_migrate, not only ours: the permissions it grants are
        # created by other apps' receivers, which may run after ours.
        post_migrate.connect(ensure_staff_group, dispatch_uid="members.ensure_staff_group")
