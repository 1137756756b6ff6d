"""Directory import: idempotent, leavers, all-or-nothing, CLI and upload page."""

from __future__ import annotations

import shutil

import pytest

from safesocial.audit.models import AuditEvent
from safesocial.cli import main
from safesocial.engine.directory import load_directory
from safesocial.people.importing import import_directory
from safesocial.people.models import Person, PersonLink
from tests.conftest import DEMO_DIR

pytestmark = pytest.mark.django_db


def test_import_creates_people_links_and_an_audit_event(school):
    report = import_directory(school=school, directory=load_directory(DEMO_DIR / "oakfield"), actor_label="test")
    assert report.ok and report.created == 44 and report.links == 12
    assert Person.objects.filter(school=school, role="pupil").count() == 25
    assert PersonLink.objects.filter(pupil__school=school).count() == 12
    event = AuditEvent.objects.get(action="people.imported")
    assert event.data["created"] == 44
    assert "Ruby" not in str(event.data)  # no personal data in the audit payload


def test_reimport_is_idempotent(school):
    directory = load_directory(DEMO_DIR / "oakfield")
    import_directory(school=school, directory=directory)
    again = import_directory(school=school, directory=directory)
    assert (again.created, again.updated, again.unchanged, again.leavers) == (0, 0, 44, 0)
    assert Person.objects.filter(school=school).count() == 44
    assert PersonLink.objects.filter(pupil__school=school).count() == 12


def test_pupils_missing_from_a_later_export_become_leavers_not_deleted(school, tmp_path):
    import_directory(school=school, directory=load_directory(DEMO_DIR / "oakfield"))
    later = tmp_path / "later"
    shutil.copytree(DEMO_DIR / "oakfield", later)
    lines = (later / "people.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (later / "people.csv").write_text("".join(line for line in lines if not line.startswith("P024,")), encoding="utf-8")
    report = import_directory(school=school, directory=load_directory(later))
    assert report.leavers == 1
    harry = Person.objects.get(school=school, external_id="P024")
    assert harry.leaving_date is not None and not harry.on_roll()


def test_a_bad_upn_changes_nothing_and_reports_the_row(school, tmp_path):
    import_directory(school=school, directory=load_directory(DEMO_DIR / "oakfield"))
    before = list(Person.objects.order_by("pk").values_list("external_id", "legal_surname", "leaving_date"))
    bad = tmp_path / "bad"
    shutil.copytree(DEMO_DIR / "oakfield", bad)
    text = (bad / "people.csv").read_text(encoding="utf-8")
    text = text.replace("Ruby,Patel", "Ruby,Patel-Shah").replace("K852200118101", "A852200118101")
    (bad / "people.csv").write_text(text, encoding="utf-8")
    report = import_directory(school=school, directory=load_directory(bad))
    assert not report.ok
    assert report.errors[0] == "people.csv row 2: UPN check letter is 'A' but should be 'K' (A852200118101)"
    after = list(Person.objects.order_by("pk").values_list("external_id", "legal_surname", "leaving_date"))
    assert after == before


def test_cli_import_and_missing_column(school, tmp_path, capsys):
    assert main(["people", "import", "--school", school.slug, str(DEMO_DIR / "brookside")]) == 0
    assert "13 new" in capsys.readouterr().out
    broken = tmp_path / "broken"
    shutil.copytree(DEMO_DIR / "brookside", broken)
    (broken / "people.csv").write_text("person_id,role,legal_forename\nX1,staff,Ann\n", encoding="utf-8")
    count = Person.objects.count()
    assert main(["people", "import", "--school", school.slug, str(broken)]) == 2
    err = capsys.readouterr().err
    assert "E202" in err and "legal_surname" in err and "nothing was changed" in err
    assert Person.objects.count() == count


def test_upload_page_imports_for_permitted_roles_only(client, school, make_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = {
        "people": SimpleUploadedFile("people.csv", (DEMO_DIR / "brookside" / "people.csv").read_bytes()),
        "relationships": SimpleUploadedFile("relationships.csv", (DEMO_DIR / "brookside" / "relationships.csv").read_bytes()),
    }
    teacher = make_user("staff", school=school)
    client.force_login(teacher)
    assert client.post("/people/import/", {"school": school.slug, **files}).status_code == 403
    assert Person.objects.count() == 0
    hr = make_user("hr", school=school)
    client.force_login(hr)
    for f in files.values():
        f.seek(0)
    response = client.post("/people/import/", {"school": school.slug, **files}, follow=True)
    assert response.status_code == 200
    assert "13 new" in response.content.decode()
    assert Person.objects.filter(school=school).count() == 13
