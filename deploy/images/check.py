#!/usr/bin/env python3
"""Checks the image tars deploy/images/build.sh wrote, the way a runtime would read them (Python standard library only).

For each service: the tar is an OCI image layout (oci-layout, index.json, blobs), every blob matches its digest, and
the image config says what the images must be: a non-root numeric user, an entrypoint that starts the JRE inside the
image with the class path and main class Jib wrote, the service's ports, the JVM settings, OCI labels and a fixed
creation time. The layers must hold that JRE with its dynamic loader and libraries, every class path entry, the
health probe, and for merchant-service the fonts; all six images must share one runtime layer (stored once).

Usage: deploy/images/check.py <images dir>   (exit status 1 with every failure listed)
With --extract <service> <dir> it only unpacks that image's file system into <dir> (for check.sh's run test).
"""
import gzip
import hashlib
import io
import json
import re
import sys
import tarfile
from pathlib import Path

USER = "10001:10001"
JAVA = "/opt/java/bin/java"
# name -> exposed ports (deploy/local/services.sh; Actuator's management port = service port + 10000)
SERVICES = {
    "gateway-service": {8080, 18080},
    "merchant-service": {8081, 18081},
    "order-service": {8082, 18082},
    "channel-router-service": {8083, 18083},
    "notify-service": {8084, 18084},
    "channel-simulator": {9090},
}
MAIN_CLASSES = {
    "gateway-service": "com.aggpay.gateway.GatewayApplication",
    "merchant-service": "com.aggpay.merchant.MerchantServiceApplication",
    "order-service": "com.aggpay.order.OrderServiceApplication",
    "channel-router-service": "com.aggpay.router.ChannelRouterApplication",
    "notify-service": "com.aggpay.notify.NotifyServiceApplication",
    "channel-simulator": "com.aggpay.simulator.ChannelSimulatorApplication",
}
JVM_FLAGS = ["-Xms384m", "-Xmx512m", "-Xmn192m", "-XX:+UseSerialGC"]
RUNTIME_FILES = [
    "opt/java/bin/java", "opt/java/lib/server/libjvm.so", "opt/java/lib/modules", "opt/java/lib/security/cacerts",
    "lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1",
    "usr/lib/locale/C.utf8/LC_CTYPE", "etc/passwd", "etc/nsswitch.conf",
    "opt/aggpay/healthcheck/Healthcheck.class",
]
FONT_FILES = ["usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "etc/fonts/fonts.conf"]


class OciImage:
    """One image of an OCI layout tar: its manifest, config and layers, each read and checked against its digest."""

    def __init__(self, path: Path):
        self.tar = tarfile.open(path)
        names = set(self.tar.getnames())
        if "oci-layout" not in names or "index.json" not in names:
            raise ValueError(f"{path.name}: not an OCI image layout (no oci-layout / index.json)")
        index = self.json("index.json")
        manifests = index["manifests"]
        if len(manifests) != 1:
            raise ValueError(f"{path.name}: {len(manifests)} manifests in index.json, expected 1")
        self.ref_name = manifests[0].get("annotations", {}).get("org.opencontainers.image.ref.name", "")
        self.manifest = json.loads(self.blob(manifests[0]["digest"]))
        self.config = json.loads(self.blob(self.manifest["config"]["digest"]))
        self.layer_digests = [layer["digest"] for layer in self.manifest["layers"]]

    def json(self, name):
        return json.load(self.tar.extractfile(name))

    def blob(self, digest: str) -> bytes:
        algorithm, value = digest.split(":")
        data = self.tar.extractfile(f"blobs/{algorithm}/{value}").read()
        if hashlib.new(algorithm, data).hexdigest() != value:
            raise ValueError(f"blob {digest} does not match its digest")
        return data

    def layers(self):
        """(digest, tarfile of the uncompressed layer), checking each layer against the config's diff_ids."""
        diff_ids = self.config["rootfs"]["diff_ids"]
        for digest, diff_id in zip(self.layer_digests, diff_ids):
            raw = gzip.decompress(self.blob(digest))
            if "sha256:" + hashlib.sha256(raw).hexdigest() != diff_id:
                raise ValueError(f"layer {digest} does not match diff_id {diff_id}")
            yield digest, tarfile.open(fileobj=io.BytesIO(raw))


def check(images_dir: Path, name: str, ports: set, failures: list):
    def expect(ok, what):
        if not ok:
            failures.append(f"{name}: {what}")

    image = OciImage(images_dir / f"{name}.tar")
    config = image.config
    run = config.get("config", {})
    expect(config.get("architecture") == "amd64" and config.get("os") == "linux",
           f"platform {config.get('os')}/{config.get('architecture')}")
    expect(config.get("created") == "1970-01-01T00:00:00Z", f"creation time {config.get('created')} is not fixed")
    expect(image.ref_name.endswith(f"aggpay/{name}:" + image.ref_name.rsplit(":", 1)[-1]) and name in image.ref_name,
           f"image name {image.ref_name!r}")

    user = run.get("User", "")
    uid, _, gid = user.partition(":")
    expect(user == USER and uid.isdigit() and int(uid) != 0 and gid.isdigit() and int(gid) != 0,
           f"user {user!r} is not the numeric non-root {USER}")
    entrypoint = run.get("Entrypoint") or []
    expect(entrypoint == [JAVA, "-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file"],
           f"entrypoint {entrypoint}")
    exposed = {int(p.split("/")[0]) for p in run.get("ExposedPorts", {}) if p.endswith("/tcp")}
    expect(exposed == ports, f"exposed ports {sorted(exposed)}, expected {sorted(ports)}")
    env = dict(item.split("=", 1) for item in run.get("Env", []))
    flags = env.get("JDK_JAVA_OPTIONS", "").split()
    expect(all(flag in flags for flag in JVM_FLAGS), f"JDK_JAVA_OPTIONS {flags} lacks {JVM_FLAGS}")
    expect(env.get("SERVER_ADDRESS") == "0.0.0.0", "SERVER_ADDRESS is not 0.0.0.0")
    expect(env.get("LANG") == "C.UTF-8", "LANG is not C.UTF-8")
    labels = run.get("Labels", {})
    expect(labels.get("org.opencontainers.image.title") == name, f"title label {labels.get('org.opencontainers.image.title')!r}")
    for label in ("version", "revision", "description", "vendor", "base.name"):
        expect(labels.get(f"org.opencontainers.image.{label}"), f"no org.opencontainers.image.{label} label")

    files = {}
    runtime_layer = None
    for digest, layer in image.layers():
        for member in layer.getmembers():
            path = member.name.lstrip("./").lstrip("/")
            files[path] = (member, layer)
            if path == "opt/java/bin/java":
                runtime_layer = digest
    for path in RUNTIME_FILES + (FONT_FILES if name == "merchant-service" else []):
        expect(path in files, f"/{path} missing from the layers")
    for path in ("opt/java/bin/java", "lib64/ld-linux-x86-64.so.2"):
        if path in files:
            expect(files[path][0].mode & 0o111, f"/{path} is not executable")
    for path in ("tmp", "var/lib/aggpay"):
        expect(path in files and files[path][0].isdir() and files[path][0].mode & 0o777 == 0o777,
               f"/{path} is not a directory writable by the image's user")
    if "etc/passwd" in files:
        passwd = files["etc/passwd"][1].extractfile(files["etc/passwd"][0]).read().decode()
        expect(re.search(r"^\w+:x:10001:10001:", passwd, re.M), "/etc/passwd has no entry for uid 10001")

    def text(path):
        member, layer = files[path]
        return layer.extractfile(member).read().decode().strip()

    if "app/jib-main-class-file" in files and "app/jib-classpath-file" in files:
        expect(text("app/jib-main-class-file") == MAIN_CLASSES[name], f"main class {text('app/jib-main-class-file')}")
        classpath = text("app/jib-classpath-file").split(":")
        missing = [entry for entry in classpath if entry.lstrip("/") not in files]
        expect(not missing, f"class path entries missing from the layers: {missing[:5]}")
        if name != "channel-simulator":  # the simulator shares no code with the platform
            expect(any(entry.startswith("/app/libs/contracts-") for entry in classpath), "contracts jar not on the class path")
        main_class_file = "app/classes/" + MAIN_CLASSES[name].replace(".", "/") + ".class"
        expect(main_class_file in files, f"/{main_class_file} missing")
    else:
        failures.append(f"{name}: Jib's /app/jib-classpath-file or /app/jib-main-class-file missing")
    return runtime_layer


def extract(images_dir: Path, name: str, target: Path):
    """Unpacks the image's layers in order into target, as a runtime would (Jib's layers have no whiteouts)."""
    image = OciImage(images_dir / f"{name}.tar")
    for _, layer in image.layers():
        layer.extractall(target, numeric_owner=True)
    print(json.dumps(image.config.get("config", {})))


def main(argv):
    if len(argv) == 5 and argv[1] == "--extract":
        extract(Path(argv[2]), argv[3], Path(argv[4]))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    images_dir = Path(argv[1])
    failures = []
    runtime_layers = {}
    for name, ports in SERVICES.items():
        if not (images_dir / f"{name}.tar").is_file():
            failures.append(f"{name}: {images_dir / (name + '.tar')} not found (run deploy/images/build.sh)")
            continue
        try:
            runtime_layers[name] = check(images_dir, name, ports, failures)
        except (ValueError, KeyError, tarfile.TarError) as e:
            failures.append(f"{name}: {e}")
        print(f"[images] checked {name}")
    if len(set(runtime_layers.values())) > 1:
        failures.append(f"the images do not share one runtime layer: {runtime_layers}")
    for failure in failures:
        print(f"[images] FAIL {failure}", file=sys.stderr)
    if not failures:
        print(f"[images] all {len(SERVICES)} images are as expected (shared runtime layer {next(iter(runtime_layers.values()))})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
