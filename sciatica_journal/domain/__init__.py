"""Pure-Python clinical rules and data shapes: no Qt, no database."""
