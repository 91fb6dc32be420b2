from pesiar_desktop.cli import run

run()
