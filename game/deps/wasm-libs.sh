#!/usr/bin/env bash
# Build SDL2, freetype, SDL2_ttf, SDL2_image, cJSON and libsodium for WebAssembly with
# Debian's Emscripten, from Debian *source* packages, into a local prefix.
#
# Usage: game/deps/wasm-libs.sh PREFIX
#
#   PREFIX/include/SDL2/{SDL.h,SDL_ttf.h,SDL_image.h,...}
#   PREFIX/include/freetype2/...
#   PREFIX/include/cjson/cJSON.h
#   PREFIX/include/sodium.h, PREFIX/include/sodium/...
#   PREFIX/lib/{libSDL2,libfreetype,libSDL2_ttf,libSDL2_image,libcjson,libsodium}.a
#
# Sources are fetched with `apt-get source` into PREFIX/../src/<srcpkg>/.
# Each library is rebuilt only when its stamp (PREFIX/.stamp-<srcpkg>:
# source version + flags + versions of what it was built against) changes
# or its .a is missing.  Needs: emscripten cmake dpkg-dev (apt packages).
#
# Environment:
#   WASM_LIB_CFLAGS  optimisation flags for the libraries (default -Oz -flto: smallest code, and
#                    LLVM bitcode, so the game's link drops whatever it does not call; see
#                    docs/performance.md for what each choice saves)
#   JOBS             parallel build jobs (default 2)
set -euo pipefail

WASM_LIB_CFLAGS=${WASM_LIB_CFLAGS:--Oz -flto}
JOBS=${JOBS:-2}
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS optimiser needs Debian's acorn

log() { printf '[wasm-libs] %s\n' "$*"; }
die() { printf '[wasm-libs] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'printf "[wasm-libs] ERROR: command failed (line %s): %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

[ $# -eq 1 ] || die "usage: $0 PREFIX"
mkdir -p "$1"
PREFIX=$(cd "$1" && pwd)
SRC=$(cd "$PREFIX/.." && pwd)/src
mkdir -p "$SRC" "$PREFIX/include/SDL2" "$PREFIX/include/cjson" "$PREFIX/lib"
# Two builds on one machine (several checkouts sharing build/deps) take turns, never mix sources.
exec 8>"$PREFIX/.lock"
flock 8

for tool in emcc emar emcmake cmake apt-get apt-cache dpkg-source; do
    command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install emscripten cmake dpkg-dev)"
done

# ---------------------------------------------------------------- sources --
SRC_LIST=/etc/apt/sources.list.d/debian-src.sources
# Adding the source index changes /etc/apt: root's work, asked of sudo when we are not root.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
ensure_deb_src() {
    if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        log "adding deb-src entries ($SRC_LIST)"
        $SUDO tee "$SRC_LIST" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
    fi
    if [ -z "$(apt-cache showsrc --only-source libsdl2 2>/dev/null)" ]; then
        log "apt-get update (no source index yet)"
        $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
    fi
}

# Highest version of a source package known to apt.
src_version() {
    local best="" v
    for v in $(apt-cache showsrc --only-source "$1" 2>/dev/null | awk '/^Version:/ {print $2}'); do
        if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
    done
    [ -n "$best" ] || die "source package '$1' not found (deb-src / apt-get update?)"
    printf '%s\n' "$best"
}

# fetch PKG VERSION -> prints the unpacked source dir (fresh each call)
fetch() {
    local pkg=$1 ver=$2 dir=$SRC/$1
    rm -rf "$dir"; mkdir -p "$dir"
    log "$pkg: apt-get source $pkg=$ver" >&2
    (cd "$dir" && apt-get -q -o APT::Sandbox::User=root source --only-source "$pkg=$ver" >apt-source.log 2>&1) \
        || { cat "$dir/apt-source.log" >&2; die "apt-get source $pkg=$ver failed"; }
    local d
    d=$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -n1)
    [ -n "$d" ] || die "$pkg: nothing unpacked in $dir"
    printf '%s\n' "$d"
}

