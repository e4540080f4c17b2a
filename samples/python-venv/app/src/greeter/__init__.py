"""Greeter: a tiny package with one compiled helper."""
