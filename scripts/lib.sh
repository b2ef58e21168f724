# Shared by the scripts in this folder; sourced, never run.
# shellcheck shell=bash

# A bare environment (CI, cron) may lack these; cargo and rustup need both.
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

# Tools that live outside the clone, so a fresh clone on the same machine reuses them.
TOOLS_DIR="${ZPF_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zitadel-profile-form}"
BINARYEN_VERSION=132.0.0
BINARYEN_BIN="$TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin"
# axe-core, the accessibility checker the end-to-end suites run in each browser.
AXE_VERSION=4.14.1
AXE_JS="$TOOLS_DIR/axe-core-$AXE_VERSION/node_modules/axe-core/axe.min.js"
# The TypeScript compiler, which checks the package's declarations from a host's side.
TYPESCRIPT_VERSION=5.9.3
TSC="$TOOLS_DIR/typescript-$TYPESCRIPT_VERSION/node_modules/.bin/tsc"
# esbuild minifies wasm-bindgen's JS glue after trunk's release build (trunk's own
# minifier gives up on it).
ESBUILD_VERSION=0.28.2
# Lighthouse for scripts/bench only (bench/lighthouse/package.json pins it).
LIGHTHOUSE_DIR="$TOOLS_DIR/lighthouse-12.2.3"
ESBUILD_BIN="$TOOLS_DIR/esbuild-$ESBUILD_VERSION/node_modules/.bin"

# The wasm-bindgen version the build uses: the one Cargo.lock names (the CLI, trunk and
# the test runner must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# FILE's name with its content in it: name-<first 16 hex digits of its SHA-256>.ext,
# for files a browser and a CDN may keep for good (scripts/page-bundle, scripts/bench).
content_name() {
  base=$(basename "$1")
  echo "${base%.*}-$(sha256sum "$1" | cut -c1-16).${base##*.}"
}

# Put the right wasm-opt first on PATH and keep trunk off the network.
use_tools() {
  export PATH="$BINARYEN_BIN:$ESBUILD_BIN:$HOME/.cargo/bin:$PATH"
  export TRUNK_SKIP_VERSION_CHECK=true
  export ZPF_AXE_JS="$AXE_JS"
  # The wasm names the source file of each place that can panic: a crate's as
  # "index.crates.io-…/tachys-0.2.19/src/…", not under this machine's cargo home
  # (and about 200 bytes brotli fewer, docs/size.md).
  local crates="${CARGO_HOME:-$HOME/.cargo}/registry/src/"
  case $crates in
    *" "*) ;; # a space would split the flag
    *) export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$crates=" ;;
  esac
}
