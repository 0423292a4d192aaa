"""Composable fragments of parameterised SQL for the database directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Condition:
    """A fragment of WHERE clause with its parameters."""

    sql: str
    params: list[Any] = field(default_factory=list)

    def __and__(self, other: Condition) -> Condition:
        if self is TRUE:
            return other
        if other is TRUE:
            return self
        return Condition(f"({self.sql}) AND ({other.sql})", self.params + other.params)

    def __or__(self, other: Condition) -> Condition:
        if self is TRUE or other is TRUE:
            return TRUE
        return Condition(f"({self.sql}) OR ({other.sql})", self.params + other.params)


TRUE = Condition("1 = 1")


def all_of(conditions: list[Condition]) -> Condition:
    """Every condition, joined flat: nesting one ``&`` per word overflows SQLite's parser."""
    parts = [c for c in conditions if c is not TRUE]
    if not parts:
        return TRUE
    if len(parts) == 1:
        return parts[0]
    return Condition(
        " AND ".join(f"({c.sql})" for c in parts), [p for c in parts for p in c.params]
    )
