"""Widgets and windows. They receive services from the composition root."""
