"""PESIAR Desktop: JKN coverage work for Indonesian village offices."""

__version__ = "0.1.0"
APP_NAME = "PESIAR Desktop"
APP_ID = "pesiar-desktop"
