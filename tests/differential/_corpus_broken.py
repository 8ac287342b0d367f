"""Helper module that fails while being imported (for import-error programs)."""
x = 1
raise RuntimeError("module failed during import")
