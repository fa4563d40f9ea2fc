#!/bin/sh
# Install the Debian packages Gongkai needs when they are missing (only possible as root with apt-get).
#   fonts-noto-cjk            Chinese glyphs in generated PDFs (WeasyPrint)
#   libpango-1.0-0 libpangoft2-1.0-0   WeasyPrint's text layout
#   chromium                  the real browser of the UI tests (driven by Playwright)
set -eu
missing=""
for pkg in fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 chromium; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "warning: missing Debian packages:$missing (install them as root: apt-get install$missing)" >&2
fi
