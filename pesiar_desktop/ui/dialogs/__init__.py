"""Dialogs: first-run wizard, login, resident form, confirmations."""
