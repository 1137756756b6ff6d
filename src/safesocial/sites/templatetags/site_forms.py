"""Accessible form rendering for the sites pages: hints and errors tied to their inputs."""

from __future__ import annotations

from django import template
from django.forms import BoundField, CheckboxSelectMultiple, RadioSelect
from django.utils.safestring import SafeString

register = template.Library()


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def is_group(field: BoundField) -> bool:
    """Checkbox groups and radio buttons: rendered as a fieldset with a legend."""
    return isinstance(field.field.widget, CheckboxSelectMultiple | RadioSelect)


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return getattr(field.field.widget, "input_type", "") == "checkbox" and not is_group(field)


@register.filter
def described_by(field: BoundField) -> str:
    return _described_by(field)


@register.simple_tag
def field_input(field: BoundField) -> SafeString:
    """The field's widget with aria-describedby pointing at its hint and error, and aria-invalid."""
    attrs: dict[str, str] = {}
    described = _described_by(field)
    if described:
        attrs["aria-describedby"] = described
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def cite(clause_ref: str) -> str:
    """ "walsall:18.2b" -> "Walsall 18.2" (the clause's printed number, as the UI cites it)."""
    pack_id, _, clause_id = str(clause_ref).rpartition(":")
    label = clause_id
    try:
        from safesocial.engine.packs import load_pack

        pack = load_pack(pack_id) if pack_id else None
        if pack is not None and pack.has_clause(clause_id):
            label = getattr(pack.clause(clause_id), "label", None) or clause_id
    except Exception:  # noqa: S110 - an unknown pack id shows the reference as given
        pass
    return f"{pack_id.capitalize()} {label}".strip() if pack_id else label
