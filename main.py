"""Runs PESIAR Desktop (same as `python -m pesiar_desktop` or `pesiar-desktop`)."""

from pesiar_desktop.cli import run

if __name__ == "__main__":
    run()
