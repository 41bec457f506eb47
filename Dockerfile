# Build: compile the release binary (protos are compiled in build.rs with a
# pure-Rust compiler, so no protoc is needed).
FROM rust:1.88-slim-bookworm AS build
WORKDIR /src
# The workspace: the himrec package at the root and its crates; the
# serving crate's build.rs compiles proto/.
COPY Cargo.toml Cargo.lock ./
COPY crates crates
COPY proto proto
COPY src src
COPY assets assets
COPY bench bench
# The evaluation builds in the reviewed reading of O*NET it checks against.
COPY data/reference data/reference
RUN cargo build --release --locked --bin himrec

# Run: a small Debian image, an unprivileged user, the binary, the bundled
# data and the committed model.
FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 himrec \
 && useradd --system --uid 10001 --gid 10001 --no-create-home himrec
WORKDIR /app
COPY --from=build /src/target/release/himrec /usr/local/bin/himrec
COPY data data
COPY models models
# Numeric, so a kubelet can check runAsNonRoot (deploy/kubernetes/).
USER 10001:10001
ENV HIMREC_ADDR=0.0.0.0:50051 \
    HIMREC_DATA=/app/data \
    HIMREC_MODEL=/app/models/career_model.json \
    HIMREC_METRICS_ADDR=0.0.0.0:9090
EXPOSE 50051 9090
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["himrec", "health", "--addr", "127.0.0.1:50051"]
ENTRYPOINT ["himrec"]
CMD ["serve"]
