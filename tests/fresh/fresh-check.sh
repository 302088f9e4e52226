#!/usr/bin/env bash
# fresh-check.sh - a contributor's first run, proved: the README's two commands on a clean Debian 12.
#
# Builds a minimal Debian 12 root with debootstrap (from Debian's archive, into build/fresh/root),
# adds only what the README asks a person to have (git, make, sudo), makes an ordinary user with
# sudo, clones this repository's committed HEAD into it, and runs there, as that user:
#   make test                     (must pass the first time)
#   make run PORT=18080           (must serve the game and the HR dashboard; then stopped)
# and prints how long each took. Downloads are cached in build/deps/fresh-cache (Debian packages,
# the base system, npm tarballs), which `make clean` keeps, so a second run spends its time building
# and testing, not downloading; builds are never cached: every run starts from a clean clone.
#
# Needs root (debootstrap, mount, chroot): run as root or it asks sudo. FRESH_KEEP=1 keeps the root
# for a look afterwards (build/fresh/root; `sudo chroot build/fresh/root su - dev`).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(id -u)" -ne 0 ]; then exec sudo -E "$0" "$@"; fi

suite=bookworm
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
cache=$repo/build/deps/fresh-cache
work=$repo/build/fresh
root=$work/root
log=$work/log
now() { date +%s; }
say() { printf '[fresh-check %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { say "FAILED: $*"; exit 1; }

command -v debootstrap >/dev/null || { say "installing debootstrap"; apt-get install -y -q debootstrap >/dev/null; }

mounts=()
cleanup() {
    set +e
    # stop anything still running inside (the game server of `make run`, a stray chromium)
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -9 "$pid" 2>/dev/null
    done
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null; done
    if [ "${FRESH_KEEP:-0}" != 1 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
mnt() { mkdir -p "${@: -1}"; mount "$@"; mounts+=("${@: -1}"); }

t0=$(now)
mkdir -p "$cache/apt-archives/partial" "$cache/npm" "$work"
# A run that was killed (SIGKILL, a lost session) never ran its cleanup: its mounts would make the
# rm below fail ("Device or resource busy"). Unmount whatever is still mounted under the root.
awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
rm -rf --one-file-system "$root"

# ---- a clean Debian 12 root (the base system is downloaded once, then unpacked from the cache) ----
base=$cache/$suite-minbase.tgz
if [ ! -f "$base" ]; then
    say "downloading Debian 12 base system (once; cached in $base)"
    debootstrap --variant=minbase --make-tarball="$base.part" "$suite" "$work/tarball-tmp" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; die "debootstrap --make-tarball"; }
    mv "$base.part" "$base"; rm -rf "$work/tarball-tmp"
fi
say "debootstrap: a clean Debian 12 root in $root"
debootstrap --variant=minbase --unpack-tarball="$base" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; die "debootstrap"; }

# What a Debian 12 installation's apt sources are (the main archive, its updates and security).
rm -f "$root/etc/apt/sources.list"
cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOS
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
cp /etc/resolv.conf "$root/etc/resolv.conf"
# the chroot shares this machine's host name: let sudo resolve it, as a real install would
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$(hostname)" > "$root/etc/hosts"
echo 'APT::Keep-Downloaded-Packages "true";' > "$root/etc/apt/apt.conf.d/10keep"   # for the cache

mnt -t proc proc "$root/proc"
mnt --rbind /sys "$root/sys"
mnt --bind /dev "$root/dev"
mnt -t devpts devpts "$root/dev/pts"
mnt -t tmpfs -o size=2g tmpfs "$root/dev/shm"
mnt --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

say "what the README asks a person to have: git, make, sudo"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail "$work/apt.log"; die "apt-get update"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git make sudo ca-certificates \
    >>"$work/apt.log" 2>&1 || { tail "$work/apt.log"; die "apt-get install git make sudo"; }
# This machine's network may inspect TLS with certificate authorities of its own (installed in
# /usr/local/share/ca-certificates, as an organisation's machine image would have them): the root
# gets the same ones, so npm reaches its registry here as it does on the machine itself.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    in_root update-ca-certificates >>"$work/apt.log" 2>&1
fi
in_root useradd -m -s /bin/bash dev
# npm uses its own list of authorities unless told to use the system's (as on this machine)
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' > "$root/home/dev/.npmrc"
in_root chown dev:dev /home/dev/.npmrc
echo 'dev ALL=(ALL) NOPASSWD: ALL' > "$root/etc/sudoers.d/dev"
mnt --bind "$cache/npm" "$root/home/dev/.npm"
in_root chown dev:dev /home/dev/.npm

say "cloning $(git -C "$repo" rev-parse --short HEAD) ($(git -C "$repo" log -1 --format=%s | cut -c1-60))"
git clone -q --no-local --no-hardlinks "$repo" "$root/home/dev/pakopeli"
git -C "$root/home/dev/pakopeli" checkout -q "$(git -C "$repo" rev-parse HEAD)"
in_root chown -R dev:dev /home/dev/pakopeli
as_dev() { in_root su - dev -c "cd ~/pakopeli && $*"; }
t_setup=$(now)

# ---- the README's commands ----
say "make test (first run on this machine; log: $log.test)"
t1=$(now)
if ! as_dev "make test" >"$log.test" 2>&1; then
    tail -40 "$log.test"
    die "make test failed after $(( $(now) - t1 )) s (whole log: $log.test)"
fi
t_test=$(( $(now) - t1 ))
grep -E '^# (tests|pass|fail)|passed, [0-9]+ failed|make test: all passed' "$log.test" | tail -12 || true

say "make run PORT=18080 (log: $log.run)"
t1=$(now)
in_root su - dev -c "cd ~/pakopeli && exec make run PORT=18080" >"$log.run" 2>&1 &
run_pid=$!
ok=false
for _ in $(seq 1 600); do
    if in_root node -e '
        const get = async (p) => { const r = await fetch("http://127.0.0.1:18080" + p); if (!r.ok) throw new Error(p + " " + r.status); return r.text(); };
        (async () => {
          const page = await get("/"); if (!page.includes("pakopeli.js")) throw new Error("no game page");
          await get("/pakopeli.wasm"); const hr = await get("/hr/"); if (!/<html/i.test(hr)) throw new Error("no dashboard");
        })().then(() => process.exit(0), () => process.exit(1));' 2>/dev/null; then ok=true; break; fi
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 1
done
t_run=$(( $(now) - t1 ))
kill "$run_pid" 2>/dev/null || true
$ok || { tail -30 "$log.run"; die "make run did not serve the game and the dashboard (log: $log.run)"; }

say "PASSED on a clean Debian 12 root"
printf '  set-up of the root (debootstrap, git/make/sudo, clone): %4d s\n' $(( t_setup - t0 ))
printf '  make test, first run:                                    %4d s\n' "$t_test"
printf '  make run, until the game and /hr/ answered:              %4d s\n' "$t_run"
printf '  total:                                                   %4d s\n' $(( $(now) - t0 ))