# up_to_date STAMPNAME CONTENT LIB...
up_to_date() {
    local stamp=$PREFIX/.stamp-$1 want=$2; shift 2
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] || return 1
    local l; for l in "$@"; do [ -f "$PREFIX/lib/$l" ] || return 1; done
}

now() { date +%s; }
T_ALL=$(now)

ensure_deb_src
V_SDL=$(src_version libsdl2)
V_FT=$(src_version freetype)
V_TTF=$(src_version libsdl2-ttf)
V_IMG=$(src_version libsdl2-image)
V_CJSON=$(src_version cjson)
V_SODIUM=$(src_version libsodium)

# SDL for the browser game: video, render and events only (no audio, joystick, haptic, sensor,
# power, locale, misc subsystems), and without the blitters we never hit: YUV, RLE, palette
# (<= 8 bit) and N-to-N conversions (SDL_Blit_Slow and the generated SDL_blit_auto.c cover any
# conversion the software renderer - the fallback without WebGL - still needs).
SDL_LEAN="-DSDL_HAVE_YUV=0 -DSDL_HAVE_RLE=0 -DSDL_HAVE_BLIT_0=0 -DSDL_HAVE_BLIT_1=0 -DSDL_HAVE_BLIT_N=0 -DSDL_HAVE_BLIT_N_RGB565=0"
S_SDL="$V_SDL cflags=$WASM_LIB_CFLAGS video-only $SDL_LEAN"
S_FT="$V_FT cflags=$WASM_LIB_CFLAGS modules=tt,sfnt,smooth no-tt-bytecode no-ps-names"
S_TTF="$V_TTF cflags=$WASM_LIB_CFLAGS sdl2=$V_SDL freetype=$V_FT"
S_IMG="$V_IMG cflags=$WASM_LIB_CFLAGS sdl2=$V_SDL"
S_CJSON="$V_CJSON cflags=$WASM_LIB_CFLAGS"
S_SODIUM="$V_SODIUM cflags=$WASM_LIB_CFLAGS minimal no-asm no-pthreads"

cmake_common=(
    -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_C_FLAGS_RELEASE=$WASM_LIB_CFLAGS -DNDEBUG"
    "-DCMAKE_INSTALL_PREFIX=$PREFIX"
    -DCMAKE_INSTALL_LIBDIR=lib
    -DBUILD_SHARED_LIBS=OFF
)

# ------------------------------------------------------------------- SDL2 --
if up_to_date libsdl2 "$S_SDL" libSDL2.a; then
    log "SDL2 $V_SDL: up to date"
else
    t=$(now)
    d=$(fetch libsdl2 "$V_SDL")
    rm -f "$PREFIX/.stamp-libsdl2"
    log "SDL2 $V_SDL: configure (emcmake cmake, slow: ~2-3 min)"
    emcmake cmake -S "$d" -B "$d/build-wasm" "${cmake_common[@]}" \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_TESTS=OFF \
        -DSDL2_DISABLE_SDL2MAIN=ON -DSDL2_DISABLE_UNINSTALL=ON \
        -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_CCACHE=OFF \
        -DSDL_HIDAPI=OFF -DSDL_DISKAUDIO=OFF -DSDL_OFFSCREEN=OFF \
        -DSDL_OPENGLES=ON -DSDL_OPENGL=OFF \
        -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF \
        -DSDL_LOCALE=OFF -DSDL_MISC=OFF \
        "-DCMAKE_C_FLAGS=$SDL_LEAN" \
        >"$d/configure.log" 2>&1 || { tail -40 "$d/configure.log" >&2; die "SDL2 configure failed (see $d/configure.log)"; }
    log "SDL2: build -j$JOBS"
    cmake --build "$d/build-wasm" -j"$JOBS" >"$d/build.log" 2>&1 \
        || { tail -40 "$d/build.log" >&2; die "SDL2 build failed (see $d/build.log)"; }
    cmake --install "$d/build-wasm" >/dev/null
    [ -f "$PREFIX/lib/libSDL2.a" ] || die "SDL2: libSDL2.a not installed"
    echo "$S_SDL" > "$PREFIX/.stamp-libsdl2"
    log "SDL2: done in $(( $(now) - t ))s"
