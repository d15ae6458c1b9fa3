"""Files an attacker (or a broken tool) might upload: zip bombs, odd zips and malformed CSV, built in memory."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from tests.transfer_data import STRONG_6

MB = 1024 * 1024
CENTRAL = b"PK\x01\x02"
LOCAL = b"PK\x03\x04"
SESSIONS_HEADER = b"session_id,started_at,notes,rpe,deleted_at\n"


@dataclass(frozen=True)
class Hostile:
    """One hostile upload: its name, how to build it, and words the refusal must contain."""

    id: str
    filename: str
    build: Callable[[], bytes]
    says: str


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding the members as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zeros_member(name: str, size: int) -> bytes:
    """A zip with one member of `size` bytes that deflate to about a thousandth of that, written in chunks."""
    buffer = io.BytesIO()
    chunk = b"0" * MB
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open(name, "w", force_zip64=True) as member,
    ):
        member.write(SESSIONS_HEADER)
        for _ in range(size // MB):
            member.write(chunk)
    return buffer.getvalue()


def patched(data: bytes, *, local: dict[int, bytes] | None = None, central: dict[int, bytes] | None = None) -> bytes:
    """The zip with bytes overwritten at offsets within every local and every central-directory header."""
    out = bytearray(data)
    for signature, changes in ((LOCAL, local or {}), (CENTRAL, central or {})):
        at = out.find(signature)
        while at >= 0:
            for offset, value in changes.items():
                out[at + offset : at + offset + len(value)] = value
            at = out.find(signature, at + 4)
    return bytes(out)


def lying_sizes(data: bytes, declared: int) -> bytes:
    """A zip whose directory claims each member unpacks to `declared` bytes (not what it really does)."""
    size = struct.pack("<I", declared)
    return patched(data, local={22: size}, central={24: size})


def encrypted(data: bytes) -> bytes:
    """The zip with the 'encrypted' flag set on every member."""
    return patched(data, local={6: b"\x01\x00"}, central={8: b"\x01\x00"})


def method(data: bytes, number: int) -> bytes:
    """The zip claiming compression method `number` (99 is AES, which Python cannot read)."""
    code = struct.pack("<H", number)
    return patched(data, local={8: code}, central={10: code})


def renamed_inside(data: bytes) -> bytes:
    """A zip whose local header names a member differently from the directory (same length)."""
    return patched(data, local={30: b"S"})


def many_members(count: int) -> bytes:
    """A zip of `count` tiny CSV members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(count):
            archive.writestr(f"f{n}.csv", b"a,b\n1,2\n")
    return buffer.getvalue()


def lying_count(data: bytes, count: int) -> bytes:
    """The zip with its end record claiming `count` members (its directory still lists them all)."""
    at = data.rfind(b"PK\x05\x06")
    return data[: at + 8] + struct.pack("<HH", count, count) + data[at + 12 :]


def strong_bad_rows(count: int) -> bytes:
    """A Strong file whose every row has reps that are not a number."""
    header, row = STRONG_6.splitlines()[0], STRONG_6.splitlines()[2]
    bad = row.replace(",60,10,", ",60,abc,")
    return (header + "\n" + "\n".join(bad.replace("1,2026-10-01", f"{n},2026-10-01") for n in range(count))).encode()


APPLE = {"apple_health_export/export.xml": b'<?xml version="1.0"?>\n<HealthData locale="en_US"></HealthData>\n'}
SMALL = {"sessions.csv": SESSIONS_HEADER + b"1,2026-10-01 18:00:00,,,\n"}

CASES: tuple[Hostile, ...] = (
    Hostile("bomb by declared size", "bomb.zip", lambda: zeros_member("sessions.csv", 300 * MB), "more than 100 MB"),
    Hostile("bomb by ratio", "ratio.zip", lambda: zeros_member("sessions.csv", 60 * MB), "200 times its packed size"),
    Hostile(
        "bomb whose directory lies",
        "liar.zip",
        lambda: lying_sizes(zeros_member("sessions.csv", 300 * MB), 1024),
        "damaged",
    ),
    Hostile("bomb by member count", "many.zip", lambda: many_members(5000), "5,000 files"),
    Hostile("member count that lies", "liar2.zip", lambda: lying_count(many_members(5000), 3), "list of files"),
    Hostile("nested zip by name", "nested.zip", lambda: zipped({"inner.zip": zipped(SMALL)}), "another archive"),
    Hostile("nested zip as CSV", "nested2.zip", lambda: zipped({"sessions.csv": zipped(SMALL)}), "itself a zip"),
    Hostile("encrypted member", "locked.zip", lambda: encrypted(zipped(SMALL)), "password"),
    Hostile("encrypted Apple Health export", "export.zip", lambda: encrypted(zipped(APPLE)), "password"),
    Hostile(
        "Apple Health export as bzip2", "export.zip", lambda: zipped(APPLE, zipfile.ZIP_BZIP2), "compressed in a way"
    ),
    Hostile("bzip2 member", "bz.zip", lambda: zipped(SMALL, zipfile.ZIP_BZIP2), "compressed in a way"),
    Hostile("lzma member", "xz.zip", lambda: zipped(SMALL, zipfile.ZIP_LZMA), "compressed in a way"),
    Hostile("unknown method (AES)", "aes.zip", lambda: method(zipped(SMALL), 99), "method 99"),
    Hostile("headers disagree", "odd.zip", lambda: renamed_inside(zipped(SMALL)), "damaged"),
    Hostile("truncated zip", "cut.zip", lambda: zipped(SMALL)[:60], "damaged"),
    Hostile(
        "duplicate base names",
        "dupes.zip",
        lambda: zipped({"a/sessions.csv": SMALL["sessions.csv"], "b/sessions.csv": SMALL["sessions.csv"]}),
        "two files named sessions.csv",
    ),
    Hostile("huge CSV", "huge.csv", lambda: SESSIONS_HEADER + b"1" * (101 * MB), "larger than 100 MB"),
    Hostile("NUL bytes in CSV", "nul.csv", lambda: STRONG_6.encode().replace(b"Legs", b"Le\x00gs"), "not valid CSV"),
    Hostile("over-long cell", "long.csv", lambda: SESSIONS_HEADER + b'1,"' + b"x" * MB + b'",,,\n', "not valid CSV"),
    Hostile("mixed encodings", "mixed.csv", lambda: STRONG_6.replace("Legs", "Café").encode() + b"caf\xe9\n", "mixes"),
    Hostile("binary named CSV", "photo.csv", lambda: bytes(range(256)) * 64, "not valid CSV"),
    Hostile("empty file", "empty.csv", lambda: b"", "empty"),
)
