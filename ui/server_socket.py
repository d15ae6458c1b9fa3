"""Let the app's web server send each small reply at once instead of 40 ms late.

Streamlit (1.67, on uvicorn) opens its listening socket without naming TCP as the protocol, and asyncio turns off
Nagle's algorithm only on sockets that name it; so every connection the browser keeps open for its next request
holds back the body of a small reply until the browser acknowledges its headers, which a browser delays by 40 ms.
A fresh tab fetches some 90 script files over six such connections, about fifteen rounds, so it waited about 0.6 s
for nothing. Linux hands the listening socket's TCP_NODELAY on to every connection it accepts, so setting it once
on the server's socket, from the app's first run, covers every later visitor.
"""

from __future__ import annotations

import logging
import os
import socket
import stat
import threading
from collections.abc import Iterable
from pathlib import Path

_FDS = Path("/proc/self/fd")
_lock = threading.Lock()
_done = False
_log = logging.getLogger(__name__)


def _open_fds() -> Iterable[int]:
    try:
        return [int(name) for name in os.listdir(_FDS)]
    except OSError:  # no /proc (not Linux): the server keeps its default
        return []


def _listening_tcp(fd: int, port: int) -> socket.socket | None:
    """A second handle on `fd` if it is a TCP socket listening on `port` (the caller closes it), else None."""
    try:
        if not stat.S_ISSOCK(os.fstat(fd).st_mode):
            return None
        copy = os.dup(fd)
    except OSError:  # closed meanwhile
        return None
    try:
        handle = socket.socket(fileno=copy)
    except OSError:
        os.close(copy)
        return None
    try:
        if (
            handle.family in (socket.AF_INET, socket.AF_INET6)
            and handle.type == socket.SOCK_STREAM
            and handle.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            and handle.getsockname()[1] == port
        ):
            return handle
    except OSError:
        pass
    handle.close()
    return None


def reply_without_delay(port: int) -> int:
    """Set TCP_NODELAY on this process's sockets listening on `port`; how many were set (0 where none is found).

    Only the listening sockets are touched: connections open already keep their setting, every later one inherits
    it. Safe to call again (the setting is simply set again).
    """
    found = 0
    for fd in _open_fds():
        handle = _listening_tcp(fd, port)
        if handle is None:
            continue
        with handle:
            handle.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        found += 1
    return found


def reply_without_delay_once() -> None:
    """Under `streamlit run`, set TCP_NODELAY on the server's socket, once per process."""
    global _done
    with _lock:
        if _done:
            return
        _done = True
    from streamlit import config, runtime

    if not runtime.exists():
        return
    port = config.get_option("server.port")
    if not reply_without_delay(int(port)):
        _log.debug("no listening socket on port %s to set TCP_NODELAY on", port)
