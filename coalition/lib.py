"""Small helpers that more than one app needs."""

from django.conf import settings


def client_address(request) -> str:
    """The visitor's IP address, for rate limits.

    Behind ``TRUSTED_PROXY_HOPS`` reverse proxies, each of which appends the address it saw
    to X-Forwarded-For, the visitor is the entry that the outermost trusted proxy added;
    anything to the left of it was written by the visitor and is not trusted.
    """
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")
