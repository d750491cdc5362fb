#!/usr/bin/env python3
"""Runs the DfE's SSDA903 validation rules (the csc-validator-be-903 package) on files written by
`sufficiency export-903`: for each DIR/YYYY-YY/ folder, the Header and Episodes tables of that
collection year, with the rule set of that year. Prints the failures by rule and exits 1 if any.

Tooling beside the product (the build and `swift test` never need it). Set it up once:
    python3 -m venv .venv-903 && .venv-903/bin/pip install csc-validator-be-903 pytest
    .venv-903/bin/python .ci/dfe-validator-903.py DIR [--la E10000018]
"""
import argparse
import importlib
import logging
import sys
from pathlib import Path


def ruleset_for(year_ending: int) -> str:
    """The newest rule set no later than the collection year ending in `year_ending`."""
    available = {2023: "lac2022_23", 2024: "lac2023_24", 2025: "lac2024_25", 2026: "lac2025_26", 2027: "lac2026_27"}
    year = min(max(year_ending, min(available)), max(available))
    return available[year]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="the --output folder of export-903")
    parser.add_argument("--la", default="E10000018", help="the council's ONS code (default: Leicestershire, where the shipped scenarios' inside areas lie)")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    from lac_validator import lac_validator
    from lac_validator.types import UploadedFile

    failures_total = 0
    years = sorted(p for p in Path(args.folder).iterdir() if p.is_dir() and (p / "episodes.csv").exists())
    if not years:
        print(f"{args.folder}: no YYYY-YY/episodes.csv folders found", file=sys.stderr)
        return 2
    for folder in years:
        year_ending = int(folder.name[:4]) + 1
        ruleset = ruleset_for(year_ending)
        registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
        files = [UploadedFile(name=str(folder / name), description="This year", file_content=(folder / name).read_bytes())
                 for name in ("header.csv", "episodes.csv")]
        validator = lac_validator.LacValidator(metadata={"collectionYear": str(year_ending), "localAuthority": args.la},
                                               files=files, registry=registry)
        failures = {}
        for table in ("Header", "Episodes"):
            frame = validator.ds_results.get(table)
            if frame is None:
                continue
            for column in [c for c in frame.columns if c.startswith("ERR_")]:
                count = int(frame[column].fillna(False).astype(bool).sum())
                if count:
                    failures[f"{column[4:]} ({table})"] = count
        rows = {t: len(validator.dfs[t]) for t in ("Header", "Episodes") if t in validator.dfs}
        ran = len(validator.dones)
        failed_to_run = len(validator.fails)
        status = "0 errors" if not failures else ", ".join(f"rule {k}: {v}" for k, v in sorted(failures.items()))
        print(f"{folder.name} ({ruleset}): {rows.get('Header', 0)} header rows, {rows.get('Episodes', 0)} episode rows; "
              f"{ran} rules ran ({failed_to_run} could not run on these tables{': ' + ', '.join(validator.fails) if validator.fails else ''}); {status}")
        for code, rule in registry.items():
            if f"{code} (Header)" in failures or f"{code} (Episodes)" in failures:
                print(f"    {code}: {rule.message}")
        failures_total += sum(failures.values())
    print(f"total: {failures_total} failing rows")
    return 1 if failures_total else 0


if __name__ == "__main__":
    sys.exit(main())
