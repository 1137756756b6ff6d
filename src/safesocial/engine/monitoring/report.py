"""Rendering a MonitoringResult as CSV (for the annual filtering and monitoring review) and as a
self-contained HTML page with a chart of use by hour of day (for the headteacher).

Individual detail (per-person usage) is rendered only when the caller asks for it
(``include_people=True``); deciding who may see it, and recording that they did, is the web app's
job (the engine has no users).
"""

from __future__ import annotations

import csv
import io
from html import escape

from .analyse import MonitoringResult
from .schedule import PERIODS

CSV_COLUMNS = (
    "section",
    "platform",
    "when",
    "equipment",
    "hour",
    "person",
    "requests",
    "severity",
    "clauses",
    "explanation",
)
_PERIOD_LABEL = {"working_time": "Working time", "breaks": "Breaks", "outside_hours": "Outside hours"}
_PERIOD_COLOUR = {"working_time": "#b3261e", "breaks": "#e8a317", "outside_hours": "#5b7c99"}


def render_csv(result: MonitoringResult, *, include_people: bool = False) -> str:
    """One table: usage per platform and period, findings, and requests per hour of day."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for p in result.by_platform:
        for period in PERIODS:
            w.writerow(("usage", p.platform, period, "", "", "", getattr(p, period), "", "", ""))
        if p.blocked:
            w.writerow(("blocked", p.platform, "", "", "", "", p.blocked, "", "", ""))
    for f in result.findings:
        w.writerow(
            (
                "finding",
                f.platform,
                f.when,
                f.equipment,
                "",
                "",
                f.requests,
                f.severity,
                " ".join(f.clauses),
                f.explanation,
            )
        )
    for platform, counts in result.hour_of_day.items():
        for hour, n in enumerate(counts):
            if n:
                w.writerow(("hour", platform, "", "", hour, "", n, "", "", ""))
    if include_people and result.people:
        for person in result.people:
            for p in person.by_platform:
                for period in PERIODS:
                    n = getattr(p, period)
                    if n:
                        w.writerow(("person_usage", p.platform, period, "", "", person.person, n, "", "", ""))
            for f in person.findings:
                w.writerow(
                    (
                        "person_finding",
                        f.platform,
                        f.when,
                        f.equipment,
                        "",
                        person.person,
                        f.requests,
                        f.severity,
                        " ".join(f.clauses),
                        f.explanation,
                    )
                )
    w.writerow(("lines", "", "", "", "", "", result.lines_read, "", "", "lines read"))
    w.writerow(("malformed", "", "", "", "", "", result.malformed, "", "", "malformed lines"))
    return buf.getvalue()


def hour_chart_svg(result: MonitoringResult, *, width: int = 720, height: int = 220) -> str:
    """A bar chart of requests per local hour of day, all platforms together (inline SVG)."""
    totals = result.hours_total()
    peak = max(totals) or 1
    left, bottom, top = 48, 28, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    bar_w = plot_w / 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="hour-chart-title" class="hour-chart">',
        '<title id="hour-chart-title">Social media requests by hour of day (local time)</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#444"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak:,}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    for hour, n in enumerate(totals):
        h = plot_h * n / peak
        x = left + hour * bar_w
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="#3b6ea8">'
            f"<title>{hour:02d}:00-{hour:02d}:59: {n:,} requests</title></rect>"
        )
        if hour % 3 == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" text-anchor="middle" font-size="11">{hour:02d}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def render_html(
    result: MonitoringResult, *, title: str = "Social media use on the school network", include_people: bool = False
) -> str:
    e = escape
    pol = result.policy
    choices = ", ".join(f"{k}: {v}" for k, v in dict(pol.get("choices") or {}).items())  # type: ignore[call-overload]
    period = ""
    if result.period:
        period = f"{result.period[0] or '…'} to {result.period[1] or '…'}"
    rows = []
    for p in result.by_platform:
        rows.append(
            f"<tr><th scope='row'>{e(p.name)}</th><td>{p.requests:,}</td><td>{p.working_time:,}</td>"
            f"<td>{p.breaks:,}</td><td>{p.outside_hours:,}</td><td>{p.blocked:,}</td></tr>"
        )
    findings = []
    for f in result.findings:
        findings.append(
            f"<li class='finding {e(f.severity)}'><strong>{e(f.severity.title())}</strong> "
            f"({e(', '.join(f.clauses))}): {e(f.explanation)}</li>"
        )
    samples = "".join(
        f"<li><code>{e(s.file)}:{s.line}</code> <code>{e(s.text)}</code></li>" for s in result.malformed_samples
    )
    files = "".join(
        f"<tr><td>{e(f.path)}</td><td>{e(f.format or 'empty')}</td><td>{e(f.compression)}</td>"
        f"<td>{f.lines_read:,}</td><td>{f.malformed:,}</td></tr>"
        for f in result.files
    )
    not_judged = "".join(f"<li>{e(n.cite)}: {e(n.reason)}</li>" for n in result.not_judged)
    people = ""
    if include_people and result.people:
        items = []
        for person in result.people:
            fs = "".join(f"<li>{e(f.explanation)}</li>" for f in person.findings)
            items.append(
                f"<section class='person'><h3>{e(person.person)}</h3><p>{person.requests:,} requests</p><ul>{fs}</ul></section>"
            )
        people = "<h2>Individual detail</h2>" + "".join(items)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}}
table{{border-collapse:collapse;margin:1rem 0}}th,td{{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}}
th[scope=row],td:first-child{{text-align:left}}.finding.breach strong{{color:#b3261e}}.finding.advise strong{{color:#8a5a00}}
code{{font-size:.85em;word-break:break-all}}
</style></head><body>
<h1>{e(title)}</h1>
<p>{e(str(pol.get("school") or ""))} · Policy <strong>{e(str(pol.get("title", "")))}</strong> ({e(str(pol.get("pack", "")))} {e(str(pol.get("version", "")))}{"; " + e(choices) if choices else ""})</p>
<p>{("Period " + e(period) + " · ") if period else ""}Working hours: {e(result.schedule)}</p>
<p>{result.lines_read:,} log lines read, {result.malformed:,} malformed; {result.requests:,} requests to social media.</p>
<h2>Use by platform</h2>
<table><thead><tr><th>Platform</th><th>Requests</th><th>Working time</th><th>Breaks</th><th>Outside hours</th><th>Blocked</th></tr></thead>
<tbody>{"".join(rows) or "<tr><td colspan=6>No social media use found.</td></tr>"}</tbody></table>
<h2>Use by hour of day</h2>
{hour_chart_svg(result)}
<h2>Findings</h2>
<ul>{"".join(findings) or "<li>None: use matched what the policy allows.</li>"}</ul>
{("<h2>Clauses not judged from logs</h2><ul>" + not_judged + "</ul>") if not_judged else ""}
{people}
<h2>Files</h2>
<table><thead><tr><th>File</th><th>Format</th><th>Compression</th><th>Lines</th><th>Malformed</th></tr></thead><tbody>{files}</tbody></table>
{("<h3>Sample malformed lines</h3><ul>" + samples + "</ul>") if samples else ""}
</body></html>
"""


__all__ = ["CSV_COLUMNS", "hour_chart_svg", "render_csv", "render_html"]
