"""Routing by rule, from the pack: handler, required steps and cited clauses per case type."""

from __future__ import annotations

import pytest
from django.core import mail

from safesocial.accounts.roles import Role
from safesocial.cases.models import CaseType
from safesocial.cases.routing import route_for

pytestmark = pytest.mark.django_db


def step_codes(case):
    return [s.code for s in case.steps.all()]


def test_allegation_about_a_teacher_routes_to_the_headteacher_with_a_lado_step_citing_the_pack(report, users):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    assert case.handler_role == Role.HEADTEACHER
    assert case.route["pack_id"] == "walsall"
    assert "10.1" in [c["clause_id"] for c in case.route["clauses"]]
    lado = case.steps.get(code="lado_referral")
    assert lado.required and lado.due_at is not None
    assert "walsall 10.1" in case.route["steps"][0]["source"]
    assert case.route["gates"] == {"investigating": ["lado_referral"]}
    # walsall 10.1 names the police "where there may have been criminal activity": an optional step
    assert case.steps.get(code="police_consideration").required is False


def test_allegation_about_the_headteacher_routes_to_the_chair_of_governors(report, users):
    case = report("allegation", actor=users.teacher, subject_user=users.head)
    assert case.handler_role == Role.CHAIR_OF_GOVERNORS
    assert case.route["permission"] == "cases.handle_allegation"
    assert "lado_referral" in step_codes(case)


def test_allegation_marked_as_about_the_headteacher_routes_to_the_chair_without_naming_them(report, users):
    case = report("allegation", actor=users.parent, about_headteacher=True, subject_description="The head")
    assert case.handler_role == Role.CHAIR_OF_GOVERNORS


def test_allegation_about_the_chair_goes_to_the_trust(report, users):
    case = report("allegation", actor=users.teacher, subject_user=users.chair)
    assert case.handler_role == Role.TRUST_ADMIN
    assert case.route["permission"] == "cases.handle_escalated"


def test_a_pack_without_an_allegation_clause_still_gets_the_statutory_lado_step(report, users, brookside):
    case = report("allegation", actor=users.brookside_teacher, school=brookside)
    assert case.route["pack_id"] == "bitterne-park"
    assert case.route["clauses"] == []
    assert "lado_referral" in step_codes(case)
    assert "statutory baseline" in case.route["notes"][0]


