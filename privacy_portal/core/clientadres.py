"""The address of the client, also behind the TLS proxy that production puts in front.

Only a proxy listed in `VERTROUWDE_PROXIES` (addresses or networks) may say who the client is,
through `X-Forwarded-For`. The list is read from the right: the nearest hop first, every trusted
proxy skipped, and the first address that is not a trusted proxy is the client. Without trusted
proxies the header is ignored, because anybody can send it.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _netwerken(proxies):
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _adres(tekst):
    try:
        return ipaddress.ip_address(tekst.strip())
    except ValueError:
        return None


def _vertrouwd(adres, netwerken):
    return adres is not None and any(adres in netwerk for netwerk in netwerken)


def door_vertrouwde_proxy(request) -> bool:
    """Whether the request came in through one of the trusted proxies."""
    return _vertrouwd(_adres(request.META.get("REMOTE_ADDR", "")), _netwerken(tuple(settings.VERTROUWDE_PROXIES)))


def via_onbekende_proxy(request) -> bool:
    """Whether the request says it was forwarded (X-Forwarded-For) by a sender that is not a trusted
    proxy. Then `client_adres` is that sender's address, which may be a proxy shared by every client
    (VERTROUWDE_PROXIES not set), or a client that wrote the header itself."""
    netwerken = _netwerken(tuple(settings.VERTROUWDE_PROXIES))
    doorgestuurd = request.META.get("HTTP_X_FORWARDED_FOR", "").strip()
    return bool(doorgestuurd) and not _vertrouwd(_adres(request.META.get("REMOTE_ADDR", "")), netwerken)


def client_sleutel(request) -> str:
    """What identifies one client when counting its requests (rate limits).

    The client address; when the request came through a proxy that is not trusted, the address
    together with what the proxy forwarded, so that one proxy's address is never counted as one
    client for everybody behind it. (Such a header can be made up, so this limit then binds less:
    set VERTROUWDE_PROXIES in production.)
    """
    adres = client_adres(request)
    if via_onbekende_proxy(request):
        return f"{adres}|{request.META.get('HTTP_X_FORWARDED_FOR', '').strip()[:200]}"
    return adres


def client_adres(request) -> str:
    """The client's address as text ("" when unknown)."""
    netwerken = _netwerken(tuple(settings.VERTROUWDE_PROXIES))
    adres = _adres(request.META.get("REMOTE_ADDR", ""))
    if not _vertrouwd(adres, netwerken):
        return str(adres) if adres else ""
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        adres_hop = _adres(hop)
        if adres_hop is None:
            break
        adres = adres_hop
        if not _vertrouwd(adres, netwerken):
            break
    return str(adres)
