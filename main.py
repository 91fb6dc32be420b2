"""Runs PESIAR Desktop (same as `python -m pesiar_desktop` or `pesiar-desktop`)."""

import sys

from pesiar_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
