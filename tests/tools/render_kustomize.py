"""Renders a Kustomize directory the way `kubectl kustomize` does for the
features deploy/kubernetes uses, and refuses any other: `resources` (files
and directories), `namespace`, and `patches` given as RFC 6902 JSON patches
with a kind and name target (applied with the `jsonpatch` package). The
result is written as one multi-document YAML file, for
`kubernetes-validate --strict`.

usage: render_kustomize.py DIRECTORY OUTPUT
"""

import os
import sys

import jsonpatch
import yaml

KNOWN = {"apiVersion", "kind", "namespace", "resources", "patches"}


def fail(message):
    print(f"render_kustomize: {message}", file=sys.stderr)
    sys.exit(2)


def render(directory):
    path = os.path.join(directory, "kustomization.yaml")
    with open(path) as f:
        kustomization = yaml.safe_load(f)
    unknown = set(kustomization) - KNOWN
    if unknown:
        fail(f"{path}: fields this renderer does not apply: {sorted(unknown)}")
    if kustomization.get("kind") != "Kustomization":
        fail(f"{path}: not a Kustomization")
    resources = []
    for entry in kustomization.get("resources", []):
        target = os.path.join(directory, entry)
        if os.path.isdir(target):
            resources.extend(render(target))
        else:
            with open(target) as f:
                resources.extend(d for d in yaml.safe_load_all(f) if d)
    namespace = kustomization.get("namespace")
    if namespace:
        for resource in resources:
            resource.setdefault("metadata", {})["namespace"] = namespace
    for patch in kustomization.get("patches", []):
        if set(patch) != {"path", "target"} or set(patch["target"]) != {"kind", "name"}:
            fail(f"{path}: a patch needs exactly a path and a kind and name target")
        with open(os.path.join(directory, patch["path"])) as f:
            operations = yaml.safe_load(f)
        if not isinstance(operations, list):
            fail(f"{patch['path']}: not a JSON patch (a list of operations)")
        kind, name = patch["target"]["kind"], patch["target"]["name"]
        matched = [
            i
            for i, r in enumerate(resources)
            if r.get("kind") == kind and r.get("metadata", {}).get("name") == name
        ]
        if not matched:
            fail(f"{path}: no {kind} {name} to patch")
        for i in matched:
            resources[i] = jsonpatch.apply_patch(resources[i], operations)
    return resources


def main():
    if len(sys.argv) != 3:
        fail("usage: render_kustomize.py DIRECTORY OUTPUT")
    resources = render(sys.argv[1])
    with open(sys.argv[2], "w") as f:
        yaml.safe_dump_all(resources, f, sort_keys=False)


if __name__ == "__main__":
    main()
