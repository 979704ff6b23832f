#!/usr/bin/env bash
# Re-creates content/img/expose-nginx_23-5.png, the screenshot the class notes reference for
# "EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면 어떻게 되나요?". The original was lost.
# What it showed: a browser on port 8080 getting nginx's "502 Bad Gateway" page, because the
# published port forwarded to a port where nothing listens. We reproduce exactly that: Debian's
# nginx listens on 127.0.0.1:8080 and proxies to 127.0.0.1:8081, where nothing listens, and a
# real Chromium window (address bar included) under Xvfb at 1280x800 is captured
# (--test-type only hides the infobar that --no-sandbox, needed as root, would show).
# Needs: apt-get install -y nginx chromium xvfb imagemagick. Run from the project root.
set -euo pipefail
out=${1:-content/img/expose-nginx_23-5.png}
tmp=$(mktemp -d)
cleanup() {
  [ -n "${cpid:-}" ] && kill "$cpid" 2>/dev/null || true
  [ -n "${xpid:-}" ] && kill "$xpid" 2>/dev/null || true
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/logs"
cat > "$tmp/nginx.conf" <<CONF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events { worker_connections 64; }
http {
  access_log $tmp/logs/access.log;
  server {
    listen 127.0.0.1:8080;
    location / { proxy_pass http://127.0.0.1:8081; }
  }
}
CONF
nginx -c "$tmp/nginx.conf" -p "$tmp"
sleep 0.5
code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/ || true)
[ "$code" = 502 ] || { echo "expected 502 from the proxy, got $code"; exit 1; }

disp=":$((500 + RANDOM % 400))"
Xvfb "$disp" -screen 0 1280x800x24 >/dev/null 2>&1 & xpid=$!
sleep 1
DISPLAY=$disp chromium --no-sandbox --no-first-run --disable-gpu --disable-quic \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-default-apps --no-default-browser-check --test-type --password-store=basic \
  --user-data-dir="$tmp/profile" --window-position=0,0 --window-size=1280,800 \
  http://localhost:8080/ >"$tmp/chromium.log" 2>&1 & cpid=$!
sleep 6
DISPLAY=$disp import -window root "$out"
echo "wrote $out ($(identify -format '%wx%h' "$out"))"
