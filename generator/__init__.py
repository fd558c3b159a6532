"""Turns the curated data package into the static site: load → validate → assemble → render → downloads → publish
(pipeline.py calls the stages in order; cli.py is the command line)."""

import os

# openpyxl writes other bytes when lxml is installed (the drafter's environment has it, the build's has not): the
# workbook's bytes must not depend on what else an environment holds, so openpyxl always takes its own XML writer.
# Set before anything imports openpyxl: every entry point imports this package first.
os.environ["OPENPYXL_LXML"] = "False"
