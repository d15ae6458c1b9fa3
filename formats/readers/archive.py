"""Reading an uploaded zip without trusting it: bounded in members, bytes and ratio, every fault one sentence.

A zip says in its directory how large each member unpacks to, but nothing makes that true: a bomb declares
1 KB and inflates to gigabytes. So the directory is only used to refuse early; the real sizes are counted
while inflating, a chunk at a time, and reading stops as soon as a limit is passed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import PurePath
from typing import IO

from formats.readers.model import FileProblem

# Far above a lifetime of logging (100,000 sets are about 5 MB of CSV), low enough to refuse a zip bomb.
MAX_BYTES = 100 * 1024 * 1024
# Threshold's export holds 9 files; a few folders or notes added by hand stay far below this.
MAX_MEMBERS = 100
# The zip's directory of those members: about 50 bytes each plus the name, so 100 members fit many times over.
MAX_DIRECTORY_BYTES = 256 * 1024
# CSV of workouts deflates about 5-15 to 1; past this a member is almost surely a bomb (deflate tops out near 1032).
MAX_RATIO = 200
# Small members may compress far better than that (a header and one repeated row), so the ratio counts only beyond.
RATIO_FREE_BYTES = 1024 * 1024
CHUNK = 256 * 1024
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
ENCRYPTED_FLAG = 0x1
_END = b"PK\x05\x06"
_END_LOCATOR_64 = b"PK\x06\x07"
_END_SEARCH = 22 + 0xFFFF  # the end record and the longest comment it may carry


def declared_directory(data: bytes | IO[bytes]) -> tuple[int, int] | None:
    """The member count and directory size in bytes that the zip's end record declares (zip64 too).

    None when there is no end record (zipfile then says the file is damaged). A stream is read from its end
    and left where it was.
    """
    if not isinstance(data, bytes):
        start = data.tell()
        size = data.seek(0, io.SEEK_END)
        data.seek(max(0, size - _END_SEARCH - 20))
        tail = data.read()
        data.seek(start)
        # A zip64 record lies further back; without it the markers (0xFFFF, 0xFFFFFFFF) stand and read as too many.
        return declared_directory(tail)
    at = data.rfind(_END, max(0, len(data) - _END_SEARCH))
    if at < 0 or len(data) < at + 22:
        return None
    entries, size = (int(n) for n in struct.unpack_from("<HI", data, at + 10))
    locator = at - 20
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and data[locator : locator + 4] == _END_LOCATOR_64:
        record = int(struct.unpack_from("<Q", data, locator + 8)[0])
        if record + 48 <= len(data):
            entries, size = (int(n) for n in struct.unpack_from("<QQ", data, record + 32))
    return entries, size


def _wanted(info: zipfile.ZipInfo) -> bool:
    name = info.filename.lower()
    return not info.is_dir() and "__macosx" not in name and not PurePath(name).name.startswith(".")


def check_member(filename: str, info: zipfile.ZipInfo) -> None:
    """Refuse a member that cannot be read safely, before inflating a byte of it."""
    inner = info.filename
    if info.flag_bits & ENCRYPTED_FLAG:
        raise FileProblem(filename, f"{inner} in the zip is protected by a password; zip the files again without one.")
    if info.compress_type not in READABLE_METHODS:
        raise FileProblem(
            filename,
            f"{inner} in the zip is compressed in a way Threshold does not read (method {info.compress_type}); "
            "zip the files again with your system's usual zip tool.",
        )
    if inner.lower().endswith((".zip", ".gz", ".7z", ".rar", ".tar")):
        raise FileProblem(filename, f"the zip holds another archive ({inner}); unpack it and upload its CSV files.")


def _inflate(filename: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """One member's bytes, read a chunk at a time against the remaining budget and the ratio limit."""
    allowed = min(budget, RATIO_FREE_BYTES + MAX_RATIO * info.compress_size)
    out = io.BytesIO()
    with archive.open(info) as member:
        first = True
        while chunk := member.read(CHUNK):
            if first and chunk.startswith(b"PK\x03\x04"):
                raise FileProblem(filename, f"{info.filename} in the zip is itself a zip; upload the CSV files inside.")
            first = False
            if out.tell() + len(chunk) > allowed:
                if allowed == budget:
                    raise FileProblem(filename, f"the zip unpacks to more than {MAX_BYTES // 2**20} MB; split it up.")
                raise FileProblem(
                    filename,
                    f"{info.filename} in the zip unpacks to more than {MAX_RATIO} times its packed size, "
                    "which export files never do; it was not read.",
                )
            out.write(chunk)
    return out.getvalue()


def zip_members(filename: str, data: bytes, wanted_suffix: str = ".csv") -> dict[str, bytes]:
    """The zip's CSV members by base name, read within the limits; FileProblem says in one sentence what is wrong."""
    count, directory = declared_directory(data) or (0, 0)
    if count > MAX_MEMBERS:
        raise FileProblem(filename, f"the zip holds {count:,} files, more than the {MAX_MEMBERS} Threshold reads.")
    # The count may lie; Python reads the directory by its size, so that is bounded too (before anything is parsed).
    if directory > MAX_DIRECTORY_BYTES:
        raise FileProblem(filename, f"the zip's list of files is longer than Threshold reads ({MAX_MEMBERS} files).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if _wanted(info)]
            if len(archive.infolist()) > MAX_MEMBERS:
                raise FileProblem(filename, f"the zip holds more than the {MAX_MEMBERS} files Threshold reads.")
            for info in infos:
                check_member(filename, info)
            csvs = [info for info in infos if info.filename.lower().endswith(wanted_suffix)]
            if sum(info.file_size for info in csvs) > MAX_BYTES:
                raise FileProblem(filename, f"the zip unpacks to more than {MAX_BYTES // 2**20} MB; split it up.")
            if not csvs:
                raise FileProblem(filename, "the zip holds no CSV files; upload the zip that Threshold exported.")
            names: dict[str, str] = {}
            for info in csvs:
                base = PurePath(info.filename).name
                if base.lower() in names:
                    raise FileProblem(
                        filename,
                        f"the zip holds two files named {base} ({names[base.lower()]} and {info.filename}); "
                        "keep one and upload again.",
                    )
                names[base.lower()] = info.filename
            members, budget = {}, MAX_BYTES
            for info in csvs:
                members[PurePath(info.filename).name] = content = _inflate(filename, archive, info, budget)
                budget -= len(content)
            return members
    except FileProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError, OSError) as error:
        raise FileProblem(
            filename, f"this zip file is damaged or incomplete ({_reason(error)}); download the export again."
        ) from None


def _reason(error: BaseException) -> str:
    """The library's own words, one line and short, for whoever looks into it."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]
