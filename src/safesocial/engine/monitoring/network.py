"""Which equipment a request came from, and to whom (only where the school configured it).

By default every request in a school's proxy or filter log is taken to come from school equipment
and nobody is identified: findings and figures are aggregates. A school can say

* which client networks are staff's own devices (a BYOD wireless network) and which are not
  covered by the staff policy at all (pupil and guest networks): :class:`Network`;
* how to attribute traffic to people: by the proxy's authenticated user names, or by a mapping of
  school devices (IP addresses, ranges or client names as logged) to people: :class:`Attribution`.

Attribution is resolved where the log is read, so a partial aggregate carries person ids (or
nothing), never raw addresses.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from .errors import MonitoringConfigError

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
EQUIPMENT: tuple[str, ...] = ("school", "own")


def parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as logged ('10.0.0.5', '2001:db8::1', '::ffff:10.0.0.5', '[2001:db8::1]')."""
    raw = text.strip().strip("[]")
    if "%" in raw:  # IPv6 zone id
        raw = raw.split("%", 1)[0]
    try:
        addr = ipaddress.ip_address(raw)
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    return addr


def parse_network(text: str, *, where: str = "network") -> IPNetwork:
    try:
        return ipaddress.ip_network(str(text).strip(), strict=False)
    except ValueError as exc:
        raise MonitoringConfigError(
            f"{text!r} is not an IP address or range (e.g. 10.20.0.0/16)", code="E512", where=where
        ) from exc


def _networks(items: Any, where: str) -> tuple[IPNetwork, ...]:
    if items is None:
        return ()
    if isinstance(items, str):
        items = [x for x in items.split(",") if x.strip()]
    if not isinstance(items, (list, tuple)):
        raise MonitoringConfigError("expected a list of IP ranges", code="E512", where=where)
    return tuple(parse_network(x, where=where) for x in items)


@dataclass(frozen=True, slots=True)
class Network:
    """Client networks: own devices (BYOD) and excluded (not covered by the staff policy)."""

    own_device_networks: tuple[IPNetwork, ...] = ()
    excluded_networks: tuple[IPNetwork, ...] = ()
    _cache: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, *, origin: str = "network") -> Network:
        if not data:
            return cls()
        unknown = set(data) - {"own_device_networks", "excluded_networks"}
        if unknown:
            raise MonitoringConfigError(
                f"unknown keys {sorted(unknown)} (allowed: own_device_networks, excluded_networks)",
                code="E512",
                where=origin,
            )
        return cls(
            _networks(data.get("own_device_networks"), f"{origin}: own_device_networks"),
            _networks(data.get("excluded_networks"), f"{origin}: excluded_networks"),
        )

    @property
    def configured(self) -> bool:
        return bool(self.own_device_networks or self.excluded_networks)

    def equipment(self, client: str | None) -> str | None:
        """'school', 'own', or None when the client is on an excluded network."""
        if not self.configured or not client:
            return "school"
        cached = self._cache.get(client, "?")
        if cached != "?":
            return cached
        addr = parse_ip(client)
        result: str | None = "school"
        if addr is not None:
            if any(addr in n for n in self.excluded_networks):
                result = None
            elif any(addr in n for n in self.own_device_networks):
                result = "own"
        if len(self._cache) < 1_000_000:
            self._cache[client] = result
        return result

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "own_device_networks": [str(n) for n in self.own_device_networks],
            "excluded_networks": [str(n) for n in self.excluded_networks],
        }


def normalise_user(user: str | None) -> str | None:
    """Proxy user names as a stable key: '-' and '' are nobody; %-escapes decoded; lower-case."""
    if user is None:
        return None
    u = user.strip().strip('"')
    if u in ("", "-", "N/A", "n/a"):
        return None
    if "%" in u:
        u = unquote(u)
    return u.lower()


@dataclass(frozen=True, slots=True)
class Attribution:
    """How traffic is attributed to people.

    ``by="user"``: the proxy's authenticated user name. With ``users`` given, only those names are
    attributed (to the person id they map to); without it the user name itself is the person id.
    ``by="device"``: ``devices`` maps school devices (an address, a range, or a client name exactly
    as logged) to a person id.
    """

    by: str
    users: Mapping[str, str] | None = None
    devices: Mapping[str, str] = field(default_factory=dict)
    _nets: tuple[tuple[IPNetwork, str], ...] = field(default=(), repr=False, compare=False)
    _cache: dict[tuple[str | None, str | None], str | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.by not in ("user", "device"):
            raise MonitoringConfigError(
                f"attribution must be by 'user' or 'device', not {self.by!r}", code="E512", where="attribution"
            )
        if self.by == "device" and not self.devices:
            raise MonitoringConfigError(
                "device attribution needs a mapping of devices to people", code="E512", where="attribution"
            )
        nets = []
        for key, person in self.devices.items():
            if "/" in key or parse_ip(key) is not None:
                nets.append((parse_network(key.strip("[]"), where="attribution.devices"), str(person)))
        object.__setattr__(self, "_nets", tuple(nets))
        if self.users is not None:
            object.__setattr__(
                self, "users", {normalise_user(k) or "": str(v) for k, v in self.users.items() if normalise_user(k)}
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, origin: str = "attribution") -> Attribution:
        if not isinstance(data, Mapping):
            raise MonitoringConfigError("attribution must be a mapping", code="E512", where=origin)
        unknown = set(data) - {"by", "users", "devices"}
        if unknown:
            raise MonitoringConfigError(
                f"unknown keys {sorted(unknown)} (allowed: by, users, devices)", code="E512", where=origin
            )
        users = data.get("users")
        devices = data.get("devices") or {}
        if users is not None and not isinstance(users, Mapping):
            raise MonitoringConfigError("'users' must map user names to person ids", code="E512", where=origin)
        if not isinstance(devices, Mapping):
            raise MonitoringConfigError("'devices' must map devices to person ids", code="E512", where=origin)
        return cls(
            by=str(data.get("by", "")),
            users=None if users is None else {str(k): str(v) for k, v in users.items()},
            devices={str(k): str(v) for k, v in devices.items()},
        )

    def person(self, client: str | None, user: str | None) -> str | None:
        key = (client, user)
        if key in self._cache:
            return self._cache[key]
        result: str | None = None
        if self.by == "user":
            name = normalise_user(user)
            if name is not None:
                result = name if self.users is None else self.users.get(name)
        elif client:
            result = self.devices.get(client)
            if result is None:
                addr = parse_ip(client)
                if addr is not None:
                    for net, person in self._nets:
                        if addr in net:
                            result = person
                            break
        if len(self._cache) < 1_000_000:
            self._cache[key] = result
        return result

    def as_dict(self) -> dict[str, object]:
        return {
            "by": self.by,
            "users": None if self.users is None else dict(self.users),
            "devices": dict(self.devices),
        }


def config_fingerprint(network: Network, attribution: Attribution | None, default_tz: str) -> str:
    """What a partial aggregate depends on besides the platform list."""
    canonical = json.dumps(
        {
            "network": network.as_dict(),
            "attribution": None if attribution is None else attribution.as_dict(),
            "tz": default_tz,
        },
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]
