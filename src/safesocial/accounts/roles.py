"""Roles and named permissions: declared once, checked in views and in services.

A user holds roles per school (RoleAssignment.school) or across a whole organisation
(RoleAssignment.organisation: a trust, federation or local authority), which then applies to every
school that organisation owns.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    HEADTEACHER = "headteacher", "Headteacher"
    DSL = "dsl", "Designated safeguarding lead"
    DEPUTY_DSL = "deputy_dsl", "Deputy designated safeguarding lead"
    HR = "hr", "HR"
    LINE_MANAGER = "line_manager", "Line manager"
    COMMUNICATIONS_MANAGER = "communications_manager", "Communications manager"
    SITE_ADMINISTRATOR = "site_administrator", "Site administrator"
    MODERATOR = "moderator", "Moderator"
    STAFF = "staff", "Staff"
    GOVERNOR = "governor", "Governor"
    CHAIR_OF_GOVERNORS = "chair_of_governors", "Chair of governors"
    VOLUNTEER = "volunteer", "Volunteer"
    CONTRACTOR = "contractor", "Contractor"
    PARENT = "parent", "Parent or carer"
    PUPIL = "pupil", "Pupil"
    TRUST_ADMIN = "trust_admin", "Trust central team"


# Which audience of a policy pack (vocab.AUDIENCE) each role belongs to, for binding and checking.
ROLE_AUDIENCE: dict[str, str] = {
    Role.HEADTEACHER: "staff",
    Role.DSL: "staff",
    Role.DEPUTY_DSL: "staff",
    Role.HR: "staff",
    Role.LINE_MANAGER: "staff",
    Role.COMMUNICATIONS_MANAGER: "staff",
    Role.SITE_ADMINISTRATOR: "staff",
    Role.MODERATOR: "staff",
    Role.STAFF: "staff",
    Role.GOVERNOR: "governor",
    Role.CHAIR_OF_GOVERNORS: "governor",
    Role.VOLUNTEER: "volunteer",
    Role.CONTRACTOR: "contractor",
    Role.PARENT: "parent",
    Role.PUPIL: "pupil",
    Role.TRUST_ADMIN: "staff",
}

LEADERS = frozenset({Role.HEADTEACHER, Role.TRUST_ADMIN})
SAFEGUARDING = frozenset({Role.DSL, Role.DEPUTY_DSL})

# Named permissions -> roles that hold them. Checked by accounts.permissions.has_perm.
PERMISSIONS: dict[str, frozenset[str]] = {
    # policies
    "policies.adopt": frozenset({Role.HEADTEACHER, Role.HR, Role.TRUST_ADMIN}),
    "policies.publish": frozenset({Role.HEADTEACHER, Role.TRUST_ADMIN}),
    "policies.review": frozenset({Role.HEADTEACHER, Role.GOVERNOR, Role.CHAIR_OF_GOVERNORS, Role.TRUST_ADMIN}),
    "policies.view_acknowledgements": frozenset(
        {Role.HEADTEACHER, Role.HR, Role.DSL, Role.CHAIR_OF_GOVERNORS, Role.TRUST_ADMIN}
    ),
    "policies.send_reminders": frozenset({Role.HEADTEACHER, Role.HR, Role.TRUST_ADMIN}),
    # people
    "people.import": frozenset({Role.HEADTEACHER, Role.HR, Role.TRUST_ADMIN}),
    "people.view_directory": frozenset({Role.HEADTEACHER, Role.HR, Role.DSL, Role.DEPUTY_DSL, Role.TRUST_ADMIN}),
    # connections
    "connections.view_completion": frozenset({Role.HEADTEACHER, Role.HR, Role.DSL, Role.TRUST_ADMIN}),
    "connections.acknowledge_declaration": frozenset({Role.HEADTEACHER}),
    # sites
    "sites.request": frozenset(
        {Role.STAFF, Role.HEADTEACHER, Role.LINE_MANAGER, Role.COMMUNICATIONS_MANAGER, Role.DSL, Role.SITE_ADMINISTRATOR}
    ),
    "sites.approve_line_manager": frozenset({Role.LINE_MANAGER, Role.HEADTEACHER}),
    "sites.approve_communications": frozenset({Role.COMMUNICATIONS_MANAGER}),
    "sites.approve_headteacher": frozenset({Role.HEADTEACHER}),
    "sites.view_register": frozenset(
        {Role.HEADTEACHER, Role.COMMUNICATIONS_MANAGER, Role.SITE_ADMINISTRATOR, Role.DSL, Role.TRUST_ADMIN, Role.LINE_MANAGER}
    ),
    "sites.manage_all": frozenset({Role.HEADTEACHER}),
    "sites.handle_escalations": frozenset({Role.DSL, Role.DEPUTY_DSL}),
    # cases
    "cases.handle_safeguarding": frozenset({Role.DSL, Role.DEPUTY_DSL}),
    "cases.handle_allegation": frozenset({Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}),
    "cases.handle_hr": frozenset({Role.HR, Role.HEADTEACHER}),
    "cases.view_reports": frozenset({Role.HEADTEACHER, Role.DSL, Role.GOVERNOR, Role.CHAIR_OF_GOVERNORS, Role.TRUST_ADMIN}),
    "cases.retention": frozenset({Role.HEADTEACHER, Role.TRUST_ADMIN}),
    "cases.handle_escalated": frozenset({Role.CHAIR_OF_GOVERNORS, Role.TRUST_ADMIN}),
    # monitoring
    "monitoring.view_report": frozenset({Role.HEADTEACHER, Role.DSL, Role.TRUST_ADMIN, Role.GOVERNOR}),
    "monitoring.view_individuals": frozenset({Role.HEADTEACHER, Role.DSL}),
    "monitoring.configure": frozenset({Role.HEADTEACHER, Role.TRUST_ADMIN}),
    # audit
    "audit.view": frozenset({Role.HEADTEACHER, Role.TRUST_ADMIN}),
}
