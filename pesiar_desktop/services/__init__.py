"""Use-cases: one function per user action, one transaction each, audited.

Plain Python, no Qt: the GUI and the CLI are thin fronts over these functions.
"""
