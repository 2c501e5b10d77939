"""Validates JSON files against docs/dutylist.schema.json: validate_schema.py SCHEMA FILE..."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    failed = failed or bool(errors)
sys.exit(1 if failed else 0)
