"""Monitoring pages: the report (web and CSV), uploading logs, the school's hours and breaks."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from safesocial.accounts.permissions import has_perm, require_perm, schools_for
from safesocial.engine.errors import SafeSocialError
from safesocial.engine.monitoring.report import hour_chart_svg, render_csv
from safesocial.people.models import School

from . import services
from .forms import ReportForm, ScheduleForm, UploadForm


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "monitoring.view_report")
    if not schools:
        raise PermissionDenied("Only leaders and governors can see monitoring reports.")
    form = ReportForm(request.GET or None, schools=schools)
    result = None
    school = None
    detail = request.GET.get("detail") == "1"
    if request.GET and form.is_valid():
        school = get_object_or_404(School, slug=form.cleaned_data["school"])
        if detail:
            require_perm(request.user, "monitoring.view_individuals", school)
        try:
            result = services.build_report(school=school, start=form.cleaned_data["start"],
                                           end=form.cleaned_data["end"], actor=request.user, detail=detail)
        except (services.MonitoringError, SafeSocialError) as exc:
            form.add_error(None, str(exc))
        else:
            if request.GET.get("format") == "csv":
                response = HttpResponse(render_csv(result, include_people=detail), content_type="text/csv")
                response["Content-Disposition"] = (
                    f'attachment; filename="{school.slug}-social-media-{form.cleaned_data["start"]}-'
                    f'{form.cleaned_data["end"]}.csv"')
                return response
    ctx = {
        "form": form, "result": result, "school": school, "detail": detail,
        "chart": mark_safe(hour_chart_svg(result)) if result else "",  # noqa: S308 - built by the engine, escaped there
        "can_detail": bool(school and has_perm(request.user, "monitoring.view_individuals", school)),
        "can_upload": bool(schools_for(request.user, "monitoring.configure")),
        "hours": list(range(24)),
    }
    return render(request, "monitoring/report.html", ctx)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "monitoring.configure")
    if not schools:
        raise PermissionDenied("You cannot upload logs.")
    form = UploadForm(request.POST or None, request.FILES or None, schools=schools)
    outcome = None
    if request.method == "POST" and form.is_valid():
        school = get_object_or_404(School, slug=form.cleaned_data["school"])
        uploaded = form.cleaned_data["logs"]
        with tempfile.TemporaryDirectory(prefix="safesocial-logs-") as tmp:
            path = Path(tmp) / Path(uploaded.name).name
            with path.open("wb") as out:
                for chunk in uploaded.chunks():
                    out.write(chunk)
            try:
                outcome = services.ingest_logs(school=school, paths=[path], actor=request.user, names=[uploaded.name])
            except (services.MonitoringError, SafeSocialError) as exc:
                form.add_error("logs", f"{exc}. Nothing was ingested.")
        if outcome is not None:
            messages.success(request, f"Ingested {outcome.lines_read:,} lines ({outcome.malformed:,} malformed).")
    return render(request, "monitoring/upload.html", {"form": form, "outcome": outcome})


@login_required
def settings_page(request: HttpRequest, school: str) -> HttpResponse:
    school_obj = get_object_or_404(School, slug=school)
    require_perm(request.user, "monitoring.configure", school_obj)
    config = services.config_for(school_obj)
    days = config.schedule.get("days", {})
    first = next(iter(days.values()), {}) or {}
    initial = {
        "hours": first.get("hours", "08:30-16:00"),
        "breaks": ",".join(first.get("breaks", [])),
        "own_device_networks": ",".join((config.network or {}).get("own_device_networks", [])),
    }
    form = ScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        schedule = {"timezone": config.schedule.get("timezone", "Europe/London"),
                    "days": {"mon-fri": {"hours": data["hours"].strip(),
                                         "breaks": [b.strip() for b in data["breaks"].split(",") if b.strip()]}}}
        nets = [n.strip() for n in data["own_device_networks"].split(",") if n.strip()]
        network = {**(config.network or {}), "own_device_networks": nets}
        try:
            services.configure(school=school_obj, actor=request.user, schedule=schedule, network=network)
        except SafeSocialError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Monitoring settings saved.")
            return redirect("monitoring:settings", school=school_obj.slug)
    return render(request, "monitoring/settings.html", {"form": form, "school": school_obj, "config": config})
