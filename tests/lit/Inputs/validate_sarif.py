#!/usr/bin/env python3
"""Validates report files against a JSON schema: the SARIF 2.1.0 schema,
or sdv-lite's own (docs/sdv-lite-report.schema.json).

usage: validate_sarif.py SCHEMA FILE...
Prints one line per file and exits non-zero if any file is invalid.
"""
import json
import sys

import jsonschema


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    title = schema.get("title", "schema")
    label = "SARIF 2.1.0" if "SARIF" in title else title
    status = 0
    for path in sys.argv[2:]:
        with open(path) as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            status = 1
            for e in errors[:10]:
                where = "/".join(str(p) for p in e.path)
                print(f"{path}: invalid at /{where}: {e.message}")
        else:
            print(f"{path}: valid {label}")
    return status


if __name__ == "__main__":
    sys.exit(main())
