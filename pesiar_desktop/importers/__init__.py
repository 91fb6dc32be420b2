"""Readers and row parsers for the files villages already have (no database access).

`reader` turns a spreadsheet into header + raw cells, `formats` knows the
OpenSID and SIAK layouts and saved column mappings, `residents` parses resident
rows and `import_records` applies the person rules to them; `bpjs_status` and
`welfare` parse the two lists. Matching against the register and writing live in
`services.imports`.
"""
