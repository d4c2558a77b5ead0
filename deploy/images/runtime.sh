#!/usr/bin/env bash
# Assembles, from this machine's JDK and Debian libraries, the files the AggPay images carry besides the application,
# because no base image can be pulled here (no registry): Jib builds every image FROM scratch and adds these as extra
# directories (the images profile of the parent pom).
#
#   <out>/runtime  every image: a JRE made by jlink (/opt/java), the shared libraries it links (glibc, libstdc++, zlib,
#                  the image libraries of java.desktop, fontconfig), the C.UTF-8 locale, /etc/passwd with the image's
#                  user (10001), /etc/nsswitch.conf, the writable /tmp and /var/lib/aggpay, and the health probe
#                  /opt/aggpay/healthcheck (healthcheck/Healthcheck.java: no shell or curl in a scratch image)
#   <out>/fonts    merchant-service only: fontconfig's configuration and the DejaVu and Noto CJK fonts its store
#                  posters are drawn with (StorePoster needs fonts at start-up, Chinese glyphs for the poster text)
#
# Rebuilt only when the JDK, the module list or this script changed (a stamp file), so repeated builds reuse it and
# Jib's layer cache: the JRE layer keeps the same digest from build to build (Jib fixes every file's time).
# Usage: deploy/images/runtime.sh [<out>]   (default deploy/images/target)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/target}"
JDK="${AGGPAY_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}"
# The JDK's own modules the services use. The first group is the union of what `jdeps --print-module-deps` finds in
# the six images' classes and libraries (check.sh --modules recomputes it and fails on a module the JRE lacks); the
# second is what is reached only by name at run time, which jdeps cannot see.
MODULES=(
  java.base java.compiler java.desktop java.instrument java.management java.naming java.net.http java.prefs java.rmi
  java.scripting java.security.jgss java.security.sasl java.sql java.sql.rowset jdk.attach jdk.jdi jdk.jfr
  jdk.management jdk.net jdk.unsupported
  # TLS with elliptic curves (the channels' HTTPS), GBK and other CJK charsets (Alipay, UnionPay), Chinese locale
  # data, DNS for JNDI, zip file systems, the JAAS login modules the Kafka client can name in its SASL settings
  jdk.crypto.ec jdk.charsets jdk.localedata jdk.naming.dns jdk.zipfs jdk.security.auth
)
log() { printf '[images] %s\n' "$*"; }

# the inputs: the JDK, the modules, this script and the probe, and the Debian packages whose files are copied (so
# that a security update of glibc and co. rebuilds the layer)
stamp="$(
  {
    cat "$JDK/release"
    printf '%s\n' "${MODULES[@]}"
    dpkg-query -W libc6 libstdc++6 libgcc-s1 zlib1g libfontconfig1 libfreetype6 libharfbuzz0b libpng16-16 \
      libjpeg62-turbo liblcms2-2 fonts-dejavu-core fonts-noto-cjk 2>/dev/null || true
    cat "${BASH_SOURCE[0]}" "$HERE/healthcheck/Healthcheck.java"
  } | sha256sum | cut -c1-16
)"
if [ -f "$OUT/runtime.stamp" ] && [ "$(cat "$OUT/runtime.stamp")" = "$stamp" ] && [ -x "$OUT/runtime/opt/java/bin/java" ]; then
  log "runtime layer up to date ($OUT/runtime)"
  exit 0
fi
[ -d "$JDK/jmods" ] || { log "no jmods in $JDK: install the JDK's jmods (Debian: openjdk-17-jdk-headless)"; exit 1; }
FONT_FILES=(
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
)
missing_fonts() { local f; for f in "${FONT_FILES[@]}" /usr/lib/x86_64-linux-gnu/libfontconfig.so.1; do [ -f "$f" ] || return 0; done; return 1; }
if missing_fonts && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing Debian's fonts and fontconfig for merchant-service's store posters"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-noto-cjk libfontconfig1 >/dev/null
fi
missing_fonts && { log "missing fonts-dejavu-core, fonts-noto-cjk or libfontconfig1 (Debian packages): install them"; exit 1; }

rm -rf "$OUT/runtime" "$OUT/fonts" "$OUT/runtime.stamp"
mkdir -p "$OUT"
rt="$OUT/runtime"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK/release")"
compress=2
[ "$major" -ge 21 ] && compress=zip-6
log "jlink: a JRE of $(echo "${MODULES[@]}" | wc -w) modules from $JDK"
jlink --module-path "$JDK/jmods" --add-modules "$(IFS=,; echo "${MODULES[*]}")" \
  --strip-debug --no-man-pages --no-header-files --compress="$compress" --include-locales=en,zh \
  --output "$rt/opt/java"
# A server draws headless: the X11 (and AWT native interface), sound and splash-screen natives only pull in desktop
# libraries.
rm -f "$rt/opt/java/lib/libawt_xawt.so" "$rt/opt/java/lib/libjawt.so" "$rt/opt/java/lib/libjsound.so" \
  "$rt/opt/java/lib/libsplashscreen.so"

# The shared libraries of every native file of the JRE and of fontconfig (which the JDK opens by name), copied as
# regular files into the loader's default directories (Jib does not keep symbolic links).
copy_lib() { # <path on this machine>
  local dest="$rt$1"
  [ -f "$dest" ] && return 0
  mkdir -p "$(dirname "$dest")"
  cp -L "$1" "$dest"
}
natives=$(find "$rt/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
for f in $natives /usr/lib/x86_64-linux-gnu/libfontconfig.so.1; do
  while read -r line; do
    case "$line" in
      *'libjvm.so => not found'*) ;; # the JVM's own library, found next to the launcher at run time
      *'not found'*) log "unresolved library of $f: $line"; exit 1 ;;
      *'=> /'*) copy_lib "$(echo "$line" | awk '{print $3}')" ;;
      /*) copy_lib "$(echo "$line" | awk '{print $1}')" ;; # the loader itself
    esac
  done < <(ldd "$f" 2>/dev/null || true)
done
copy_lib /usr/lib/x86_64-linux-gnu/libfontconfig.so.1
[ -f "$rt/lib64/ld-linux-x86-64.so.2" ] || { log "the dynamic loader was not found by ldd"; exit 1; }

# C.UTF-8, so that Java 17 reads and writes file names and text as UTF-8 (LANG in the image's environment)
mkdir -p "$rt/usr/lib/locale"
cp -rL /usr/lib/locale/C.utf8 "$rt/usr/lib/locale/"
mkdir -p "$rt/etc" "$rt/tmp" "$rt/var/lib/aggpay"
printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'aggpay:x:10001:10001:AggPay service:/tmp:/sbin/nologin' >"$rt/etc/passwd"
printf '%s\n' 'root:x:0:' 'aggpay:x:10001:' >"$rt/etc/group"
printf '%s\n' 'passwd: files' 'group: files' 'hosts: files dns' >"$rt/etc/nsswitch.conf"

mkdir -p "$rt/opt/aggpay/healthcheck"
"$JDK/bin/javac" --release 17 -d "$rt/opt/aggpay/healthcheck" "$HERE/healthcheck/Healthcheck.java"

fonts="$OUT/fonts"
mkdir -p "$fonts/etc"
cp -rL /etc/fonts "$fonts/etc/"
for f in "${FONT_FILES[@]}"; do
  mkdir -p "$fonts$(dirname "$f")"
  cp -L "$f" "$fonts$f"
done

echo "$stamp" >"$OUT/runtime.stamp"
log "runtime layer: $(du -sh "$rt" | cut -f1) ($rt), fonts layer: $(du -sh "$fonts" | cut -f1)"
