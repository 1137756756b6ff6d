"""Which social media platform a host name belongs to.

The maintained list is ``data/platforms.yaml`` (documented there and in docs/monitoring.md). A
school edits it for itself with an override (add domains or platforms, remove domains or whole
platforms, mark hosts that do not imply use) rather than by editing the file.

Matching is by suffix on whole labels and the most specific entry wins::

    >>> plist = PlatformList.builtin()
    >>> plist.classify("www.facebook.com"), plist.classify("connect.facebook.net")
    ('facebook', None)
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import MonitoringConfigError

_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_PLATFORM_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def normalise_host(host: str) -> str:
    """Lower-case, without a trailing dot or surrounding space."""
    return host.strip().lower().rstrip(".")


def _domain(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise MonitoringConfigError(f"expected a domain name, got {value!r}", code="E511", where=where)
    domain = normalise_host(value)
    if not _DOMAIN.match(domain):
        raise MonitoringConfigError(
            f"{value!r} is not a domain name (letters, digits and hyphens in dot-separated labels, e.g. facebook.com)",
            code="E511",
            where=where,
        )
    return domain


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: str
    domains: tuple[str, ...]
    not_use: tuple[str, ...] = ()
    seed: bool = False  # named by one of the seed policies

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "domains": list(self.domains),
            "not_use": list(self.not_use),
            "seed": self.seed,
        }


@dataclass(frozen=True, slots=True)
class PlatformList:
    """An immutable platform list with a suffix index. Build with :meth:`builtin` or :meth:`from_mapping`."""

    version: str
    platforms: tuple[Platform, ...]
    _index: Mapping[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, str | None] = {}
        seen_ids: set[str] = set()
        for p in self.platforms:
            if p.id in seen_ids:
                raise MonitoringConfigError(f"platform {p.id!r} is listed twice", code="E511")
            seen_ids.add(p.id)
            for d in p.domains:
                owner = index.get(d)
                if d in index and owner != p.id:
                    raise MonitoringConfigError(
                        f"domain {d!r} is listed under both {owner!r} and {p.id!r}", code="E511"
                    )
                index[d] = p.id
        for p in self.platforms:
            for d in p.not_use:
                index[d] = None  # a host that does not imply use: more specific, so it wins
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __reduce__(self) -> tuple[Any, ...]:  # picklable for process pools (mappingproxy is not)
        return (PlatformList, (self.version, self.platforms))

    # ------------------------------------------------------------------ construction
    @classmethod
    def builtin(cls) -> PlatformList:
        return _builtin()

    @classmethod
    def from_mapping(cls, data: Any, *, origin: str = "platforms") -> PlatformList:
        if not isinstance(data, dict) or not isinstance(data.get("platforms"), dict):
            raise MonitoringConfigError("expected a mapping with a 'platforms' mapping", code="E511", where=origin)
        platforms = []
        for pid, raw in data["platforms"].items():
            platforms.append(_platform(pid, raw, f"{origin}: {pid}"))
        return cls(version=str(data.get("version", "")), platforms=tuple(platforms))

    @classmethod
    def from_file(cls, path: str | Path) -> PlatformList:
        return cls.from_mapping(_load_yaml(path), origin=str(path))

    def with_overrides(self, overrides: Mapping[str, Any] | None, *, origin: str = "override") -> PlatformList:
        """A school's edit of the list. Keys (all optional)::

        add:        {platform_id: [domain, ...]}                  # more domains for a platform
                    {new_id: {name: Nextdoor, domains: [...]}}    # or a new platform
        remove:     [domain or platform_id, ...]                  # stop counting these
        not_use:    [host, ...]                                    # hosts that do not imply use
        """
        if not overrides:
            return self
        if not isinstance(overrides, Mapping):
            raise MonitoringConfigError("a platform override must be a mapping", code="E511", where=origin)
        unknown = set(overrides) - {"add", "remove", "not_use"}
        if unknown:
            raise MonitoringConfigError(
                f"unknown keys {sorted(unknown)} (allowed: add, remove, not_use)", code="E511", where=origin
            )
        by_id = {p.id: p for p in self.platforms}
        order = [p.id for p in self.platforms]

        remove = overrides.get("remove") or []
        if not isinstance(remove, list):
            raise MonitoringConfigError("'remove' must be a list", code="E511", where=origin)
        for item in remove:
            if isinstance(item, str) and item in by_id:
                del by_id[item]
                order.remove(item)
                continue
            domain = _domain(item, f"{origin}: remove")
            found = False
            for pid, p in list(by_id.items()):
                if domain in p.domains or domain in p.not_use:
                    found = True
                    by_id[pid] = Platform(
                        p.id,
                        p.name,
                        tuple(d for d in p.domains if d != domain),
                        tuple(d for d in p.not_use if d != domain),
                        p.seed,
                    )
            if not found:
                raise MonitoringConfigError(
                    f"cannot remove {item!r}: it is neither a listed domain nor a platform id",
                    code="E511",
                    where=origin,
                )

        add = overrides.get("add") or {}
        if not isinstance(add, Mapping):
            raise MonitoringConfigError("'add' must be a mapping of platform id to domains", code="E511", where=origin)
        for pid, raw in add.items():
            where = f"{origin}: add.{pid}"
            if pid in by_id and isinstance(raw, list):
                p = by_id[pid]
                extra = tuple(d for d in (_domain(x, where) for x in raw) if d not in p.domains)
                by_id[pid] = Platform(p.id, p.name, p.domains + extra, p.not_use, p.seed)
            else:
                by_id[pid] = _platform(pid, raw, where)
                if pid not in order:
                    order.append(pid)
            # A domain the school adds is use, even where the list said a host there is not.
            added = set(by_id[pid].domains)
            for other, p in list(by_id.items()):
                if added & set(p.not_use):
                    by_id[other] = Platform(
                        p.id, p.name, p.domains, tuple(d for d in p.not_use if d not in added), p.seed
                    )

        not_use = overrides.get("not_use") or []
        if not isinstance(not_use, list):
            raise MonitoringConfigError("'not_use' must be a list of host names", code="E511", where=origin)
        if not_use:
            hosts = tuple(_domain(x, f"{origin}: not_use") for x in not_use)
            first = order[0] if order else None
            if first is None:
                raise MonitoringConfigError("no platforms left to attach 'not_use' to", code="E511", where=origin)
            # Attach each host to the platform whose domain it falls under (for documentation).
            for host in hosts:
                owner = self._owner_of(host, by_id) or first
                p = by_id[owner]
                by_id[owner] = Platform(p.id, p.name, p.domains, (*p.not_use, host), p.seed)

        version = f"{self.version}+school" if self.version else "school"
        return PlatformList(version=version, platforms=tuple(by_id[i] for i in order))

    @staticmethod
    def _owner_of(host: str, by_id: Mapping[str, Platform]) -> str | None:
        for pid, p in by_id.items():
            for d in p.domains:
                if host == d or host.endswith("." + d):
                    return pid
        return None

    # ------------------------------------------------------------------ use
    def classify(self, host: str | None) -> str | None:
        """The platform id for a host, or None (not social media, or a host that does not imply use)."""
        if not host:
            return None
        candidate = normalise_host(host)
        index = self._index
        while candidate:
            if candidate in index:
                return index[candidate]
            dot = candidate.find(".")
            if dot < 0:
                return None
            candidate = candidate[dot + 1 :]
        return None

    def name(self, platform_id: str) -> str:
        for p in self.platforms:
            if p.id == platform_id:
                return p.name
        return platform_id

    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.platforms)

    def literals(self) -> tuple[str, ...]:
        """Every listed domain: a line that contains none of these cannot reach a platform."""
        return tuple(sorted({d for p in self.platforms for d in p.domains}))

    def as_dict(self) -> dict[str, object]:
        return {"version": self.version, "platforms": {p.id: p.as_dict() for p in self.platforms}}

    def fingerprint(self) -> str:
        """A short stable hash: partial aggregates from different lists must not be merged."""
        canonical = json.dumps(
            [[p.id, sorted(p.domains), sorted(p.not_use)] for p in sorted(self.platforms, key=lambda p: p.id)]
        )
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _platform(pid: Any, raw: Any, where: str) -> Platform:
    if not isinstance(pid, str) or not _PLATFORM_ID.match(pid):
        raise MonitoringConfigError(
            f"platform id {pid!r} must be lower-case letters, digits or '_'", code="E511", where=where
        )
    if not isinstance(raw, dict):
        raise MonitoringConfigError("a platform needs a mapping with name and domains", code="E511", where=where)
    unknown = set(raw) - {"name", "domains", "not_use", "seed"}
    if unknown:
        raise MonitoringConfigError(f"unknown keys {sorted(unknown)}", code="E511", where=where)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise MonitoringConfigError("a platform needs a name", code="E511", where=where)
    domains = raw.get("domains")
    if not isinstance(domains, list) or not domains:
        raise MonitoringConfigError("a platform needs a non-empty list of domains", code="E511", where=where)
    not_use = raw.get("not_use") or []
    if not isinstance(not_use, list):
        raise MonitoringConfigError("not_use must be a list", code="E511", where=where)
    return Platform(
        id=pid,
        name=name.strip(),
        domains=tuple(dict.fromkeys(_domain(d, where) for d in domains)),
        not_use=tuple(dict.fromkeys(_domain(d, where) for d in not_use)),
        seed=bool(raw.get("seed", False)),
    )


def _load_yaml(path: str | Path) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MonitoringConfigError(f"cannot read: {exc}", code="E511", where=str(path)) from exc


def load_overrides(path: str | Path) -> Mapping[str, Any]:
    """Read a school's platform override file (YAML or JSON)."""
    data = _load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MonitoringConfigError("an override file must hold a mapping", code="E511", where=str(path))
    return data


@functools.cache
def _builtin() -> PlatformList:
    text = resources.files("safesocial.engine.monitoring").joinpath("data/platforms.yaml").read_text(encoding="utf-8")
    return PlatformList.from_mapping(yaml.safe_load(text), origin="platforms.yaml")