def test_safeguarding_goes_to_the_dsl_with_an_immediate_alert(report, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = report("safeguarding", actor=users.teacher, summary="A pupil posted that they are scared to go home.")
    assert case.handler_role == Role.DSL
    assert case.route["handler_roles"] == ["dsl", "deputy_dsl"]
    alert = case.steps.get(code="dsl_alert")
    assert alert.is_recorded and alert.details["alerted"] == 2
    recipients = sorted(r for m in mail.outbox for r in m.to)
    assert recipients == ["deputy-dsl@demo.safesocial.invalid", "dsl@demo.safesocial.invalid"]
    assert mail.outbox[0].subject.startswith("URGENT:")
    assert "scared" not in mail.outbox[0].body  # e-mails carry no case details


def test_indecent_images_needs_police_and_lado_steps_takes_no_uploads_and_is_sealed(report, users):
    case = report("indecent_images", actor=users.teacher)
    assert step_codes(case) == ["police_referral", "lado_referral"]
    assert case.route["sealed"] is True and case.route["accepts_uploads"] is False
    assert case.route["viewer_roles"] == ["dsl", "deputy_dsl"]
    assert "investigating" not in case.transitions


def test_indecent_images_cites_the_welton_clauses_when_the_school_has_welton(school, make_user):
    from datetime import date

    from safesocial.policies.services import policy_adopt, policy_publish

    head = make_user(Role.HEADTEACHER, school=school)
    version = policy_adopt(
        school=school,
        pack_id="welton",
        label="2025.1",
        effective_from=date(2024, 9, 1),
        owner="Head",
        ratified_by="Governing board",
        ratified_on=date(2024, 7, 1),
        actor=head,
    )
    policy_publish(version=version, actor=head)
    route = route_for(case_type=CaseType.INDECENT_IMAGES, school=school)
    assert [c.clause_id for c in route.clauses] == ["2.7.1", "2.7.4a", "2.7.4b", "2.7.4c"]
    assert "Do not open, copy or forward the material" in route.steps[0].hint
    bullying = route_for(case_type=CaseType.BULLYING, school=school)
    assert "BUPA" in bullying.steps[0].hint  # the pack's signposting action
    assert [s.code for s in bullying.steps] == ["support_signposting", "removal_request", "police_decision"]
    unsuitable = route_for(case_type=CaseType.UNSUITABLE_MATERIAL, school=school)
    assert unsuitable.gates == {"investigating": ("hr_or_lado_advice",)}
    assert "welton 2.7.5a" in unsuitable.steps[0].source


def test_unsuitable_material_needs_hr_or_lado_advice_and_hr_may_see_it(report, users):
    case = report("unsuitable_material", actor=users.teacher)
    assert step_codes(case) == ["hr_or_lado_advice"]
    assert case.route["viewer_roles"] == ["hr"]


def test_bullying_of_staff_offers_support_a_removal_request_and_the_police_option(report, users):
    case = report("bullying", actor=users.teacher)
    assert case.handler_role == Role.HEADTEACHER
    assert step_codes(case) == ["support_signposting", "removal_request", "police_decision"]


def test_bullying_of_the_headteacher_is_handled_by_the_chair(report, users):
    case = report("bullying", actor=users.head)
    assert case.handler_role == Role.CHAIR_OF_GOVERNORS


def test_post_about_staff_follows_walsall_section_5(report, users):
    case = report("post_about_staff", actor=users.teacher)
    assert [c["clause_id"] for c in case.route["clauses"]] == ["5.1", "5.2", "5.3"]
    assert step_codes(case) == ["removal_request", "police_decision", "pupil_behaviour"]
    assert case.steps.get(code="police_decision").required is True  # 5.3 names the police


@pytest.mark.parametrize(
    ("subject", "role", "handler", "procedure", "clause"),
    [
        ("teacher", "", Role.HEADTEACHER, "staff disciplinary procedure", "9.1"),
        ("governor", "", Role.CHAIR_OF_GOVERNORS, "procedures for governors", "12.2"),
        ("volunteer", "", Role.HEADTEACHER, "volunteer's appointment", "9.1"),
        (None, "pupil", Role.HEADTEACHER, "behaviour policy", "7.5"),
    ],
)
def test_breach_takes_the_disciplinary_route_for_the_subjects_role(
    report, users, subject, role, handler, procedure, clause
):
    case = report("breach", actor=users.dsl, subject_user=users[subject] if subject else None, subject_role=role)
    assert case.handler_role == handler
    assert procedure in case.route["disciplinary_procedure"]
    assert clause in [c["clause_id"] for c in case.route["clauses"]]
    assert case.steps.get(code="disciplinary_route").required


def test_whistleblowing_stores_no_reporter_and_gives_a_receipt(report, users):
    case, receipt = report("whistleblowing", actor=users.teacher)
    assert case.reporter is None
    assert receipt and len(receipt) == 19
    assert "9.3" in [c["clause_id"] for c in case.route["clauses"]]


def test_the_route_is_fixed_when_the_case_is_opened(report, users, oakfield):
    from safesocial.policies.models import PolicyVersion

    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    PolicyVersion.objects.filter(school=oakfield).update(pack_snapshot={"clauses": []})
    case.refresh_from_db()
    assert "10.1" in [c["clause_id"] for c in case.route["clauses"]]


def test_a_pupils_breach_does_not_cite_staff_disciplinary_clauses(report, users):
    case = report("breach", actor=users.dsl, subject_role="pupil")
    assert [c for c in case.route["clauses"] if c["workflow"] == "disciplinary_routing"] == []
    assert case.route["disciplinary_procedure"] == "The behaviour policy"
    assert case.route["viewer_roles"] == []  # HR is named only for staff
