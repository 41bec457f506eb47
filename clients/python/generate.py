"""Generates the Python stubs of the himrec protos with grpcio-tools.

    python generate.py OUT_DIR

writes himrec/v1/recommender_pb2.py, catalog_pb2.py and their *_grpc.py
modules under OUT_DIR (default: ./generated), straight from ../../proto.
"""

import pathlib
import sys

from grpc_tools import protoc

HERE = pathlib.Path(__file__).resolve().parent
PROTO = HERE.parent.parent / "proto"


def main() -> int:
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else HERE / "generated")
    out.mkdir(parents=True, exist_ok=True)
    protos = sorted(str(p.relative_to(PROTO)) for p in PROTO.glob("himrec/v1/*.proto"))
    # grpc_tools ships the well-known protos; include them for imports.
    well_known = pathlib.Path(protoc.__file__).parent / "_proto"
    code = protoc.main(
        [
            "grpc_tools.protoc",
            f"-I{PROTO}",
            f"-I{well_known}",
            f"--python_out={out}",
            f"--grpc_python_out={out}",
            *protos,
        ]
    )
    for package in (out / "himrec", out / "himrec" / "v1"):
        (package / "__init__.py").touch()
    return code


if __name__ == "__main__":
    sys.exit(main())