fi

# --------------------------------------------------------------- freetype --
if up_to_date freetype "$S_FT" libfreetype.a; then
    log "freetype $V_FT: up to date"
else
    t=$(now)
    d=$(fetch freetype "$V_FT")
    rm -f "$PREFIX/.stamp-freetype"
    # Only what TrueType fonts need; the other drivers would be dead weight. Every font the game
    # ships is TrueType: the comic's Comic Neue (CFF in Debian) is converted at build time
    # (Makefile, game/tools/otf2ttf.py), so the CFF driver with psaux, pshinter and psnames
    # (~34 kB br of the wasm, docs/performance.md) is not built. Should a CFF driver come back:
    # it needs psaux, pshinter and psnames (modules.cfg); without pshinter a hinted CFF glyph is
    # scaled twice (issue 11: the comic's lettering piled up). tests/front/test_text_metrics.c.
    # No TrueType bytecode interpreter (~30 kB of code): our fonts are shipped without hinting
    # instructions (Makefile, fontTools.subset), so it never ran; without it a TrueType glyph is
    # loaded exactly as before (the phantom points are still rounded: whole-pixel advances), which
    # tests/front/test_text_metrics.c (native FreeType, with the interpreter) and the approved
    # screens check.
    cat > "$d/include/freetype/config/ftmodule.h" <<'EOM'
FT_USE_MODULE( FT_Driver_ClassRec, tt_driver_class )
FT_USE_MODULE( FT_Module_Class, sfnt_module_class )
FT_USE_MODULE( FT_Renderer_Class, ft_smooth_renderer_class )
EOM
    for o in FT_CONFIG_OPTION_USE_LZW FT_CONFIG_OPTION_ADOBE_GLYPH_LIST FT_CONFIG_OPTION_MAC_FONTS \
             FT_CONFIG_OPTION_GUESSING_EMBEDDED_RFORK FT_CONFIG_OPTION_INCREMENTAL FT_CONFIG_OPTION_SVG \
             TT_CONFIG_OPTION_COLOR_LAYERS TT_CONFIG_OPTION_EMBEDDED_BITMAPS \
             TT_CONFIG_OPTION_GX_VAR_SUPPORT TT_CONFIG_OPTION_BDF \
             TT_CONFIG_OPTION_BYTECODE_INTERPRETER TT_CONFIG_OPTION_SUBPIXEL_HINTING \
             FT_CONFIG_OPTION_POSTSCRIPT_NAMES TT_CONFIG_OPTION_POSTSCRIPT_NAMES; do
        sed -i "s|^#define $o\\b.*|/* #define $o (off: Pakopeli) */|" "$d/include/freetype/config/ftoption.h"
    done
    log "freetype $V_FT: configure + build"
    emcmake cmake -S "$d" -B "$d/build-wasm" "${cmake_common[@]}" \
        -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_PNG=ON \
        -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON \
        >"$d/configure.log" 2>&1 || { tail -40 "$d/configure.log" >&2; die "freetype configure failed (see $d/configure.log)"; }
    cmake --build "$d/build-wasm" -j"$JOBS" >"$d/build.log" 2>&1 \
        || { tail -40 "$d/build.log" >&2; die "freetype build failed (see $d/build.log)"; }
    cmake --install "$d/build-wasm" >/dev/null
    [ -f "$PREFIX/lib/libfreetype.a" ] || die "freetype: libfreetype.a not installed"
    echo "$S_FT" > "$PREFIX/.stamp-freetype"
    log "freetype: done in $(( $(now) - t ))s"
fi

# emcc_objs OUTDIR SRCDIR FLAGS... -- FILES...   (parallel, -j$JOBS)
emcc_objs() {
    local out=$1 srcdir=$2; shift 2
    local flags=() files=()
    while [ "$1" != "--" ]; do flags+=("$1"); shift; done; shift
    files=("$@")
    mkdir -p "$out"
    printf '%s\n' "${files[@]}" | xargs -P "$JOBS" -I{} \
        emcc -c $WASM_LIB_CFLAGS -DNDEBUG "${flags[@]}" "$srcdir/{}" -o "$out/{}.o"
}

