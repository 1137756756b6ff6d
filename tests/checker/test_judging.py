"""The mapper: roles to checker roles, and the cached engine inputs per school."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from safesocial.accounts.models import User
from safesocial.checker import judging
from safesocial.people.models import DirectoryImport
from safesocial.policies import services as policy_services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("teacher", ["staff"]),
        ("head", ["staff"]),
        ("dsl", ["staff"]),
        ("comms", ["staff"]),
        ("governor", ["governor"]),
        ("chair", ["governor"]),
        ("volunteer", ["volunteer"]),
        ("contractor", ["contractor"]),
        ("parent", ["parent"]),
        ("pupil", ["pupil"]),
    ],
)
def test_demo_roles_map_to_checker_roles(oakfield, username, expected):
    user = User.objects.get(username=username)
    assert judging.checker_roles(user, oakfield) == expected
    assert judging.checker_role(user, oakfield) == expected[0]


def test_trust_roles_apply_at_every_school_of_the_trust(demo):
    trust = User.objects.get(username="trust")
    assert judging.checker_role(trust, demo["oakfield"]) == "staff"
    assert judging.checker_role(trust, demo["brookside"]) == "staff"
    assert {s.slug for s in judging.schools_to_check(trust)} == {"oakfield", "brookside"}


def test_someone_with_two_roles_is_checked_as_the_strictest_first(school, make_user):
    user = make_user("parent", "staff", school=school)
    assert judging.checker_roles(user, school) == ["staff", "parent"]


def test_no_role_means_no_checker_role(school, make_user, demo):
    outsider = make_user("staff", school=school)
    assert judging.checker_role(outsider, demo["oakfield"]) is None
    with pytest.raises(judging.CheckRefused) as refused:
        judging.judge_text(user=outsider, school=demo["oakfield"], text="Hello")
    assert refused.value.code == "A403"


def test_a_role_not_held_is_refused(oakfield):
    parent = User.objects.get(username="parent")
    with pytest.raises(judging.CheckRefused, match="do not hold that role"):
        judging.judge_text(user=parent, school=oakfield, text="Hello", role="staff")


def test_no_policy_in_force_is_refused_with_409(school, make_user):
    teacher = make_user("staff", school=school)
    with pytest.raises(judging.CheckRefused) as refused:
        judging.judge_text(user=teacher, school=school, text="Hello")
    assert (refused.value.code, refused.value.status) == ("A409", 409)
    assert judging.load_for_school(school) is None


def test_engine_inputs_are_cached_per_school_version_and_import(oakfield):
    first = judging.load_for_school(oakfield)
    assert first is not None
    assert first.policy.id == "walsall" and first.policy.version == first.version.label
    # the same school, version and directory: the same objects, not rebuilt
    assert judging.load_for_school(oakfield) is first
    # a new directory import rebuilds the context
    DirectoryImport.objects.create(school=oakfield, at=timezone.now(), by_label="test")
    after_import = judging.load_for_school(oakfield)
    assert after_import is not first
    assert judging.load_for_school(oakfield) is after_import


def test_a_new_policy_version_is_picked_up(oakfield):
    before = judging.load_for_school(oakfield)
    head = User.objects.get(username="head")
    today = timezone.localdate()
    version = policy_services.policy_adopt(
        school=oakfield,
        pack_id="welton",
        label="next",
        effective_from=today,
        owner="Head",
        ratified_by="Board",
        ratified_on=today,
        next_review=date(today.year + 1, today.month, 1),
        actor=head,
    )
    policy_services.policy_publish(version=version, actor=head)
    after = judging.load_for_school(oakfield)
    assert before.policy.id == "walsall"
    assert after.policy.id == "welton" and after.version.pk == version.pk
