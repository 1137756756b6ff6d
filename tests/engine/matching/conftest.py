"""Fixtures for the connection audit tests: the Riverside test directory and the export fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safesocial.engine.directory import Directory, load_directory
from safesocial.engine.matching.matcher import Matcher
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import load_pack

TESTS = Path(__file__).resolve().parents[2]
EXPORTS = TESTS / "data" / "exports"
RIVERSIDE = TESTS / "data" / "directories" / "riverside"
AUDIT_DAY = date(2026, 11, 21)


@pytest.fixture(scope="session")
def riverside() -> Directory:
    return load_directory(RIVERSIDE)


@pytest.fixture(scope="session")
def matcher(riverside: Directory) -> Matcher:
    return Matcher(riverside)


@pytest.fixture(scope="session")
def exports() -> Path:
    return EXPORTS


def adopt(pack_id: str) -> AdoptedPolicy:
    return AdoptedPolicy.adopt(load_pack(pack_id))