# --------------------------------------------------------------- SDL2_ttf --
if up_to_date libsdl2-ttf "$S_TTF" libSDL2_ttf.a; then
    log "SDL2_ttf $V_TTF: up to date"
else
    t=$(now)
    d=$(fetch libsdl2-ttf "$V_TTF")
    rm -f "$PREFIX/.stamp-libsdl2-ttf"
    log "SDL2_ttf $V_TTF: compile (no harfbuzz)"
    emcc_objs "$d/obj" "$d" -I"$d" -I"$PREFIX/include/SDL2" -I"$PREFIX/include/freetype2" \
        -DTTF_USE_HARFBUZZ=0 -- SDL_ttf.c
    rm -f "$PREFIX/lib/libSDL2_ttf.a"
    emar rcs "$PREFIX/lib/libSDL2_ttf.a" "$d"/obj/*.o
    install -m 644 "$d/SDL_ttf.h" "$PREFIX/include/SDL2/"
    echo "$S_TTF" > "$PREFIX/.stamp-libsdl2-ttf"
    log "SDL2_ttf: done in $(( $(now) - t ))s"
fi

# ------------------------------------------------------------- SDL2_image --
# PNG + JPEG through the bundled stb_image.h (USE_STBIMAGE), SVG through the
# bundled nanosvg.h/nanosvgrast.h, BMP via SDL.  All IMG_*.c are compiled
# (IMG.c references every IMG_isXXX; disabled formats compile to stubs).
if up_to_date libsdl2-image "$S_IMG" libSDL2_image.a; then
    log "SDL2_image $V_IMG: up to date"
else
    t=$(now)
    d=$(fetch libsdl2-image "$V_IMG")
    rm -f "$PREFIX/.stamp-libsdl2-image"
    for h in stb_image.h nanosvg.h nanosvgrast.h; do
        [ -f "$d/$h" ] || die "SDL2_image: bundled $h missing from Debian source (dfsg?)"
    done
    log "SDL2_image $V_IMG: compile (stb_image PNG/JPG, nanosvg SVG, BMP)"
    mapfile -t img_srcs < <(cd "$d" && ls IMG*.c | grep -v -e '^IMG_WIC\.c$')
    emcc_objs "$d/obj" "$d" -I"$d" -I"$PREFIX/include/SDL2" \
        -DUSE_STBIMAGE -DLOAD_PNG -DLOAD_JPG -DLOAD_SVG -DLOAD_BMP \
        -- "${img_srcs[@]}"
    rm -f "$PREFIX/lib/libSDL2_image.a"
    emar rcs "$PREFIX/lib/libSDL2_image.a" "$d"/obj/*.o
    install -m 644 "$d/SDL_image.h" "$PREFIX/include/SDL2/"
    echo "$S_IMG" > "$PREFIX/.stamp-libsdl2-image"
    log "SDL2_image: done in $(( $(now) - t ))s"
fi

# ------------------------------------------------------------------ cJSON --
if up_to_date cjson "$S_CJSON" libcjson.a; then
    log "cJSON $V_CJSON: up to date"
else
    t=$(now)
    d=$(fetch cjson "$V_CJSON")
    rm -f "$PREFIX/.stamp-cjson"
    log "cJSON $V_CJSON: compile"
    emcc_objs "$d/obj" "$d" -I"$d" -- cJSON.c
    rm -f "$PREFIX/lib/libcjson.a"
    emar rcs "$PREFIX/lib/libcjson.a" "$d"/obj/*.o
    install -m 644 "$d/cJSON.h" "$PREFIX/include/cjson/"
    echo "$S_CJSON" > "$PREFIX/.stamp-cjson"
    log "cJSON: done in $(( $(now) - t ))s"
fi

# -------------------------------------------------------------- libsodium --
# The sealed rooms' checks (game/core/seal.c): BLAKE2b (crypto_generichash) for the answer tags
# and crypto_secretbox (XSalsa20-Poly1305) for the code parts. Only the sources of those two and
# what they call are compiled, in their portable C versions (no assembly, no SIMD, no threads;
# Debian's source has no generated configure, and a minimal build needs none: the defines
# below are what configure would find for WebAssembly). LLVM bitcode like the others, so the
# game's link keeps only what seal.c reaches (make bench: what it adds to the first load).
SODIUM_SRCS=(
    crypto_generichash/crypto_generichash.c
    crypto_generichash/blake2b/ref/blake2b-ref.c
    crypto_generichash/blake2b/ref/blake2b-compress-ref.c
    crypto_generichash/blake2b/ref/generichash_blake2b.c
    crypto_secretbox/crypto_secretbox.c
    crypto_secretbox/crypto_secretbox_easy.c
    crypto_secretbox/xsalsa20poly1305/secretbox_xsalsa20poly1305.c
    crypto_stream/xsalsa20/stream_xsalsa20.c
    crypto_stream/salsa20/stream_salsa20.c
    crypto_stream/salsa20/ref/salsa20_ref.c
    crypto_core/hsalsa20/core_hsalsa20.c
    crypto_core/hsalsa20/ref2/core_hsalsa20_ref2.c
    crypto_core/salsa/ref/core_salsa_ref.c
    crypto_onetimeauth/crypto_onetimeauth.c
    crypto_onetimeauth/poly1305/onetimeauth_poly1305.c
    crypto_onetimeauth/poly1305/donna/poly1305_donna.c
    crypto_verify/sodium/verify.c
    sodium/utils.c
    sodium/runtime.c
    sodium/core.c
    randombytes/randombytes.c
)
S_SODIUM="$V_SODIUM cflags=$WASM_LIB_CFLAGS portable-c ${SODIUM_SRCS[*]}"
if up_to_date libsodium "$S_SODIUM" libsodium.a; then
    log "libsodium $V_SODIUM: up to date"
else
    t=$(now)
    d=$(fetch libsodium "$V_SODIUM")
    rm -f "$PREFIX/.stamp-libsodium"
    log "libsodium $V_SODIUM: compile generichash + secretbox (portable C)"
    inc=$d/src/libsodium/include
    ver=${V_SODIUM%%-*}
    sed -e "s/@VERSION@/$ver/" -e "s/@SODIUM_LIBRARY_VERSION_MAJOR@/10/" \
        -e "s/@SODIUM_LIBRARY_VERSION_MINOR@/3/" -e "s/@SODIUM_LIBRARY_MINIMAL_DEF@//" \
        "$inc/sodium/version.h.in" > "$inc/sodium/version.h"
    mkdir -p "$d/obj"
    printf '%s\n' "${SODIUM_SRCS[@]}" | xargs -P "$JOBS" -I{} sh -c \
        'emcc -c '"$WASM_LIB_CFLAGS"' -DNDEBUG -DCONFIGURED=1 -DNATIVE_LITTLE_ENDIAN=1 -DSODIUM_STATIC=1 \
           -I"$1/sodium" -I"$1" "$2/src/libsodium/$3" -o "$2/obj/$(echo "$3" | tr / _).o"' _ "$inc" "$d" {}
    rm -f "$PREFIX/lib/libsodium.a"
    emar rcs "$PREFIX/lib/libsodium.a" "$d"/obj/*.o
    rm -rf "$PREFIX/include/sodium" && cp -r "$inc/sodium" "$inc/sodium.h" "$PREFIX/include/"
    echo "$S_SODIUM" > "$PREFIX/.stamp-libsodium"
    log "libsodium: done in $(( $(now) - t ))s"
fi

for f in include/SDL2/SDL.h include/SDL2/SDL_ttf.h include/SDL2/SDL_image.h include/cjson/cJSON.h include/sodium.h \
         lib/libsodium.a lib/libSDL2.a lib/libfreetype.a lib/libSDL2_ttf.a lib/libSDL2_image.a lib/libcjson.a; do
    [ -f "$PREFIX/$f" ] || die "missing $PREFIX/$f"
done
log "all libraries ready in $PREFIX ($(( $(now) - T_ALL ))s)"
