"""Pure functions: identity numbers, code tables, regions, indicators."""
