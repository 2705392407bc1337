#!/usr/bin/env bash
# The container image's steps without a Docker engine: replays the Dockerfile's build stage (its COPY
# and RUN lines) in a fresh directory, assembles the runtime stage's files beside it, then checks the
# production install: no dev dependency, the terminal answers, the CLI answers, and on Node 24 start-up,
# the CLI, every platform mode (Slack HTTP, Socket Mode, Discord) and the Discord scripts against the loopback fakes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build="$work/build"
runtime="$work/runtime"
mkdir -p "$build" "$runtime"

# The lines of one stage of the Dockerfile (from its FROM … AS <name> to the next FROM).
stage() { awk -v name="$1" '/^FROM /{on = ($NF == name); next} on' "$repo/Dockerfile"; }

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

echo "image steps: build stage in $build"
while read -r instruction rest; do
  case "$instruction" in
    COPY)
      read -r -a words <<<"$rest"
      dest=${words[-1]}
      for src in "${words[@]:0:${#words[@]}-1}"; do
        # As Docker does: a directory's contents go into dest; files go into dest when it ends with /.
        if [ -d "$repo/$src" ]; then
          mkdir -p "$build/$dest" && cp -R "$repo/$src/." "$build/$dest/"
        elif [[ "$dest" == */ ]]; then
          mkdir -p "$build/$dest" && cp "$repo/$src" "$build/$dest"
        else
          mkdir -p "$(dirname "$build/$dest")" && cp "$repo/$src" "$build/$dest"
        fi
      done
      ;;
    RUN)
      started=$(seconds)
      (cd "$build" && bash -c "$rest")
      echo "image steps: RUN $rest ($(elapsed "$started"))"
      ;;
  esac
done < <(stage build)

# The runtime stage takes only what its COPY --from=build lines name.
while read -r instruction from src dest; do
  [ "$instruction" = COPY ] && [ "$from" = --from=build ] || continue
  mkdir -p "$(dirname "$runtime/$dest")" && cp -R "$build/${src#/app/}" "$runtime/$dest"
done < <(stage runtime)

test ! -e "$runtime/node_modules/tsx" || { echo "image steps: tsx is in the production install" >&2; exit 1; }
test ! -e "$runtime/node_modules/typescript" || { echo "image steps: typescript is in the production install" >&2; exit 1; }
echo "image steps: production node_modules $(du -sm "$runtime/node_modules" | cut -f1) MiB, dist $(du -sm "$runtime/dist" | cut -f1) MiB"

# Node 24 from the npm registry's `node` package, kept between runs.
cache="${QUORUM_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/quorum-ci}"
node24="$cache/node24/node_modules/.bin/node"
if ! "$node24" --version 2>/dev/null | grep -q '^v24\.'; then
  rm -rf "$cache/node24"
  npm install --prefix "$cache/node24" --no-audit --no-fund --no-save node@24 >/dev/null
fi

answers() {
  local node=$1 store="$work/store-$RANDOM"
  local reply
  reply=$(cd "$runtime" && printf 'show outbox\n' | QUORUM_STORE="file:$store" "$node" dist/main.js)
  grep -q 'Outbox' <<<"$reply" || { echo "image steps: the terminal did not answer on $("$node" --version): $reply" >&2; exit 1; }
  started=$(seconds)
  reply=$(cd "$runtime" && "$node" dist/cli.js lookup outbox --json)
  grep -q '"id":"outbox"' <<<"$reply" || { echo "image steps: the CLI did not answer on $("$node" --version): $reply" >&2; exit 1; }
  echo "image steps: $("$node" --version) terminal and CLI answer from dist/ (CLI lookup $(elapsed "$started"))"
}
answers node
answers "$node24"

# Every platform mode, served by the production build on Node 24 (the tests spawn process.execPath), and the
# Discord scripts (command deploy against the fake Discord, the invite link) from the same build.
cd "$repo"
QUORUM_TEST_MAIN="$runtime/dist/main.js" "$node24" node_modules/vitest/vitest.mjs run test/ops/ops-modes.test.ts test/discord/deploy-scripts.test.ts
