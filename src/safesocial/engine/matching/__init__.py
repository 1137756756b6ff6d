"""The connection audit (issue 4): read a platform export, match it to a school directory, apply a pack.

    exports.read_export(path_or_bytes)         -> ExportResult (connections + unreadable entries)
    matcher.Matcher(directory).match(conn)     -> NameMatch (candidates with confidence and reason)
    relationships.classify / RuleBook.judge    -> relationship class on a date, verdict with clause ids
    audit.audit(export, directory, policy, on) -> AuditResult (.as_dict() is the CLI's JSON)

Pure Python: no Django.
"""

from __future__ import annotations

from .audit import AuditMatch, Auditor, AuditResult, audit
from .exports import DEFAULT_MAX_BYTES, PLATFORMS, Connection, ExportResult, Limits, Unreadable, read_export
from .matcher import Matcher, NameMatch

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PLATFORMS",
    "AuditMatch",
    "AuditResult",
    "Auditor",
    "Connection",
    "ExportResult",
    "Limits",
    "Matcher",
    "NameMatch",
    "Unreadable",
    "audit",
    "read_export",
]
