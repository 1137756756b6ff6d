"""Verify a case export on the receiving side (the LADO, the police). Pure Python: no Django, no database.

An export is a ZIP holding ``manifest.json`` (the SHA-256 and size of every other file), ``SHA256SUMS``
(the same hashes in the format ``sha256sum -c`` reads), ``summary.pdf`` and the evidence files.
``verify_export`` checks every listed file is present with the listed size and hash, that nothing is
in the archive that the manifest does not list, and that the two hash lists agree. It prints the
SHA-256 of the manifest itself, which the sender recorded in their audit trail, so the two sides can
confirm by telephone that the manifest is the one that was sent.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

FORMAT = "safesocial-case-export/1"
CONTROL_FILES = frozenset({"manifest.json", "SHA256SUMS", "README.txt"})
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 5 * 1024 * 1024


@dataclass
class ExportCheck:
    ok: bool = True
    case: str = ""
    files: int = 0
    manifest_sha256: str = ""
    problems: list[str] = field(default_factory=list)

    def fail(self, problem: str) -> None:
        self.ok = False
        self.problems.append(problem)


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not (name.startswith(("/", "\\")) or ".." in path.parts or "\\" in name or ":" in name)


def _hash_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    total = 0
    with archive.open(info) as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            total += len(block)
            if total > limit:
                raise ValueError("larger than listed")
            digest.update(block)
    return digest.hexdigest(), total


def verify_export(path: str | Path) -> ExportCheck:
    result = ExportCheck()
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        result.fail(f"not a readable ZIP archive: {exc}")
        return result
    with archive:
        infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        for name in infos:
            if not _safe_name(name):
                result.fail(f"unsafe file name in the archive: {name!r}")
        if not result.ok:
            return result
        manifest_info = infos.get("manifest.json")
        if manifest_info is None:
            result.fail("manifest.json is missing")
            return result
        if manifest_info.file_size > MAX_MANIFEST_BYTES:
            result.fail("manifest.json is implausibly large")
            return result
        raw = archive.read(manifest_info)
        result.manifest_sha256 = hashlib.sha256(raw).hexdigest()
        try:
            manifest = json.loads(raw)
        except ValueError:
            result.fail("manifest.json is not valid JSON")
            return result
        if manifest.get("format") != FORMAT:
            result.fail(f"manifest.json is not a {FORMAT} manifest")
            return result
        result.case = str(manifest.get("case", ""))
        listed: dict[str, dict[str, object]] = {}
        for entry in manifest.get("files", []):
            name = str(entry.get("path", ""))
            if not _safe_name(name) or name in CONTROL_FILES:
                result.fail(f"the manifest lists an unsafe or reserved name: {name!r}")
                continue
            listed[name] = entry
        for name, entry in listed.items():
            info = infos.get(name)
            if info is None:
                result.fail(f"{name}: listed in the manifest but missing from the archive")
                continue
            expected_size = int(entry.get("size", -1))  # type: ignore[call-overload]
            if info.file_size != expected_size:
                result.fail(f"{name}: size {info.file_size} bytes, the manifest says {expected_size}")
                continue
            try:
                digest, _size = _hash_member(archive, info, min(expected_size, MAX_MEMBER_BYTES))
            except (ValueError, zipfile.BadZipFile, OSError) as exc:
                result.fail(f"{name}: could not be read ({exc})")
                continue
            if digest != entry.get("sha256"):
                result.fail(f"{name}: SHA-256 {digest} does not match the manifest ({entry.get('sha256')})")
            else:
                result.files += 1
        for name in sorted(set(infos) - set(listed) - CONTROL_FILES):
            result.fail(f"{name}: in the archive but not listed in the manifest")
        sums = infos.get("SHA256SUMS")
        if sums is not None:
            for line in archive.read(sums).decode("utf-8", "replace").splitlines():
                if not line.strip():
                    continue
                digest, _, name = line.partition("  ")
                if name not in listed:
                    result.fail(f"SHA256SUMS lists {name!r}, which the manifest does not")
                elif listed[name].get("sha256") != digest:
                    result.fail(f"SHA256SUMS and manifest.json disagree about {name}")
        else:
            result.fail("SHA256SUMS is missing")
    return result
