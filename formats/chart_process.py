"""The report's chart images drawn with a second process, so they are drawn while the first lays out the PDF.

vl-convert keeps hold of Python's lock while it starts its JavaScript engine (about 0.5 s of CPU) and while it
draws, so a thread cannot overlap it with anything. A command-line report starts this process first: it loads
only vl-convert and starts the engine while the report's own process imports the rest and reads the data. It is
then sent each chart as vl-convert's arguments (formats/images.report_png_arguments) as soon as the report's
process has built it, and draws it as a PNG (the same bytes as formats/vl_engine.draw_png in one process) while
the report's process goes on. The specs stay in the report's process, which makes them from specs kept ahead
(formats/report_specs.py) and the rows it has read: this one, loading pandas (and Altair for what is not kept)
after the engine, would be ready later than the report's process has the charts' rows, and it is already the
slower of the two (drawing a year's five charts takes about 0.7 s, laying them out a fifth of that).

A PNG image is drawn as an SVG and then turned into the PNG (formats/vl_engine.draw_svg and png_of_svg: the same
bytes as drawing it at once). That second step, about a third of the drawing, needs no engine. The report's
process lays out the first charts while it still has its own work, but once it waits for an image it says so (a
byte on a second pipe, `HURRY_FD`), and from then on this process answers with the SVG, which the report's process
turns into the PNG while this one draws the next: a year's charts had kept this process busy about twice as long
as the report's process took for everything else it did meanwhile. On a busy machine the report's process is the
later one, never waits, and gets PNG images as before.

Run as `python -m formats.chart_process`: it reads pickled requests (a list of vl-convert arguments) on stdin
and answers each with its pickled images on stdout (a list of pairs: "png" or "svg", and the image's bytes),
until stdin closes.
"""

from __future__ import annotations

import os
import pickle
import queue
import select
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from formats.vl_engine import png_of_svg

ROOT = Path(__file__).resolve().parent.parent
# Room in the pipe for every chart of a long report, so sending one never waits for this process to finish drawing
# the one before (a year's charts are about 70 KB; a pipe holds 64 KB unless told; 1 MiB is the most Linux
# lets a user ask for).
REQUEST_ROOM = 1 << 20
# The environment variable naming the chart process's end of the pipe on which the report's process says it waits.
HURRY_FD = "THRESHOLD_CHART_HURRY_FD"
PNG = "png"
SVG = "svg"


class ChartProcessError(RuntimeError):
    """The chart process stopped or answered with something other than drawings."""


