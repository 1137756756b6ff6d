import pytest

from safesocial.engine.checker import Item
from safesocial.engine.detectors.school_identity import SchoolIdentity

D = SchoolIdentity()

CASES = [
    (
        "Teacher at Oakfield Primary. Mum of two.",
        {"kind": "profile"},
        {"profile_name", "mention", "profile_profession"},
    ),
    ("Busy day at Oakfield today!", {}, {"mention"}),
    ("Contact me at h.carter@oakfield.sch.uk", {}, {"work_email"}),
    ("Speaking on behalf of Oakfield Primary, we reject these claims.", {}, {"representative", "mention"}),
    ("My new profile pic is the school logo", {}, {"logo"}),
    ("Tag @oakfieldprimary in your photos", {}, {"official_account", "mention"}),
    ("OPS rocks", {}, {"mention"}),
]


@pytest.mark.parametrize(("text", "item", "facets"), CASES)
def test_school_identity_facets(text, item, facets, oakfield):
    found = set().union(*(f.facets for f in D.detect(Item(text, **item), oakfield)))
    assert facets <= found


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Mum, runner, baker.", {"kind": "profile"}),
        ("ops, wrong chat", {}),  # the alias is matched in capitals only
        ("Busy day at Oakfield today!", {"channel": "official"}),  # the school's own channel
        ("Busy day at Oakfield today!", {"role": "parent"}),  # parents name the school freely
        ("I visited an oak field today", {}),
    ],
)
def test_no_identity_use(text, item, oakfield):
    assert not D.detect(Item(text, **item), oakfield)


def test_generic_school_names_without_context(generic):
    assert D.detect(Item("Proud to teach at Hillcrest Junior School"), generic)
