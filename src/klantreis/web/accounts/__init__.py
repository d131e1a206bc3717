"""Accounts: log in and out, password, each user's language."""
