"""Turns the curated data package into the static site: load → validate → model → render → publish."""
