"""The app sets TCP_NODELAY on its web server's listening socket, so that every connection a browser keeps open
gets each small reply at once (Streamlit's socket does not name TCP, so asyncio leaves Nagle's algorithm on)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from ui import server_socket


@pytest.fixture
def listening() -> Iterator[socket.socket]:
    # Made the way Streamlit 1.67 makes its own: the protocol is not named, so it stays 0.
    server = socket.socket(family=socket.AF_INET)
    server.bind(("127.0.0.1", 0))
    server.listen()
    with server:
        yield server


def _accepted(server: socket.socket) -> int:
    with socket.create_connection(server.getsockname()) as _client:
        accepted, _ = server.accept()
        with accepted:
            return accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_a_socket_made_like_streamlits_leaves_nagle_on(listening: socket.socket) -> None:
    # Why the app has to do anything: if a Streamlit or asyncio upgrade turns Nagle off itself, this fails and
    # ui/server_socket.py can go.
    assert listening.proto == 0
    assert _accepted(listening) == 0


def test_connections_accepted_after_it_reply_without_delay(listening: socket.socket) -> None:
    port = listening.getsockname()[1]
    assert server_socket.reply_without_delay(port) == 1
    assert listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    assert _accepted(listening) == 1


def test_other_sockets_are_left_alone(listening: socket.socket) -> None:
    with socket.socket(family=socket.AF_INET) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        assert server_socket.reply_without_delay(listening.getsockname()[1]) == 1
        assert other.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0


def test_a_port_with_no_listening_socket_changes_nothing(listening: socket.socket) -> None:
    with socket.socket(family=socket.AF_INET) as unused:
        unused.bind(("127.0.0.1", 0))  # bound, not listening
        assert server_socket.reply_without_delay(unused.getsockname()[1]) == 0


def test_once_per_process_and_only_under_a_running_server(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def record(port: int) -> int:
        calls.append(port)
        return 1

    monkeypatch.setattr(server_socket, "_done", False)
    monkeypatch.setattr(server_socket, "reply_without_delay", record)
    monkeypatch.setattr("streamlit.runtime.exists", lambda: False)
    server_socket.reply_without_delay_once()
    assert calls == []
    monkeypatch.setattr(server_socket, "_done", False)
    monkeypatch.setattr("streamlit.runtime.exists", lambda: True)
    server_socket.reply_without_delay_once()
    server_socket.reply_without_delay_once()
    assert len(calls) == 1


def test_looking_leaves_no_file_descriptor_open(listening: socket.socket) -> None:
    before = len(list(server_socket._open_fds()))
    for _ in range(3):
        server_socket.reply_without_delay(listening.getsockname()[1])
    assert len(list(server_socket._open_fds())) == before
