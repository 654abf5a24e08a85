"""The audit log's step in the deadline scan: rows past their gemeente's retention are removed."""

from .audit import opschonen
from .scanner import scan_stap


@scan_stap
def auditlog_opschonen(nu):
    return opschonen(nu=nu)
