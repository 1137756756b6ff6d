"""Moderation: items judged by the post checker (channel official, the author's role), queued with
safeguarding first, decided by the site's own moderators only, illegal material hidden."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from safesocial.audit.models import AuditEvent
from safesocial.sites import selectors, services
from safesocial.sites.models import ModerationItem, SealedContent

from .conftest import snapshot

pytestmark = pytest.mark.django_db

ORDINARY = "Lovely photos of the nature walk, thank you to all the staff!"
SAFEGUARDING = (
    "Please help, my stepdad hits me when mum is at work and I am scared to go home tonight. Don't tell anyone."
)


@pytest.fixture
def policy(school, team):
    """Walsall adopted and in force at the school, so the checker has a policy to judge against."""
    from datetime import date

    from safesocial.policies.services import policy_adopt, policy_publish

    version = policy_adopt(
        school=school,
        pack_id="walsall",
        label="2025.1",
        effective_from=date(2025, 9, 1),
        owner="Head",
        ratified_by="Board",
        ratified_on=date(2025, 9, 1),
        actor=team.head,
    )
    return policy_publish(version=version, actor=team.head)


@pytest.fixture
def live(site, walk, policy):
    return walk(site, "live")


@pytest.fixture
def other_live(school, team, details, walk, policy):
    other = services.site_create(
        school=school, details=details(name="PE blog", moderators=[team.mod3, team.mod2]), actor=team.author
    )
    return walk(other, "live")


def receive(site, text=ORDINARY, role="parent", **kw):
    return services.moderation_receive(site=site, text=text, kind=kw.pop("kind", "comment"), author_role=role, **kw)


def unchanged(item, call, exc=(services.SiteError, PermissionDenied), match=None):
    before = (snapshot(item), AuditEvent.objects.count(), len(mail.outbox))
    with pytest.raises(exc, match=match):
        call()
    assert (snapshot(item), AuditEvent.objects.count(), len(mail.outbox)) == before


def test_an_item_is_judged_with_the_official_channel_and_its_authors_role(live):
    item = receive(live)
    assert item.status == "queued" and item.verdict in {"ok", "advise"}
    assert item.judgement["verdict"] == item.verdict
    assert AuditEvent.objects.filter(action="site.moderation_received").count() == 1
    event = AuditEvent.objects.get(action="site.moderation_received")
    assert ORDINARY not in str(event.data)  # no post text in the audit trail


def test_safeguarding_items_jump_the_queue_and_the_dsl_is_told_at_once(live, team, django_capture_on_commit_callbacks):
    first = receive(live)
    with django_capture_on_commit_callbacks(execute=True):
        urgent = receive(live, SAFEGUARDING, role="pupil")
    assert urgent.urgent and "safeguarding_concern" in urgent.categories
    queue = selectors.queue_for(user=team.mod1, site=live)["open"]
    assert [i.pk for i in queue] == [urgent.pk, first.pk]
    assert [m.to for m in mail.outbox] == [["dsl@example.org"]]
    assert SAFEGUARDING not in mail.outbox[0].body


def test_a_moderator_of_one_site_cannot_act_on_another(live, other_live, team):
    item = receive(other_live)
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="claim", actor=team.mod1),
        exc=PermissionDenied,
        match="not a moderator",
    )
    with pytest.raises(PermissionDenied):
        selectors.queue_for(user=team.mod1, site=other_live)
    with pytest.raises(ModerationItem.DoesNotExist):
        selectors.access_item(user=team.mod1, site=other_live, item_id=item.pk)
    services.moderation_transition(item=item, action="claim", actor=team.mod3)


def test_nobody_outside_the_team_moderates(live, team):
    item = receive(live)
    for actor in (team.head, team.comms, team.parent, team.dsl):
        unchanged(
            item,
            lambda actor=actor: services.moderation_transition(item=item, action="claim", actor=actor),
            exc=PermissionDenied,
        )


def test_a_moderator_on_leave_does_not_moderate(live, team):
    from datetime import timedelta

    from django.utils import timezone

    live.members.filter(user=team.mod1).update(away_until=timezone.localdate() + timedelta(days=3))
    item = receive(live)
    unchanged(
        item, lambda: services.moderation_transition(item=item, action="claim", actor=team.mod1), exc=PermissionDenied
    )


def test_only_the_claimer_decides(live, team):
    item = receive(live)
    item = services.moderation_transition(item=item, action="claim", actor=team.mod1, expected_status="queued")
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="approve", actor=team.mod2),
        exc=PermissionDenied,
        match="claimed",
    )
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="claim", actor=team.mod2),
        match="cannot be claimed",
    )
    item = services.moderation_transition(item=item, action="approve", actor=team.mod1)
    assert (item.status, item.decided_by) == ("approved", team.mod1)


def test_an_item_must_be_claimed_before_it_is_decided(live, team):
    item = receive(live)
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="approve", actor=team.mod1),
        match="cannot be approved",
    )


def test_a_removal_names_the_house_rule_broken(live, team):
    item = services.moderation_transition(item=receive(live), action="claim", actor=team.mod1)
    for bad in (None, 0, 4):
        unchanged(
            item,
            lambda bad=bad: services.moderation_transition(
                item=item, action="remove", actor=team.mod1, rule_number=bad
            ),
            match="house rule",
        )
    item = services.moderation_transition(item=item, action="remove", actor=team.mod1, rule_number=3)
    assert item.rule_broken == "3. No advertising."


def test_a_safeguarding_item_cannot_be_approved_and_is_escalated(live, team, django_capture_on_commit_callbacks):
    item = services.moderation_transition(
        item=receive(live, SAFEGUARDING, role="pupil"), action="claim", actor=team.mod1
    )
    unchanged(item, lambda: services.moderation_transition(item=item, action="approve", actor=team.mod1), match="18.6")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item = services.moderation_transition(item=item, action="escalate", actor=team.mod1, note="Disclosure.")
    assert item.status == "escalated" and mail.outbox[0].to == ["dsl@example.org"]
    assert list(selectors.escalations_for(user=team.dsl)) == [item]
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="close", actor=team.mod1, note="x"),
        exc=PermissionDenied,
    )
    unchanged(item, lambda: services.moderation_transition(item=item, action="close", actor=team.dsl), match="how")
    item = services.moderation_transition(item=item, action="close", actor=team.dsl, note="Referred to social care.")
    assert item.status == "closed"


def test_pupils_must_not_be_identifiable_on_a_site_for_children(school, team, details, walk, policy):
    from tests.factories.people import PersonFactory

    PersonFactory(
        school=school, role="pupil", upn="A123456789012", legal_forename="Ruby", legal_surname="Patel", year_group="6"
    )
    site = services.site_create(
        school=school,
        details=details(audience=["pupils", "staff"], audience_pupil_age_from=9, audience_pupil_age_to=11),
        actor=team.author,
    )
    site = walk(site, "live")
    item = receive(
        site, "Well done Ruby Patel in Year 6 for winning the cross-country race!", role="staff", kind="post"
    )
    assert item.identifies_pupil
    item = services.moderation_transition(item=item, action="claim", actor=team.mod1)
    unchanged(item, lambda: services.moderation_transition(item=item, action="approve", actor=team.mod1), match="18.2")
    services.moderation_transition(item=item, action="remove", actor=team.mod1, rule_number=2)


def test_escalating_as_illegal_hides_the_content_but_keeps_the_record(live, team, client):
    item = services.moderation_transition(
        item=receive(live, SAFEGUARDING, role="public"), action="claim", actor=team.mod1
    )
    item = services.moderation_transition(item=item, action="escalate_illegal", actor=team.mod1)
    item.refresh_from_db()
    assert item.status == "police_referral" and item.text == "" and item.text_sha256
    assert SealedContent.objects.get(item=item).text == SAFEGUARDING
    assert all("evidence" not in f and "span" not in f for f in item.judgement.get("findings", []))
    # a moderator is refused, and the attempt is audited
    with pytest.raises(PermissionDenied):
        selectors.access_sealed_content(user=team.mod1, item=item)
    assert AuditEvent.objects.filter(action="site.content_refused", actor=team.mod1).count() == 1
    # the DSL may read it; that is audited too
    assert selectors.access_sealed_content(user=team.dsl, item=item) == SAFEGUARDING
    assert AuditEvent.objects.filter(action="site.content_viewed", actor=team.dsl).count() == 1
    # the DSL records the referral
    unchanged(
        item, lambda: services.moderation_transition(item=item, action="referred", actor=team.dsl), match="reference"
    )
    item = services.moderation_transition(item=item, action="referred", actor=team.dsl, reference="CEOP-123")
    assert item.status == "referred" and item.referral_reference == "CEOP-123"


def test_hidden_content_is_never_rendered_to_moderators(live, team, client, policy):
    from django.urls import reverse

    item = services.moderation_transition(
        item=receive(live, SAFEGUARDING, role="public"), action="claim", actor=team.mod1
    )
    services.moderation_transition(item=item, action="escalate_illegal", actor=team.mod1)
    from safesocial.policies.services import policy_acknowledge

    for user in (team.mod1, team.dsl):  # so no page is replaced by the acknowledgement request
        policy_acknowledge(version=policy, actor=user)
    client.force_login(team.mod1)
    for url in (reverse("sites:queue", args=[live.pk]), reverse("sites:item", args=[live.pk, item.pk])):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert "stepdad" not in page and "Content hidden" in page
    response = client.get(reverse("sites:item_content", args=[live.pk, item.pk]))
    assert response.status_code == 403 and "stepdad" not in response.content.decode()
    assert AuditEvent.objects.filter(action="site.content_refused").count() == 1
    client.force_login(team.dsl)
    assert "stepdad" in client.get(reverse("sites:item_content", args=[live.pk, item.pk])).content.decode()


def test_only_live_sites_take_items(site, team, walk, policy):
    site = walk(site, "approved")
    with pytest.raises(services.SiteError, match="only live sites"):
        receive(site)
    assert not ModerationItem.objects.exists()


def test_bad_items_are_refused(live):
    for kwargs in ({"text": " "}, {"role": "alien"}, {"kind": "story"}, {"text": "x" * 20_001}):
        with pytest.raises(services.SiteError):
            receive(live, **kwargs)
    assert not ModerationItem.objects.exists()


def test_the_same_external_id_is_taken_once(live):
    first = receive(live, external_id="fb-1")
    with pytest.raises(services.DuplicateItem) as exc:
        receive(live, "something else", external_id="fb-1")
    assert exc.value.item == first and ModerationItem.objects.count() == 1


def test_manual_entry_is_for_the_sites_moderators(live, team):
    with pytest.raises(PermissionDenied):
        services.moderation_receive(
            site=live, text=ORDINARY, kind="comment", author_role="parent", source="manual", actor=team.head
        )
    item = services.moderation_receive(
        site=live, text=ORDINARY, kind="comment", author_role="parent", source="manual", actor=team.mod2
    )
    assert item.entered_by == team.mod2


ILLEGAL = "anyone want nudes of year 9 girls, dm for pics"


def test_illegal_material_goes_straight_to_the_police_step_hidden(live, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = receive(live, ILLEGAL, role="public")
    item.refresh_from_db()
    assert (item.status, item.text, item.urgent) == ("police_referral", "", True)
    assert SealedContent.objects.get(item=item).text == ILLEGAL
    assert "nudes" not in str(item.judgement) and item.judgement["redacted"] is True
    queue = selectors.queue_for(user=team.mod1, site=live)
    assert queue["open"] == [] and queue["hidden"] == [item]
    assert [m.to for m in mail.outbox] == [["dsl@example.org"]] and ILLEGAL not in mail.outbox[0].body
    assert "police" in mail.outbox[0].body
    # no moderator step applies to it; the DSL records the referral
    unchanged(item, lambda: services.moderation_transition(item=item, action="claim", actor=team.mod1))
    services.moderation_transition(item=item, action="referred", actor=team.dsl, reference="CEOP-9")


def test_an_ordinary_safeguarding_disclosure_is_not_hidden(live):
    item = receive(live, SAFEGUARDING, role="pupil")
    assert item.status == "queued" and item.text == SAFEGUARDING


def test_the_judging_context_is_reused_until_the_directory_or_policy_changes(live, school):
    from safesocial.sites import judging
    from tests.factories.people import PersonFactory

    first = judging._policy_and_context(school)
    assert judging._policy_and_context(school) is first
    PersonFactory(school=school, role="pupil", upn="B123456789012", legal_forename="Zed", legal_surname="Quill")
    second = judging._policy_and_context(school)
    assert second is not first
    assert any(p.legal_surname == "Quill" for p in second[1].people.values())


def test_items_are_judged_as_official_posts(live):
    # Walsall 17.9: staff must never give out personal contact details on the school's sites; on a
    # personal channel the same words are not a breach, so this shows channel="official" is used.
    item = receive(live, "Call me on 07700 900123 any time.", role="staff")
    assert item.verdict == "breach" and "personal_contact_details" in item.categories


def test_items_are_judged_with_their_authors_role(live):
    # Walsall binds staff, not parents: the same advertising is advice for staff and fine for a parent.
    text = "Visit my shop for cheap garden supplies, 20% off this week!"
    assert receive(live, text, role="staff").verdict == "advise"
    assert receive(live, text, role="parent").verdict == "ok"


def test_a_stale_or_tampered_item_step_is_refused(live, team):
    item = services.moderation_transition(item=receive(live), action="claim", actor=team.mod1)
    # the decision form said the item was still waiting; it has been claimed since
    unchanged(
        item,
        lambda: services.moderation_transition(item=item, action="approve", actor=team.mod1, expected_status="queued"),
        match="moved on",
    )
