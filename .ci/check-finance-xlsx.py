#!/usr/bin/env python3
"""Tooling beside the product (not run by the tests): opens a run's finance.xlsx with openpyxl and
checks that every total cost in it equals financial-years.csv, and that money cells carry the
pounds format. Usage: python3 .ci/check-finance-xlsx.py RESULTS_FOLDER (needs: pip install openpyxl)."""
import csv
import sys

import openpyxl

folder = sys.argv[1]
book = openpyxl.load_workbook(f"{folder}/finance.xlsx")
expected = {}
with open(f"{folder}/financial-years.csv", newline="") as f:
    for row in csv.DictReader(f):
        if row["metric"] == "totalCost":
            expected[(row.get("scenario", ""), row["year"], row["statistic"])] = float(row["value"])
sheet = book["Cost by year"]
checked = mismatched = 0
for cells in sheet.iter_rows(min_row=2):
    scenario, year = cells[0].value, cells[1].value
    if year == "whole horizon":
        continue
    for statistic, cell in zip(["mean", "p10", "p50", "p90"], cells[3:7]):
        key = (scenario, year, statistic) if (scenario, year, statistic) in expected else ("", year, statistic)
        checked += 1
        if abs(expected[key] - cell.value) > 1e-6 * max(1.0, abs(cell.value)) or "£" not in cell.number_format:
            mismatched += 1
            print(f"mismatch: {scenario} {year} {statistic}: workbook {cell.value} ({cell.number_format}), CSV {expected[key]}")
print(f"{checked} total costs checked against financial-years.csv, {mismatched} mismatched; sheets: {', '.join(book.sheetnames)}")
sys.exit(1 if mismatched or checked == 0 else 0)
