"""Certificates as a REST API (wired under /api/v1/ by portal.api.urls): one's own and, for
managers, those within reach; issuing and revoking for office staff; the PDF and the signed
credential; public verification by code."""
