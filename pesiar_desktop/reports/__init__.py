"""Printable and exportable output: PDF letters, receipts, worksheets, xlsx workbooks."""
