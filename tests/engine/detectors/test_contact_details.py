import pytest

from safesocial.engine.detectors.contact_details import ContactDetails

from .conftest import fires

D = ContactDetails()

POSITIVE = [
    "ring me on 07700 900123",
    "call +44 (0)7700-900-456 tonight",
    "my number is 07700900999",
    "mobile: 07700.900.321",
    "0044 7700 900 111",
    "landline 0161 496 0123",
    "020 7946 0001 for bookings",
    "(01632) 960 123",
    "email me at jo.bloggs@gmail.com",
    "I live at 14 Acacia Avenue",
    "postcode LS1 4AB",
    "add me on snap: jo_b22",
    "my insta is @miss.b.teaches",
]
NEGATIVE = [
    "Year 6 scored 100 points in 2024",
    "SATs on 12 05 2025",
    "The score was 3-2 to us",
    "Our charity raised £1,250.75",
    "follow me on insta and I'll follow you back",  # no handle given
]
NEAR_MISS = [
    "call the school office on 01632 960000",  # the school's public number
    "email h.carter@oakfield.sch.uk",  # a work address: school_identity, not personal
]


@pytest.mark.parametrize("text", POSITIVE)
def test_contact_details_found_by_shape(text, oakfield):
    assert fires(D, text, oakfield)


@pytest.mark.parametrize("text", NEGATIVE + NEAR_MISS)
def test_numbers_that_are_not_contact_details(text, oakfield):
    assert not fires(D, text, oakfield)


def test_audience_facets(oakfield):
    from safesocial.engine.checker import Item

    (f,) = D.detect(Item("text me on 07700 900123", kind="message", recipient_role="pupil"), oakfield)
    assert "to_pupils" in f.facets and "phone" in f.facets
