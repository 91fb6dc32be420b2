"""The Qt front end. Only this package (and `pesiar_desktop.app`) imports Qt."""
