"""Calls a running himrec server from Python through generated stubs:
the health check, one Recommend, and a full pass over ListPrograms.

    python generate.py generated
    PYTHONPATH=generated python example.py --addr 127.0.0.1:50051
"""

import argparse
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from himrec.v1 import catalog_pb2, catalog_pb2_grpc, recommender_pb2, recommender_pb2_grpc, types_pb2


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--addr", default="127.0.0.1:50051")
    parser.add_argument("--state", default="TX")
    args = parser.parse_args()

    with grpc.insecure_channel(args.addr) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        status = health.Check(health_pb2.HealthCheckRequest(service=""), timeout=2)
        print("health:", health_pb2.HealthCheckResponse.ServingStatus.Name(status.status))

        recommender = recommender_pb2_grpc.RecommenderStub(channel)
        profile = recommender_pb2.Profile(
            skills={"clinical_coding": 0.9, "medical_terminology": 0.85},
            interests=recommender_pb2.RiasecScores(conventional=0.9, investigative=0.4),
            highest_education=types_pb2.EDUCATION_LEVEL_SOME_COLLEGE,
            state=args.state,
        )
        answer = recommender.Recommend(
            recommender_pb2.RecommendRequest(profile=profile, max_programs=3), timeout=2
        )
        for path in answer.career_paths:
            print(f"path: {path.score:.3f} {path.soc_code} {path.title}")
        for item in answer.programs:
            print(f"program: {item.program.institution_name} ({item.program.state})")

        try:
            recommender.Recommend(
                recommender_pb2.RecommendRequest(
                    profile=recommender_pb2.Profile(skills={"not_a_skill": 0.5})
                ),
                timeout=2,
            )
        except grpc.RpcError as err:
            print("bad request:", err.code().name)

        catalog = catalog_pb2_grpc.CatalogStub(channel)
        request = catalog_pb2.ListProgramsRequest(page_size=100, states=[args.state])
        seen = 0
        while True:
            page = catalog.ListPrograms(request, timeout=2)
            seen += len(page.programs)
            if not page.next_page_token:
                break
            request.page_token = page.next_page_token
        print(f"programs in {args.state}: {seen} of {page.total_size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
