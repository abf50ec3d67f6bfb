"""Public events, registrations without an account, and campaigns (issue 16)."""
