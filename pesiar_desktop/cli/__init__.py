"""The command line: `pesiar-desktop [options] COMMAND`, a thin front over the services.

`main` parses and dispatches (cli/core.py, with the GUI, set-up, demo and import commands);
the other commands live in one module per group (admin, reports, letters, fieldwork).
"""

import sys
from typing import NoReturn

from pesiar_desktop import gc_policy
from pesiar_desktop.cli.core import main

__all__ = ["main", "run"]


def run() -> NoReturn:
    """The process entry point (console script, `python -m pesiar_desktop`, the bundles):
    `main` with the garbage collector held during start-up (see gc_policy)."""
    gc_policy.hold()
    code = main()
    gc_policy.frozen_exit()
    sys.exit(code)
