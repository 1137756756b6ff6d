"""The controlled vocabularies a policy pack is written in.

Each set is the single list of allowed values; the pack validator refers to them and so does every
consumer (checker, connection audit, workflows, monitoring). Adding a value here is a deliberate act.
"""

from __future__ import annotations

# Finding categories of the post checker (issue 3): exactly these names.
CATEGORIES: tuple[str, ...] = (
    "pupil_identified",
    "pupil_image",
    "confidential_information",
    "personal_contact_details",
    "offensive",
    "discriminatory",
    "defamatory_allegation",
    "complaint_or_grievance",
    "school_identity",
    "promotion",
    "inappropriate_contact",
    "safeguarding_concern",
    "disrepute",
    "missing_disclaimer",
)

# Workflow hooks a clause can name as topics, beside the categories.
HOOKS: tuple[str, ...] = (
    "acknowledgement",
    "review",
    "site_approval",
    "moderation",
    "media_enquiry",
    "report_to_headteacher",
    "report_to_dsl",
    "report_to_line_manager",
    "lado_referral",
    "police_referral",
    "disciplinary",
    "monitoring",
    "it_use",
    "training",
    "connections",
    "whistleblowing",
    "data_protection",
    "copyright",
    "privacy_settings",
    "scope",
    "definitions",
)

TOPICS: frozenset[str] = frozenset(CATEGORIES) | frozenset(HOOKS)

MODALITIES: tuple[str, ...] = (
    "must",
    "must_not",
    "should",
    "should_not",
    "may",
    "school_will",
    # `note`: a sentence that only explains (definitions, purpose, context); it binds nobody.
    "note",
)

# Who a clause binds. The first seven are the roles the post checker takes.
CHECKER_ROLES: tuple[str, ...] = (
    "staff",
    "governor",
    "volunteer",
    "contractor",
    "pupil",
    "parent",
    "public",
)
AUDIENCE: frozenset[str] = frozenset(CHECKER_ROLES) | frozenset(
    {
        "agency_worker",
        "pta_member",
        "partner_organisation",
        "school",  # the school as an institution: its own commitments (modality school_will)
        "headteacher",
        "dsl",
        "hr",
        "line_manager",
        "communications_manager",
        "site_administrator",
        "moderator",
        "chair_of_governors",
    }
)

# Roles that are "staff" for the purpose of binding: a clause that binds staff binds these too.
STAFF_LIKE: frozenset[str] = frozenset(
    {
        "headteacher",
        "dsl",
        "hr",
        "line_manager",
        "communications_manager",
        "site_administrator",
        "moderator",
        "agency_worker",
    }
)

CHANNELS: tuple[str, ...] = ("personal", "official")
KINDS: tuple[str, ...] = ("post", "comment", "message", "profile")

ENFORCEMENT_KINDS: tuple[str, ...] = ("detector", "rule", "workflow", "guidance")

# Rules: judgements computed by the engine from facts other than text.
RULES: frozenset[str] = frozenset(
    {
        "audience_scope",  # who the policy binds: the checker's role mapping applies it
        "channel_scope",  # personal vs official channel handling in the checker
        "connection_audit",  # relationship clauses applied to a connection export
        "it_use_monitoring",  # the adopted IT-use option applied to proxy and filter logs
    }
)

# Workflows: the application's declared state machines and records.
WORKFLOWS: frozenset[str] = frozenset(
    {
        "acknowledgement",
        "annual_review",
        "site_approval",
        "site_register",
        "site_moderation",
        "media_enquiry",
        "external_friend_request",
        "relationship_declaration",
        "case_safeguarding",
        "case_allegation",
        "case_indecent_images",
        "case_unsuitable_material",
        "case_bullying",
        "case_post_about_staff",
        "case_breach",
        "case_whistleblowing",
        "disciplinary_routing",
        "retention",
        "training_record",
    }
)

# Conditions under which a clause applies, and exceptions that lift it.
CONDITIONS: frozenset[str] = frozenset(
    {
        "prior_approval",
        "written_approval",
        "properly_authorised",
        "family_relationship",
        "acknowledged_social_circle",
        "emergency",
        "professional_network_not_public",
        "working_time",
        "rest_break",
        "outside_working_hours",
        "school_equipment",
        "own_device",
        "official_channel",
        "personal_channel",
        "legitimate_role",
        "parental_consent",
        "recognised_as_staff",
        "discusses_work",
        "on_roll",
        "former_pupil",
        "under_18",
        "sibling_on_roll",
        "school_hosted_site",
        "third_party_site",
        "acting_for_school",
        "pta_capacity",
        "educational_purpose",
    }
)

# Connection-audit relationship classes (issue 4).
RELATIONSHIPS: tuple[str, ...] = (
    "current_pupil",
    "former_pupil_under_18",
    "former_pupil_sibling_on_roll",
    "former_pupil",
    "parent_on_roll",
    "other_contact",
    "governor",
    "staff",
)

MODALITY_SEVERITY: dict[str, str] = {
    "must": "breach",
    "must_not": "breach",
    "should": "advise",
    "should_not": "advise",
}
