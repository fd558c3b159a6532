"""Turns the curated data package into the static site: load → validate → assemble → render → downloads → publish
(pipeline.py calls the stages in order; cli.py is the command line)."""
