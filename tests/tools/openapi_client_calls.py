"""Calls the server through a client generated from docs/openapi-3.0.json
by openapi-python-client: every method named in the requests file, each
request read into the generated request model and each answer parsed by
the generated response models, printed back as one JSON object
{method: {"status": HTTP status, "answer": the parsed model as a dict}}.

Arguments: the folder holding the generated package `himrec_client`, the
server's base URL, an API key, the requests file ([[method path, request], ...], called in that order).
"""
import importlib
import json
import re
import sys
import typing

folder, base_url, token, requests_file = sys.argv[1:]
sys.path.insert(0, folder)
from himrec_client import AuthenticatedClient  # noqa: E402


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


client = AuthenticatedClient(base_url=base_url, token=token, timeout=60.0)
out = {}
for path, request in json.load(open(requests_file)):
    service, method = path.rsplit(".", 1)[1].split("/")
    module = importlib.import_module(
        f"himrec_client.api.{service.lower()}.{service.lower()}_{snake(method)}"
    )
    body_type = typing.get_type_hints(module.sync_detailed)["body"]
    response = module.sync_detailed(client=client, body=body_type.from_dict(request))
    if response.parsed is None:
        raise SystemExit(f"{path}: the client could not parse a {response.status_code} answer")
    out[path] = {"status": response.status_code, "answer": response.parsed.to_dict()}
json.dump(out, sys.stdout)
