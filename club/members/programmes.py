"""The Sakura Science programmes a member can take part in: one list for the whole site."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    COURSE_A = "A", _("Course A: science and technology experience")
    COURSE_B = "B", _("Course B: joint research")
    COURSE_C = "C", _("Course C: science and technology training")
    COURSE_D = "D", _("Course D: year-round complementary exchange")
    HIGH_SCHOOL = "HSP", _("SAKURA SCIENCE High School Program")
    OFFICERS = "OFFICERS", _("Officer invitation programme")
    LOTUS = "LOTUS", _("LOTUS Programme (India)")
    YTEC = "YTEC", _("NEXUS Y-tec (ASEAN)")
