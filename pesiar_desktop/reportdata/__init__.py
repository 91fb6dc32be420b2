"""Plain data the reports render: services build it, `reports/` writes it (and pages show it).

One module per subject. Nothing here opens the database or imports `services/` or
`reports/`: only `rules/` and the standard library.
"""
