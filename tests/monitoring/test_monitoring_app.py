"""Monitoring in the app: ingest (all or nothing), reports by option, permissions, audit of views."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from safesocial.audit.models import AuditEvent
from safesocial.cli import main
from safesocial.engine.errors import SafeSocialError
from safesocial.monitoring import services
from safesocial.monitoring.models import LogIngest

pytestmark = pytest.mark.django_db
LOGS = Path(__file__).resolve().parent.parent / "data" / "logs"
PERIOD = {"start": date(2025, 3, 1), "end": date(2025, 3, 31)}


@pytest.fixture
def oakfield(demo):
    school = demo["oakfield"]
    services.configure(
        school=school, actor=_user("head"),
        schedule={"timezone": "Europe/London",
                  "days": {"mon-fri": {"hours": "08:30-16:00", "breaks": ["10:30-10:45", "12:00-13:00"]}}},
    )
    return school


def _user(username):
    from safesocial.accounts.models import User

    return User.objects.get(username=username)


def test_cli_ingest_and_report(oakfield, capsys):
    assert main(["monitoring", "ingest", "--school", "oakfield", str(LOGS / "squid_native.log")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["lines_read"] == 16 and out["malformed"] == 2
    assert LogIngest.objects.get().lines_read == 16
    assert main(["monitoring", "report", "--school", "oakfield", "--from", "2025-03-01", "--to", "2025-03-31",
                 "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["by_platform"]["instagram"]["working_time"] == 2
    assert {f["platform"] for f in report["findings"]} >= {"instagram", "tiktok"}


def test_reports_under_option_1_and_option_2_differ_exactly_where_the_options_differ(oakfield):
    services.ingest_logs(school=oakfield, paths=[LOGS / "squid_native.log"])
    strict = services.build_report(school=oakfield, choices={"it_use": "strict"}, **PERIOD)
    limited = services.build_report(school=oakfield, choices={"it_use": "limited"}, **PERIOD)
    assert [p.as_dict() for p in strict.by_platform] == [p.as_dict() for p in limited.by_platform]
    s = {(f.platform, f.when): f for f in strict.findings}
    li = {(f.platform, f.when): f for f in limited.findings}
    # Option 1 bans school devices at any time; Option 2 allows official breaks only.
    assert all(f.clauses == ("walsall:3.1-option1",) and f.severity == "breach" for f in s.values())
    assert all(f.clauses == ("walsall:3.1-option2",) and f.severity == "advise" for f in li.values())
    assert set(li) == {k for k in s if k[1] == "working_time"}
    assert {k for k in s if k[1] in ("breaks", "outside_hours")} == set(s) - set(li)


def test_a_bad_file_ingests_nothing(oakfield, tmp_path):
    truncated = tmp_path / "access.log.gz"
    truncated.write_bytes(gzip.compress((LOGS / "squid_native.log").read_bytes())[:-20])
    binary = tmp_path / "blob.log"
    binary.write_bytes(bytes(range(256)) * 64)
    for bad in ([LOGS / "squid_native.log", truncated], [binary], [LOGS / "unknown_format.log"]):
        with pytest.raises(SafeSocialError) as err:
            services.ingest_logs(school=oakfield, paths=bad)
        assert err.value.code.startswith("E5")
    assert LogIngest.objects.count() == 0
    assert not AuditEvent.objects.filter(action="monitoring.ingested").exists()


def test_individual_detail_needs_the_role_and_is_audited(oakfield):
    services.ingest_logs(school=oakfield, paths=[LOGS / "squid_native.log"])
    governor = _user("governor")
    services.build_report(school=oakfield, actor=governor, **PERIOD)
    with pytest.raises(PermissionDenied):
        services.build_report(school=oakfield, actor=governor, detail=True, **PERIOD)
    with pytest.raises(PermissionDenied):
        services.build_report(school=oakfield, actor=_user("teacher"), **PERIOD)
    services.build_report(school=oakfield, actor=_user("head"), detail=True, **PERIOD)
    actions = list(AuditEvent.objects.filter(action__startswith="monitoring.").values_list("action", "actor__username"))
    assert ("monitoring.report_viewed", "governor") in actions
    assert ("monitoring.individual_viewed", "head") in actions
    assert ("monitoring.individual_viewed", "governor") not in actions


def test_report_page_and_csv(client, oakfield):
    from safesocial.policies.selectors import version_in_force
    from safesocial.policies.services import policy_acknowledge

    services.ingest_logs(school=oakfield, paths=[LOGS / "squid_native.log"])
    policy_acknowledge(version=version_in_force(school=oakfield), actor=_user("head"))
    client.force_login(_user("head"))
    query = {"school": "oakfield", "start": "2025-03-01", "end": "2025-03-31"}
    page = client.get("/monitoring/", query)
    html = page.content.decode()
    assert page.status_code == 200 and "walsall:3.1-option1" in html and "<svg" in html
    csv = client.get("/monitoring/", {**query, "format": "csv"})
    assert csv["Content-Type"] == "text/csv" and "instagram" in csv.content.decode().lower()
    policy_acknowledge(version=version_in_force(school=oakfield), actor=_user("teacher"))
    client.force_login(_user("teacher"))
    assert client.get("/monitoring/", query).status_code == 403


def test_upload_page_refuses_unknown_format_with_a_message(client, oakfield):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safesocial.policies.selectors import version_in_force
    from safesocial.policies.services import policy_acknowledge

    policy_acknowledge(version=version_in_force(school=oakfield), actor=_user("head"))
    client.force_login(_user("head"))
    bad = SimpleUploadedFile("mystery.log", (LOGS / "unknown_format.log").read_bytes())
    response = client.post("/monitoring/upload/", {"school": "oakfield", "logs": bad})
    assert "Nothing was ingested" in response.content.decode()
    assert LogIngest.objects.count() == 0
    good = SimpleUploadedFile("access.log", (LOGS / "squid_native.log").read_bytes())
    response = client.post("/monitoring/upload/", {"school": "oakfield", "logs": good}, follow=True)
    assert LogIngest.objects.count() == 1


def test_settings_are_validated_by_the_engine(oakfield):
    with pytest.raises(SafeSocialError):
        services.configure(school=oakfield, actor=_user("head"), schedule={"days": {"mon-fri": {"hours": "25:00-26:00"}}})
    with pytest.raises(PermissionDenied):
        services.configure(school=oakfield, actor=_user("teacher"), schedule={})


def test_retention_deletes_old_aggregates(oakfield):
    services.ingest_logs(school=oakfield, paths=[LOGS / "squid_native.log"])
    assert services.purge_expired(today=date(2025, 6, 1)) == 0
    assert services.purge_expired(today=date(2026, 11, 21)) == 1
    assert LogIngest.objects.count() == 0
