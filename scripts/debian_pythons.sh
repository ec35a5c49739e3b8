#!/usr/bin/env bash
# CPython 3.14 and 3.15 from Debian's packages, in a minimal Debian sid root.
#
#   scripts/debian_pythons.sh            set up (once) and print the wrappers' directory
#   scripts/debian_pythons.sh --check    when set up: print that directory, exit 0; else exit 1
#                                        (never changes anything)
#
# Needs Debian with apt, and root. The first run: `apt-get install debootstrap`
# if missing, `debootstrap --variant=minbase sid` from the mirror this
# machine's own apt sources name (read at run time, never written anywhere in
# the project), then `apt-get install python3.14 python3.14-venv python3.15
# python3.15-venv` (and make, procps for `ps`) inside the root. Later runs
# find the stamp and do nothing. Everything lives in $THREAD_KILL_LABS_CACHE
# (default /var/cache/thread-kill-labs), outside any checkout: the root in sid/,
# the set-up log in setup.log, and the wrappers in bin/:
#   in-root CMD ARGS...   runs CMD inside the root, in the current directory
#   python3.14, python3.15  = in-root /usr/bin/python3.1x ARGS...
# They exec all the way down (unshare -> sh -> chroot -> sh -> python), so the
# interpreter keeps the caller's pid, process group, environment and open file
# descriptors, and a signal sent to it or its group reaches it as it would a
# plain child. The mounts (/proc, /dev, /tmp, the project) are made in a private
# mount namespace per call (unshare --mount): they vanish with the process and
# are never left mounted on the host, so nothing has to be unmounted and a
# killed run leaves nothing behind. The project is the nearest directory above
# the current one holding a pyproject.toml (else the current directory), bound
# at the same path; THREAD_KILL_LABS_BIND (colon-separated) adds directories.
#
# The binaries need glibc 2.38 or later (bookworm has 2.36): they run only in
# the root, which is why the wrappers exist.
# Exit status: 0 set up; 2 with one line on stderr when it cannot be done here
# (not Linux, not Debian, no apt-get, not root), or for a bad argument; 1 with
# one line (and the log) when a step of the set-up failed.
set -euo pipefail

CACHE=${THREAD_KILL_LABS_CACHE:-/var/cache/thread-kill-labs}
ROOT=$CACHE/sid
WRAP=$CACHE/bin
PACKAGES="python3.14 python3.14-venv python3.15 python3.15-venv make procps"
STAMP=$ROOT/.thread-kill-labs-ready
LOG=$CACHE/setup.log

die() { echo "debian_pythons: $*" >&2; exit 2; }    # cannot be done here
fail() { echo "debian_pythons: $*" >&2; exit 1; }   # could, and it failed

case "${1:-}" in
  "") ;;
  --check) [ -f "$STAMP" ] && [ -x "$WRAP/python3.14" ] && [ -x "$WRAP/python3.15" ] || exit 1
           echo "$WRAP"; exit 0 ;;
  *) die "unknown argument ${1@Q} (use no argument, or --check)" ;;
esac

if [ -f "$STAMP" ] && [ -x "$WRAP/python3.14" ] && [ -x "$WRAP/python3.15" ]; then
  echo "$WRAP"
  exit 0
fi

[ "$(uname -s)" = Linux ] || die "needs Linux (this is $(uname -s))"
[ -r /etc/debian_version ] || die "needs Debian (no /etc/debian_version)"
command -v apt-get >/dev/null || die "needs apt-get"
[ "$(id -u)" = 0 ] || die "needs root (debootstrap and chroot); run it as root"
command -v unshare >/dev/null || die "needs unshare (util-linux)"

# The mirror: the first Debian archive URI of this machine's apt sources that
# is not the security archive (deb822 .sources first, then sources.list).
mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) print $i }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    awk '$1=="deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' "$f"
  done
}
MIRROR=$(mirror | grep -v -- '-security' | grep -E '^(https?|file):' | head -n1 || true)
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt/sources.list{,.d/*.sources}"

mkdir -p "$CACHE"
# One set-up at a time (other checkouts on this machine share the root).
exec 9>"$CACHE/setup.lock"
flock 9
if [ -f "$STAMP" ] && [ -x "$WRAP/python3.14" ] && [ -x "$WRAP/python3.15" ]; then
  echo "$WRAP"; exit 0
fi

step() { echo "debian_pythons: $*" >&2; }
: >"$LOG"
run_logged() { "$@" >>"$LOG" 2>&1 || fail "failed: $* (see $LOG)"; }

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap with apt-get"
  run_logged apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run_logged apt-get install -y -qq debootstrap
fi

if [ ! -x "$ROOT/usr/bin/apt-get" ] || [ ! -f "$ROOT/.debootstrap-done" ]; then
  step "debootstrap --variant=minbase sid into $ROOT (about 30 s; log: $LOG)"
  rm -rf "$ROOT"
  run_logged debootstrap --variant=minbase sid "$ROOT" "$MIRROR"
  touch "$ROOT/.debootstrap-done"
fi

# pip inside the root trusts what this machine trusts.
if [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  mkdir -p "$ROOT/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

# The wrappers.
mkdir -p "$WRAP"
cat >"$WRAP/in-root" <<EOF
#!/bin/sh
# Written by thread-kill-labs scripts/debian_pythons.sh: run a command inside
# the Debian sid root $ROOT, in the current directory, keeping pid,
# process group, environment and file descriptors (every step execs).
ROOT='$ROOT'
EOF
cat >>"$WRAP/in-root" <<'EOF'
[ "$#" -ge 1 ] || { echo "in-root: usage: in-root COMMAND [ARGS...]" >&2; exit 2; }
here=$(pwd -P)
project=$here
while [ "$project" != / ] && [ ! -f "$project/pyproject.toml" ]; do project=$(dirname "$project"); done
[ "$project" = / ] && project=$here
# Inside already (a nested call from a process in the root): just run it.
[ -f /.thread-kill-labs-ready ] && exec "$@"
exec unshare --mount --propagation private /bin/sh -c '
  root=$1 project=$2 here=$3; shift 3
  set -e
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --bind /tmp "$root/tmp"
  for d in "$project" $(echo "${THREAD_KILL_LABS_BIND:-}" | tr ":" " "); do
    [ -d "$d" ] || continue
    mkdir -p "$root$d"
    mount --bind "$d" "$root$d"
  done
  exec chroot "$root" /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$here" "$@"
' in-root "$ROOT" "$project" "$here" "$@"
EOF
chmod +x "$WRAP/in-root"

step "apt-get install $PACKAGES inside the root"
IN="$WRAP/in-root"
DEBIAN_FRONTEND=noninteractive run_logged "$IN" apt-get -o Acquire::Check-Valid-Until=false update -qq
DEBIAN_FRONTEND=noninteractive run_logged "$IN" apt-get -o Acquire::Check-Valid-Until=false \
  install -y -qq --no-install-recommends $PACKAGES
# The root's own ca-certificates package may have replaced the bundle: copy again.
[ -r /etc/ssl/certs/ca-certificates.crt ] && cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"

for v in 3.14 3.15; do
  [ -x "$ROOT/usr/bin/python$v" ] || fail "python$v missing in the root after apt-get (see $LOG)"
  printf '#!/bin/sh\nexec "%s/in-root" /usr/bin/python%s "$@"\n' "$WRAP" "$v" >"$WRAP/python$v"
  chmod +x "$WRAP/python$v"
done
touch "$STAMP"
echo "$WRAP"
