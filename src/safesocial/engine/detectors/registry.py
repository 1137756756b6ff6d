"""The one place detectors are registered. Adding a detector: one module, one line here, one test file.

``DETECTORS`` maps each stable versioned name to its class; ``default_detectors()`` builds them with
their default parameters, in the order they run.
"""

from __future__ import annotations

import functools

from .base import Detector
from .complaint import Complaint
from .confidential import Confidential
from .contact_boundary import ContactBoundary
from .contact_details import ContactDetails
from .defamation import Defamation
from .disclaimer import Disclaimer
from .discriminatory import Discriminatory
from .disrepute import Disrepute
from .offensive import Offensive
from .promotion import Promotion
from .pupil_image import PupilImage
from .pupil_names import PupilNames
from .safeguarding import Safeguarding
from .school_identity import SchoolIdentity

DETECTORS: dict[str, type] = {
    "safeguarding.v1": Safeguarding,
    "pupil_names.v1": PupilNames,
    "pupil_image.v1": PupilImage,
    "confidential.v1": Confidential,
    "contact_details.v1": ContactDetails,
    "offensive.v1": Offensive,
    "discriminatory.v1": Discriminatory,
    "defamation.v1": Defamation,
    "complaint.v1": Complaint,
    "school_identity.v1": SchoolIdentity,
    "promotion.v1": Promotion,
    "contact_boundary.v1": ContactBoundary,
    "disrepute.v1": Disrepute,
    "disclaimer.v1": Disclaimer,
}


@functools.cache
def default_detectors() -> tuple[Detector, ...]:
    """One instance of every registered detector with default parameters (they are stateless)."""
    detectors: list[Detector] = [cls() for cls in DETECTORS.values()]
    for name, det in zip(DETECTORS, detectors, strict=True):
        assert det.name == name, f"{type(det).__name__}.name is {det.name!r}, registered as {name!r}"
    return tuple(detectors)


def build_detector(name: str, **params: object) -> Detector:
    """A detector by name with parameters; unknown names and bad parameters raise ValueError."""
    try:
        cls = DETECTORS[name]
    except KeyError:
        raise ValueError(f"no detector named {name!r} (known: {', '.join(DETECTORS)})") from None
    try:
        detector: Detector = cls(**params)
    except TypeError as exc:
        raise ValueError(f"{name}: {exc}") from None
    return detector
