"""The phone page (码上监督): the ticket's QR code opens it, the citizen follows the queue
there and rates the service afterwards. ``yimen serve`` runs it; `create_app` builds it."""

from shared.phone.app import create_app
from shared.phone.guard import Limits

__all__ = ["Limits", "create_app"]
