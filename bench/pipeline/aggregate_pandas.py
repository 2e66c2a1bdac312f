"""Baseline: the straightforward pandas version of the street aggregation.

Reads every police.uk street file (gzip CSV) with pandas.read_csv (defaults, all columns), concatenates,
groups by month, force ("Falls within"), LSOA code and crime type, and counts rows (size), then writes the
result as CSV (sorted by those keys: groupby sorts). Rows with no LSOA code are kept as their own group
(dropna=False), as DuckDB's GROUP BY keeps NULL.

Usage: /usr/bin/python3 aggregate_pandas.py --files-from LIST [--out result.csv]
Prints one JSON line: rows, groups, read_s, agg_s, write_s, seconds (read + aggregate + write), maxrss_bytes.
"""
import argparse
import json
import resource
import time

import pandas as pd

KEYS = ["Month", "Falls within", "LSOA code", "Crime type"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files-from", required=True)
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(args.files_from) as f:
        files = [line.strip() for line in f if line.strip()]

    start = time.perf_counter()
    df = pd.concat([pd.read_csv(path) for path in files], ignore_index=True)
    read_s = time.perf_counter() - start
    counts = df.groupby(KEYS, dropna=False).size().reset_index(name="n")
    agg_s = time.perf_counter() - start - read_s
    rows = len(df)
    if args.out:
        counts.columns = ["month", "force", "lsoa_code", "crime_type", "n"]
        counts.to_csv(args.out, index=False)
    seconds = time.perf_counter() - start

    print(json.dumps({
        "rows": rows,
        "groups": len(counts),
        "read_s": read_s,
        "agg_s": agg_s,
        "write_s": seconds - read_s - agg_s,
        "seconds": seconds,
        "maxrss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "pandas": pd.__version__,
    }))


if __name__ == "__main__":
    main()
