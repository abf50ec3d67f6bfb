"""Workflows on signals, one module per topic. Every change goes through here, inside a
transaction, with events. Import the topic you need: ``from signals.services import triage``."""