class ChartProcess:
    """A started chart process: send charts with `draw`, collect their images with `images`, then `close`."""

    def __init__(self, command: Sequence[str] = (sys.executable, "-m", "formats.chart_process")) -> None:
        hurry_read, self._hurry = os.pipe()
        try:
            self._child = subprocess.Popen(
                command,
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                pass_fds=(hurry_read,),
                env={**os.environ, HURRY_FD: str(hurry_read)},
            )
        except BaseException:
            os.close(self._hurry)
            raise
        finally:
            os.close(hurry_read)
        self._hurried = False
        # Each request not yet collected, in order (an SVG answer is turned into the PNG at its chart's scale).
        self._asked: deque[list[dict[str, Any]]] = deque()
        if sys.platform == "linux" and self._child.stdin is not None:
            import fcntl

            with suppress(OSError):  # a smaller pipe only makes `draw` wait at times
                fcntl.fcntl(self._child.stdin.fileno(), fcntl.F_SETPIPE_SZ, REQUEST_ROOM)

    def draw(self, charts: Sequence[Mapping[str, Any]]) -> None:
        """Ask for the PNG images of these charts (vl-convert's arguments each); the answer waits in the pipe
        (ask once a chart to have the first one back while the next is drawn)."""
        stdin = self._child.stdin
        assert stdin is not None
        asked = [dict(chart) for chart in charts]
        try:
            pickle.dump(asked, stdin, protocol=pickle.HIGHEST_PROTOCOL)
            stdin.flush()
            self._asked.append(asked)
        except (OSError, ValueError) as error:  # ValueError: the pipe was closed here
            raise ChartProcessError(f"The chart process is gone: {error}.") from None

    def images(self) -> list[bytes]:
        """The PNG images of every `draw` not yet collected, in the order asked."""
        return list(self.each())

    def each(self) -> Iterator[bytes]:
        """The PNG images of every `draw` not yet collected, in the order asked, each as soon as it is here.

        Asks for the SVG of the charts still to draw once it has to wait for one, and turns them into the PNG here.
        """
        stdout = self._child.stdout
        assert stdout is not None
        while self._asked:
            self._hurry_if_waiting(stdout.fileno())
            try:
                answer: Any = pickle.load(stdout)
            except (EOFError, ValueError, pickle.UnpicklingError) as error:
                raise ChartProcessError(f"The chart process stopped without its images: {error!r}.") from None
            if not isinstance(answer, list) or not all(_is_image(image) for image in answer):
                raise ChartProcessError("The chart process answered with something other than images.")
            asked = self._asked.popleft()
            if len(answer) != len(asked):
                raise ChartProcessError("The chart process answered with more or fewer images than asked.")
            for (form, image), chart in zip(answer, asked, strict=True):
                yield png_of_svg(image.decode(), chart) if form == SVG else image

    def _hurry_if_waiting(self, answers: int) -> None:
        """Tell the process, once, that this one waits for an image (no answer has come in yet)."""
        if self._hurried or self._hurry < 0 or select.select([answers], [], [], 0)[0]:
            return
        self._hurried = True
        with suppress(OSError):  # gone: reading its answer says so
            os.write(self._hurry, b"!")

    def stop(self) -> None:
        """End the process now (the report failed: its images are not wanted) and wait for it."""
        self._child.kill()
        self.close()

    def close(self) -> None:
        """Let the process finish and wait for it."""
        if self._child.stdin is not None:
            with suppress(OSError):  # it had stopped reading: nothing more to tell it
                self._child.stdin.close()
        self._child.wait()
        if self._child.stdout is not None:
            self._child.stdout.close()
        if self._hurry >= 0:
            os.close(self._hurry)
            self._hurry = -1  # never twice: the number may be another file's by then


def serve(requests: IO[bytes], answers: IO[bytes], hurry: int | None = None) -> None:
    """Answer each request on `requests` with its images on `answers`, until `requests` ends: PNG images, or SVG
    once anything was written on the file descriptor `hurry`.

    A thread sends the answers: an image is larger than the pipe holds, and the report's process reads it only
    when it lays the chart out, so writing it here would stop the drawing of the next one until then.
    """
    from formats.vl_engine import draw_svg, start_engine

    start_engine()  # while the report's process is still importing and reading
    hurried = False

    def drawn(chart: dict[str, Any]) -> tuple[str, bytes]:
        nonlocal hurried
        svg = draw_svg(chart)
        hurried = hurried or (hurry is not None and bool(select.select([hurry], [], [], 0)[0]))
        return (SVG, svg.encode()) if hurried else (PNG, png_of_svg(svg, chart))

    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send, args=(outbox, answers), name="answers")
    sender.start()
    try:
        while True:
            try:
                charts = pickle.load(requests)
            except EOFError:
                return
            outbox.put(pickle.dumps([drawn(chart) for chart in charts], protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        outbox.put(None)
        sender.join()


def _send(outbox: queue.SimpleQueue[bytes | None], answers: IO[bytes]) -> None:
    """Write each answer put in `outbox` to `answers`, in order, until it gives None."""
    while (answer := outbox.get()) is not None:
        answers.write(answer)
        answers.flush()


def _is_image(answer: object) -> bool:
    return isinstance(answer, tuple) and len(answer) == 2 and answer[0] in (PNG, SVG) and isinstance(answer[1], bytes)


if __name__ == "__main__":
    hurry_fd = os.environ.get(HURRY_FD)
    serve(sys.stdin.buffer, sys.stdout.buffer, int(hurry_fd) if hurry_fd else None)
