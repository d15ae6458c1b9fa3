"""The nginx config rendered for N app servers (deploy/cluster.py)."""

from __future__ import annotations

import re
from pathlib import Path

from deploy.cluster import render

SERVERS = ["127.0.0.1:8501", "127.0.0.1:8502", "10.0.0.7:8501"]


def test_every_app_server_is_listed_with_a_passive_health_check_and_nothing_is_left_unfilled():
    text = render("127.0.0.1:8080", SERVERS, Path("/run/threshold"))
    assert re.findall(r"server (\S+) max_fails=1 fail_timeout=10s;", text) == SERVERS
    assert "listen 127.0.0.1:8080;" in text
    assert "pid /run/threshold/nginx.pid;" in text
    assert not re.search(r"@[A-Z_]+@", text)


def test_browsers_stay_on_one_server_by_cookie_and_websockets_pass():
    text = render("8080", SERVERS, Path("/tmp/x"))
    assert "hash $route_key consistent;" in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_read_timeout 1h;" in text
