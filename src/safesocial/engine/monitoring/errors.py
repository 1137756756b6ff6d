"""Coded errors of the monitoring engine.

Log problems raise :class:`safesocial.engine.errors.LogFormatError` with one of these codes:

  E501 the file is in no format we read (the message quotes its first line)
  E502 a compressed file is truncated or corrupt
  E503 the file is binary, not a text log
  E504 the file cannot be opened or read
  E505 the file is compressed in a way we do not read (zip, zstd)

Configuration problems raise :class:`MonitoringConfigError`:

  E510 working hours, breaks, days or time zone
  E511 the platform list or a school's override of it
  E512 networks or attribution (bad address or range, unknown attribution mode)
  E513 a partial aggregate cannot be read or does not match the others being merged
"""

from __future__ import annotations

from ..errors import LogFormatError, SafeSocialError

__all__ = ["LogFormatError", "MonitoringConfigError"]


class MonitoringConfigError(SafeSocialError):
    """Monitoring was configured wrongly (hours, breaks, platform overrides, networks, partials)."""

    code = "E510"
