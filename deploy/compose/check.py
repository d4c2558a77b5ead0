#!/usr/bin/env python3
"""Checks deploy/compose/compose.yaml without Docker: parses it (PyYAML, with its anchors and merge keys, as Compose
reads it) and asserts what the file promises.

- no container_name and no fixed address anywhere (replicas and names come from Compose);
- infra (MariaDB, Redis, Kafka in KRaft mode with SASL required) and the six services, each with a health check;
  the services' probes hit their own port (deploy/local/services.sh) with the image's JRE;
- the services run the images deploy/images/build.sh builds (aggpay/<artifactId>:<project version>, pom.xml);
- the services find each other by service name on their ports; the stateless ones declare deploy.replicas,
  the simulator exactly one; only the gateway is published to other hosts;
- every variable the file reads is in .env.example, every secret it requires is empty there and .env is git-ignored;
  every AGGPAY_* variable handed to the services is one the services read.

Usage: deploy/compose/check.py [<compose file>]   (default: compose.yaml here; exit status 1 with every failure listed)
"""
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("[compose] needs PyYAML (Debian: apt-get install python3-yaml)")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
INFRA = ("mariadb", "redis", "kafka")
STATELESS = ("gateway-service", "merchant-service", "channel-router-service", "order-service", "notify-service")


def service_ports():
    """name -> port, from the list deploy/local/up.sh starts."""
    text = (ROOT / "deploy/local/services.sh").read_text()
    return {m.group(1): int(m.group(3))
            for m in re.finditer(r'"([\w-]+) ([\w-]+) (?:\$\(\()?(\d+)(?: \+ PORT_OFFSET\)\))?"', text)}


def project_version():
    pom = (ROOT / "pom.xml").read_text()
    return re.search(r"<artifactId>aggpay-parent</artifactId>\s*<version>([^<]+)</version>", pom).group(1)


def jib_image_pattern():
    pom = (ROOT / "pom.xml").read_text()
    return re.search(r"<artifactId>jib-maven-plugin</artifactId>.*?<to>\s*<image>([^<]+)</image>", pom, re.S).group(1)


def variables_read_by_services():
    names = set()
    for path in ROOT.glob("*/src/main/**/*"):
        if path.suffix in (".yml", ".yaml", ".java", ".properties") and path.is_file():
            names.update(re.findall(r"\b(AGGPAY_[A-Z0-9_]+)", path.read_text(errors="ignore")))
    return names


def env_example():
    values = {}
    for line in (HERE / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def walk(node, path=""):
    """Every (path, key, value) of the parsed document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def main():
    text = Path(sys.argv[1] if len(sys.argv) > 1 else HERE / "compose.yaml").read_text()
    compose = yaml.safe_load(text)
    failures = []

    def expect(ok, what):
        if not ok:
            failures.append(what)

    services = compose.get("services", {})
    ports = service_ports()
    version = project_version()
    pattern = jib_image_pattern()
    expect(pattern == "aggpay/${project.artifactId}:${project.version}", f"Jib image name in pom.xml is {pattern}")
    expect(set(services) == set(INFRA) | set(ports), f"services {sorted(services)}")

    for path, key, value in walk(compose):
        expect(key != "container_name", f"container_name at {path}")
        expect(key not in ("ipv4_address", "ipv6_address", "mac_address"), f"fixed address {key} at {path}")
        expect(key != "ipam", f"fixed subnet (ipam) at {path}")

    for name, service in services.items():
        check = service.get("healthcheck") or {}
        test = check.get("test") or []
        expect(test and not check.get("disable") and test != ["NONE"], f"{name}: no health check")
        if name in ports:
            expect(service.get("image") == f"aggpay/{name}:${{AGGPAY_IMAGE_TAG:-{version}}}",
                   f"{name}: image {service.get('image')} is not the Jib tar's aggpay/{name}:{version}")
            path = "/actuator/health" if name == "channel-simulator" else "/readyz"
            expect(test[:2] == ["CMD", "/opt/java/bin/java"] and "Healthcheck" in test
                   and test[-1] == f"http://127.0.0.1:{ports[name]}{path}",
                   f"{name}: health check {test} is not the image's probe on port {ports[name]}{path}")
            replicas = (service.get("deploy") or {}).get("replicas")
            if name in STATELESS:
                expect(replicas is not None, f"{name}: no deploy.replicas")
                depends = service.get("depends_on") or {}
                expect(all((depends.get(i) or {}).get("condition") == "service_healthy" for i in INFRA),
                       f"{name}: does not wait for healthy infrastructure")
            else:
                expect(replicas == 1, f"{name}: the simulator keeps its trades in memory, replicas must be 1")
        for published in service.get("ports") or []:
            spec = str(published)
            expect(name == "gateway-service" or spec.startswith("127.0.0.1:"),
                   f"{name}: publishes {spec} beyond this host (only the gateway is public)")

    env = services.get("order-service", {}).get("environment", {})
    for target, port in ports.items():
        variable = {"merchant-service": "AGGPAY_MERCHANT_URL", "order-service": "AGGPAY_ORDER_URL",
                    "channel-router-service": "AGGPAY_ROUTER_URL", "notify-service": "AGGPAY_NOTIFY_URL",
                    "channel-simulator": "AGGPAY_SIMULATOR_URL"}.get(target)
        if variable:
            expect(env.get(variable) == f"http://{target}:{port}", f"{variable} is {env.get(variable)}")
    expect(env.get("AGGPAY_KAFKA_BOOTSTRAP") == "kafka:9092" and env.get("AGGPAY_DB_HOST") == "mariadb"
           and env.get("AGGPAY_REDIS_HOST") == "redis", "services do not reach the infrastructure by name")

    kafka = services.get("kafka", {}).get("environment", {})
    expect("controller" in str(kafka.get("KAFKA_PROCESS_ROLES")), "Kafka is not in KRaft mode")
    expect("SASL_PLAINTEXT" in str(kafka.get("KAFKA_LISTENERS")) and kafka.get("KAFKA_SASL_ENABLED_MECHANISMS") == "PLAIN"
           and "PlainLoginModule" in str(kafka.get("KAFKA_LISTENER_NAME_SASL___PLAINTEXT_PLAIN_SASL_JAAS_CONFIG")),
           "Kafka does not require SASL/PLAIN as deploy/local/infra.sh configures it")
    expect("PLAINTEXT://" not in str(kafka.get("KAFKA_ADVERTISED_LISTENERS")).replace("SASL_PLAINTEXT://", ""),
           "Kafka advertises a listener without SASL")

    example = env_example()
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    expect(not (used - set(example)), f"variables missing from .env.example: {sorted(used - set(example))}")
    expect(not [k for k in required if example.get(k)], f"secrets with a value in .env.example: "
           f"{sorted(k for k in required if example.get(k))}")
    ignored = (HERE / ".gitignore").read_text().split() if (HERE / ".gitignore").is_file() else []
    expect(".env" in ignored, ".env is not git-ignored in deploy/compose")

    read = variables_read_by_services()
    handed = {key for name in ports for key in (services.get(name, {}).get("environment") or {})
              if key.startswith("AGGPAY_")}
    expect(not (handed - read), f"AGGPAY_* variables no service reads: {sorted(handed - read)}")

    for failure in failures:
        print(f"[compose] FAIL {failure}", file=sys.stderr)
    if not failures:
        print(f"[compose] compose.yaml is as expected: {len(services)} services, all with health checks, "
              "no fixed names or addresses")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
