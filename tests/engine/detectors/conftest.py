"""Shared helpers for detector tests: the demo school contexts and a one-call ``categories``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safesocial.engine.checker import Item, SchoolContext, build_context
from safesocial.engine.directory import load_directory

DEMO = Path(__file__).resolve().parents[3] / "src" / "safesocial" / "demo"
ON = date(2025, 11, 3)


@pytest.fixture(scope="session")
def oakfield() -> SchoolContext:
    directory = load_directory(DEMO / "oakfield")
    return build_context(directory.school, directory, on=ON)


@pytest.fixture(scope="session")
def brookside() -> SchoolContext:
    directory = load_directory(DEMO / "brookside")
    return build_context(directory.school, directory, on=ON)


@pytest.fixture(scope="session")
def generic() -> SchoolContext:
    return build_context()


def fires(detector, text: str, context: SchoolContext, **item) -> bool:
    return bool(detector.detect(Item(text, **item), context))
