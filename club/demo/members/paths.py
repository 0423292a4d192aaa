"""Career paths for demo alumni: stages, the natural next steps, and re-visit odds.

A stage is where someone stands (a master's student, a postdoc, in industry);
each table below is weighted, as ``(options, weights)``.
"""

from __future__ import annotations

from club.members.models import Funding, RevisitKind

HS, UG, MS, PHD, POSTDOC, FACULTY, INDUSTRY, GOV = (
    "hs",
    "ug",
    "ms",
    "phd",
    "postdoc",
    "faculty",
    "industry",
    "gov",
)
Weighted = tuple[tuple[str, ...], tuple[float, ...]]

# Natural next steps after each stage, weighted.
TRANSITIONS: dict[str, Weighted] = {
    HS: ((UG,), (1,)),
    UG: ((MS, INDUSTRY, GOV), (45, 45, 10)),
    MS: ((PHD, INDUSTRY, GOV, FACULTY), (35, 50, 10, 5)),
    PHD: ((POSTDOC, FACULTY, INDUSTRY), (50, 30, 20)),
    POSTDOC: ((FACULTY, POSTDOC, INDUSTRY), (45, 25, 30)),
    FACULTY: ((FACULTY,), (1,)),
    INDUSTRY: ((INDUSTRY, GOV), (95, 5)),
    GOV: ((GOV, INDUSTRY), (85, 15)),
}

# Which step in Japan a planned re-visit becomes, from the step before it.
FORCED: dict[tuple[str, str], str] = {
    (RevisitKind.DEGREE, UG): MS,
    (RevisitKind.DEGREE, MS): PHD,
    (RevisitKind.DEGREE, INDUSTRY): MS,
    (RevisitKind.DEGREE, GOV): PHD,
    (RevisitKind.DEGREE, FACULTY): PHD,
    (RevisitKind.RESEARCHER, PHD): POSTDOC,
    (RevisitKind.RESEARCHER, POSTDOC): POSTDOC,
    (RevisitKind.RESEARCHER, FACULTY): POSTDOC,
    (RevisitKind.FACULTY, PHD): FACULTY,
    (RevisitKind.FACULTY, POSTDOC): FACULTY,
    (RevisitKind.FACULTY, FACULTY): FACULTY,
    (RevisitKind.EMPLOYEE, UG): INDUSTRY,
    (RevisitKind.EMPLOYEE, MS): INDUSTRY,
    (RevisitKind.EMPLOYEE, PHD): INDUSTRY,
    (RevisitKind.EMPLOYEE, POSTDOC): INDUSTRY,
    (RevisitKind.EMPLOYEE, INDUSTRY): INDUSTRY,
}
MONTHS = {
    HS: (12, 36),
    UG: (48, 48),
    MS: (24, 24),
    PHD: (36, 60),
    POSTDOC: (12, 36),
    INDUSTRY: (24, 72),
    GOV: (36, 96),
}
KIND_OF_STAGE = {
    MS: RevisitKind.DEGREE,
    PHD: RevisitKind.DEGREE,
    POSTDOC: RevisitKind.RESEARCHER,
    FACULTY: RevisitKind.FACULTY,
    INDUSTRY: RevisitKind.EMPLOYEE,
}
# Re-visit kinds likely for someone at each stage when they joined the programme.
PLANNED_KINDS: dict[str, Weighted] = {
    HS: ((RevisitKind.DEGREE, RevisitKind.EXCHANGE), (55, 45)),
    UG: ((RevisitKind.DEGREE, RevisitKind.EXCHANGE, RevisitKind.EMPLOYEE), (62, 28, 10)),
    MS: ((RevisitKind.DEGREE, RevisitKind.EXCHANGE, RevisitKind.EMPLOYEE), (70, 15, 15)),
    PHD: (
        (RevisitKind.RESEARCHER, RevisitKind.EXCHANGE, RevisitKind.EMPLOYEE, RevisitKind.FACULTY),
        (65, 12, 10, 13),
    ),
    POSTDOC: ((RevisitKind.RESEARCHER, RevisitKind.FACULTY, RevisitKind.EMPLOYEE), (65, 25, 10)),
    FACULTY: ((RevisitKind.RESEARCHER, RevisitKind.DEGREE, RevisitKind.FACULTY), (55, 25, 20)),
    INDUSTRY: ((RevisitKind.EMPLOYEE, RevisitKind.DEGREE, RevisitKind.OTHER), (55, 30, 15)),
    GOV: ((RevisitKind.DEGREE, RevisitKind.RESEARCHER, RevisitKind.OTHER), (40, 20, 40)),
}
FUNDING: dict[str, Weighted] = {
    RevisitKind.DEGREE: (
        (Funding.MEXT, Funding.SELF, Funding.OTHER, Funding.JSPS, Funding.EMPLOYER),
        (45, 20, 20, 5, 10),
    ),
    RevisitKind.RESEARCHER: (
        (Funding.JSPS, Funding.EMPLOYER, Funding.OTHER, Funding.SELF),
        (45, 35, 15, 5),
    ),
    RevisitKind.EXCHANGE: (
        (Funding.OTHER, Funding.SELF, Funding.MEXT, Funding.EMPLOYER),
        (45, 25, 15, 15),
    ),
    RevisitKind.FACULTY: ((Funding.EMPLOYER, Funding.OTHER), (95, 5)),
    RevisitKind.EMPLOYEE: ((Funding.EMPLOYER, Funding.OTHER), (95, 5)),
    RevisitKind.OTHER: ((Funding.OTHER, Funding.EMPLOYER, Funding.SELF), (60, 30, 10)),
}
