"""The collection round trip: `collect` writes a form (XLSX) for the departments that report the
figures, `import` reads it back filled and hands every figure to `store`, checked as `record`
checks one.

- `columns`: the form's columns, their headers in both languages, found again by header;
- `collect`: the workbook (openpyxl: drop-down lists, locked cells, print setup);
- `cells`: a filled XLSX or CSV read into rows of cells, each with its place (`Sheet!I12`);
- `figures`: the rows turned into figures, every mistake named by its cell;
- `changes`: the table of what the import changes;
- `run`: the two commands between cli.py and an exit code.
The writing itself is `store.record_many`: every year file at once or none.

openpyxl is imported only here, inside the functions that need it: start-up stays small.
"""
