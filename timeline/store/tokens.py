"""Corpus links: unguessable tokens, and the read-only token derived one way from the editing token.

The editing token is 192 random bits (`secrets.token_urlsafe`). The read-only token is a hash of it, so
whoever can edit can always show the read-only link, while the read-only link reveals nothing of the
editing token. The database keeps only a hash of each token: a copy of the database opens no corpus.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

TOKEN_BYTES = 24  # 192 bits; the issue asks for at least 128
TOKEN_CHARS = 32  # base64url of 24 bytes, no padding
_WELL_FORMED = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_CHARS}}}")
_VIEW_SALT = b"timeline read-only corpus link\x00"


def new_edit_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def view_token(edit_token: str) -> str:
    """The read-only token of an editing token: a one-way function of it."""
    digest = hashlib.sha256(_VIEW_SALT + edit_token.encode("ascii")).digest()[:TOKEN_BYTES]
    return base64.urlsafe_b64encode(digest).decode("ascii")


def well_formed(token: object) -> bool:
    return isinstance(token, str) and _WELL_FORMED.fullmatch(token) is not None


def key_of(token: str) -> str:
    """What the database stores and looks a token up by (never the token itself)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()
