"""A local OpenID Connect provider (oidc-provider-mock) and the [auth] secrets that point the app at it."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oidc_provider_mock import User, app
from werkzeug.serving import make_server

CLIENT_ID = "threshold-e2e"


@contextmanager
def oidc_provider(*people: str) -> Iterator[str]:
    """Serve a sign-in provider on 127.0.0.1 with one-click accounts for `people`; yield its address."""
    users = [User(sub=name, claims={"email": f"{name}@example.org", "name": name.title()}) for name in people]
    server = make_server("127.0.0.1", 0, app(user_claims=users), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def write_auth_secrets(path: Path, app_port: int, provider: str) -> Path:
    """A secrets.toml whose [auth] section signs in through the provider, for the app on app_port."""
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{secrets.token_hex(16)}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    return path
