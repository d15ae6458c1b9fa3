"""The report's chart images drawn with a second process, so they are drawn while the first lays out the PDF.

vl-convert keeps hold of Python's lock while it starts its JavaScript engine (about 0.5 s of CPU) and while it
draws, so a thread cannot overlap it with anything. A command-line report starts this process first: it loads
only vl-convert and starts the engine while the report's own process imports the rest and reads the data. It is
then sent each chart as vl-convert's arguments (formats/images.report_png_arguments) as soon as the report's
process has built it, and draws it as a PNG (formats/vl_engine.draw_png, the same bytes as in one process) while
the report's process goes on. Turning the SVG into a PNG is done here too: it took the report's process about as
long as laying out the charts. The specs stay in the report's process: it loads Altair anyway (services/progress
through formats/chart_style), while this one, loading pandas and Altair (about 0.6 s) after the engine, would be
ready later than the report's process has the charts' rows, and it is already the slower of the two (drawing a
year's five charts takes about 0.7 s, laying them out a fifth of that).

Run as `python -m formats.chart_process`: it reads pickled requests (a list of vl-convert arguments) on stdin
and answers each with a pickled list of PNG images on stdout, until stdin closes.
"""

from __future__ import annotations

import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
# Room in the pipe for every chart of a long report, so sending one never waits for this process to finish drawing
# the one before (a year's charts are about 70 KB; a pipe holds 64 KB unless told; 1 MiB is the most Linux
# lets a user ask for).
REQUEST_ROOM = 1 << 20


class ChartProcessError(RuntimeError):
    """The chart process stopped or answered with something other than drawings."""


class ChartProcess:
    """A started chart process: send charts with `draw`, collect their images with `images`, then `close`."""

    def __init__(self, command: Sequence[str] = (sys.executable, "-m", "formats.chart_process")) -> None:
        self._child = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._asked = 0
        if sys.platform == "linux" and self._child.stdin is not None:
            import fcntl

            with suppress(OSError):  # a smaller pipe only makes `draw` wait at times
                fcntl.fcntl(self._child.stdin.fileno(), fcntl.F_SETPIPE_SZ, REQUEST_ROOM)

    def draw(self, charts: Sequence[Mapping[str, Any]]) -> None:
        """Ask for the PNG images of these charts (vl-convert's arguments each); the answer waits in the pipe
        (ask once a chart to have the first one back while the next is drawn)."""
        stdin = self._child.stdin
        assert stdin is not None
        try:
            pickle.dump([dict(chart) for chart in charts], stdin, protocol=pickle.HIGHEST_PROTOCOL)
            stdin.flush()
            self._asked += 1
        except (OSError, ValueError) as error:  # ValueError: the pipe was closed here
            raise ChartProcessError(f"The chart process is gone: {error}.") from None

    def images(self) -> list[bytes]:
        """The PNG images of every `draw` not yet collected, in the order asked."""
        return list(self.each())

    def each(self) -> Iterator[bytes]:
        """The PNG images of every `draw` not yet collected, in the order asked, each as soon as it is here."""
        stdout = self._child.stdout
        assert stdout is not None
        while self._asked:
            try:
                answer: Any = pickle.load(stdout)
            except (EOFError, ValueError, pickle.UnpicklingError) as error:
                raise ChartProcessError(f"The chart process stopped without its images: {error!r}.") from None
            if not isinstance(answer, list) or not all(isinstance(image, bytes) for image in answer):
                raise ChartProcessError("The chart process answered with something other than images.")
            self._asked -= 1
            yield from answer

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


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each request on `requests` with its images on `answers`, until `requests` ends.

    A thread sends the answers: an image is larger than the pipe holds, and the report's process reads it only
    when it lays the chart out, so writing it here would stop the drawing of the next one until then.
    """
    from formats.vl_engine import draw_png, start_engine

    start_engine()  # while the report's process is still importing and reading
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send, args=(outbox, answers), name="answers")
    sender.start()
    try:
        while True:
            try:
                charts = pickle.load(requests)
            except EOFError:
                return
            outbox.put(pickle.dumps([draw_png(chart) for chart in charts], protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        outbox.put(None)
        sender.join()


def _send(outbox: queue.SimpleQueue[bytes | None], answers: IO[bytes]) -> None:
    """Write each answer put in `outbox` to `answers`, in order, until it gives None."""
    while (answer := outbox.get()) is not None:
        answers.write(answer)
        answers.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
