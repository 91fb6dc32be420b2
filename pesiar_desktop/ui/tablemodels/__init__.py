"""Qt item models over the services' read functions (ids + lazy row chunks)."""
