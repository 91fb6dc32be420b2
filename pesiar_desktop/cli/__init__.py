"""The command line: `pesiar-desktop [options] COMMAND`, a thin front over the services.

`main` parses and dispatches (cli/core.py, with the GUI, set-up, demo and import commands);
the other commands live in one module per group (admin, reports, letters, fieldwork).
"""

from pesiar_desktop.cli.core import main

__all__ = ["main"]
