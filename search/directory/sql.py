"""Composable fragments of parameterised SQL for the database directory."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Condition:
    """A fragment of WHERE clause with its parameters."""

    sql: str
    params: list = field(default_factory=list)

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
