"""Scan steps of the notifications: re-queue e-mails that were never sent; the daily digests."""

from privacy_portal.core.scanner import scan_stap

from .services import onverzonden_opnieuw_in_wachtrij, samenvattingen_in_wachtrij


@scan_stap
def e_mails_inhalen(nu):
    return onverzonden_opnieuw_in_wachtrij(nu)


@scan_stap
def dagelijkse_samenvattingen(nu):
    return samenvattingen_in_wachtrij(nu)
