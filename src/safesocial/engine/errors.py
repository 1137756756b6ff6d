"""Coded errors raised by the engine.

Every error carries a stable code (``E1xx`` packs, ``E2xx`` directories, ``E3xx`` checker input,
``E4xx`` connection exports, ``E5xx`` logs) so documentation, the CLI and the UI can refer to it.
"""

from __future__ import annotations


class SafeSocialError(Exception):
    """Base class: ``code`` is stable, ``message`` is plain English, ``where`` locates the problem."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None, where: str | None = None) -> None:
        self.code = code or self.code
        self.message = message
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        location = f" ({self.where})" if self.where else ""
        return f"{self.code}: {self.message}{location}"


class PackError(SafeSocialError):
    """A policy pack failed to load or validate."""

    code = "E100"


class PackValidationError(PackError):
    """A pack is malformed. ``problems`` lists every problem found, each a coded PackError."""

    code = "E101"

    def __init__(self, pack: str, problems: list[PackError]) -> None:
        self.problems = problems
        summary = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"pack {pack!r} is invalid: {summary}{more}", code=problems[0].code)


class UnknownPackError(PackError):
    code = "E110"


class AdoptionError(PackError):
    """Options or placeholders given when adopting a pack are wrong."""

    code = "E120"


class DirectoryError(SafeSocialError):
    """A school directory (school.yaml, people.csv, relationships.csv) could not be read."""

    code = "E200"


class InputError(SafeSocialError):
    """Input to the checker is unusable (empty, too long, unknown role...)."""

    code = "E300"


class ExportError(SafeSocialError):
    """A connection export could not be read."""

    code = "E400"


class LogFormatError(SafeSocialError):
    """A proxy or filter log could not be read."""

    code = "E500"
