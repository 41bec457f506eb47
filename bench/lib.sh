# Shared by the load scripts (run.sh, shadow.sh, guard.sh): sourced, not run.

# Installs h2load and nghttp (Debian nghttp2-client) when either is missing.
need_h2load() {
  if ! command -v h2load >/dev/null || ! command -v nghttp >/dev/null; then
    echo "installing h2load (nghttp2-client)"
    apt-get update -qq && apt-get install -y -qq nghttp2-client >/dev/null
  fi
}
