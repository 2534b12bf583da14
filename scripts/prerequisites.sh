# Shared by run.sh, test.sh and .ci/run: installs missing Debian packages.
# Usage: ensure_packages run|test

ensure_packages() {
    local need=()
    if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        need+=(postgresql)
    fi
    command -v bc >/dev/null 2>&1 || need+=(bc)
    if [ "$1" = test ] && ! command -v chromium >/dev/null 2>&1; then
        need+=(chromium)
    fi
    if ((${#need[@]})); then
        echo "Installing missing packages: ${need[*]}"
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -q
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
    fi
}
