#!/usr/bin/env bash
# Installs code-server (Coder's build of VS Code for the browser) into .cache/code-server, so the
# integration and UI tests can run in a real VS Code without internet. Safe to run again: a complete
# install is reused. Why each step looks the way it does: shared/notes/real-vscode-offline.md.
set -Eeuo pipefail

readonly CODE_SERVER_VERSION=4.100.3 # the last line that runs on Node 20
readonly APT_PACKAGES=(build-essential python3 libkrb5-dev ripgrep chromium)

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly install_dir="$repo_root/.cache/code-server"
readonly package_dir="$install_dir/node_modules/code-server"
readonly vscode_dir="$package_dir/lib/vscode"
readonly marker="$install_dir/.installed-$CODE_SERVER_VERSION"

# Native modules VS Code's server loads at start; npm's exit codes don't tell whether they were built.
readonly NATIVE_MODULES=(
  "$install_dir/node_modules/argon2/lib/binding/napi-v3/argon2.node"
  "$vscode_dir/node_modules/node-pty/build/Release/pty.node"
  "$vscode_dir/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  "$vscode_dir/node_modules/native-watchdog/build/Release/watchdog.node"
  "$vscode_dir/node_modules/kerberos/build/Release/kerberos.node"
)

step="start"
trap 'echo "install-code-server: FAILED during step: $step (see the output above)" >&2' ERR

log() { echo "install-code-server: $*"; }

native_modules_present() {
  local file
  for file in "${NATIVE_MODULES[@]}"; do
    [[ -f "$file" ]] || return 1
  done
}

missing_apt_packages() {
  local package
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || echo "$package"
  done
}

install_apt_packages() {
  step="apt packages"
  local missing
  missing=$(missing_apt_packages)
  if [[ -z "$missing" ]]; then
    log "Debian packages already installed"
    return
  fi
  log "installing Debian packages:" $missing
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

install_code_server_package() {
  step="npm install code-server@$CODE_SERVER_VERSION"
  mkdir -p "$install_dir"
  # A package.json of its own keeps code-server out of the extension's dependencies and lockfile.
  echo '{ "private": true }' >"$install_dir/package.json"
  # Its postinstall would download ripgrep from GitHub; the steps below do its work offline.
  (cd "$install_dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION")

  step="build argon2"
  # Loaded at start even with --auth none.
  (cd "$install_dir" && npm rebuild argon2 --build-from-source --loglevel=error)
}

install_vscode_dependencies() {
  step="install VS Code's dependencies"
  (cd "$vscode_dir" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

  step="link ripgrep"
  # @vscode/ripgrep's postinstall skips its download when bin/ exists.
  mkdir -p "$vscode_dir/node_modules/@vscode/ripgrep/bin"
  ln -sfn /usr/bin/rg "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg"

  step="build VS Code's native modules"
  # Exits 1 only because node-pty's last step runs `npx node-gyp` for a compile_commands.json, and
  # prints pages about it; so its output goes to a log, and the modules are checked file by file.
  local rebuild_log="$install_dir/npm-rebuild.log"
  (cd "$vscode_dir" && npm rebuild >"$rebuild_log" 2>&1) || log "npm rebuild exited non-zero (expected); checking the modules"
  local file
  for file in "${NATIVE_MODULES[@]}"; do
    if [[ ! -f "$file" ]]; then
      tail -n 40 "$rebuild_log" >&2
      echo "install-code-server: missing native module $file (full log: $rebuild_log)" >&2
      false
    fi
  done
}

finish_like_postinstall() {
  step="links made by code-server's postinstall"
  ln -sfn node_modules "$vscode_dir/node_modules.asar"
  ln -sfn code-linux.sh "$vscode_dir/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vscode_dir/bin/helpers/browser.sh"

  step="install the built-in extensions' dependencies"
  (cd "$vscode_dir/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
}

install_apt_packages

if [[ -f "$marker" ]] && native_modules_present; then
  log "code-server $CODE_SERVER_VERSION already installed in .cache/code-server"
  exit 0
fi

# A half-finished install (a failed or interrupted run) is not worth repairing: start clean.
rm -rf "$install_dir"
install_code_server_package
install_vscode_dependencies
finish_like_postinstall

step="check the install"
node "$package_dir/out/node/entry.js" --version >/dev/null
touch "$marker"
log "code-server $CODE_SERVER_VERSION installed in .cache/code-server"
