package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every Kustomize overlay of {@code deploy/k8s} with {@code kubectl kustomize} (offline: no cluster) and checks
 * what a cluster and its operators rely on: probes, resources, non-root pods, pinned images, a Service, autoscaler and
 * disruption budget per service, the environment each service needs (secrets only by reference), and network
 * policies that let in from outside only the gateway and, between services, exactly the trust that
 * {@code aggpay.service-auth.allow} in each service's application.yml grants. The trust is read from those files, so
 * a rule changed there and not in the policies (or the other way round) fails here.
 *
 * <p>Skipped only when kubectl is missing and {@code AGGPAY_REQUIRE_KUBECTL} is not {@code true}; CI sets it, so there
 * a missing kubectl is a failure, not a silent skip.
 */
class KubernetesManifestsTest {

    static final Map<String, Integer> PLATFORM = Map.of(
            "gateway-service", 8080, "merchant-service", 8081, "order-service", 8082,
            "channel-router-service", 8083, "notify-service", 8084);
    static final String GATEWAY = "gateway-service";
    static final String SIMULATOR = "channel-simulator";
    static final int SIMULATOR_PORT = 9090;
    /** Links that exist only where the simulator stands in for the wallets' servers (on the internet in production). */
    static final Set<String> SIMULATOR_LINKS = Set.of(
            "channel-router-service -> channel-simulator:9090", "channel-simulator -> gateway-service:8080");
    /** The services' infrastructure, reached by port: database, Redis, Kafka (plain SASL and over TLS). */
    static final Set<Integer> INFRASTRUCTURE_PORTS = Set.of(3306, 6379, 9092, 9093);
    /** The only services that talk to the internet: channels' APIs and merchants' webhook endpoints. */
    static final Set<String> INTERNET_EGRESS = Set.of("channel-router-service", "notify-service");
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final Pattern EMPTY_DEFAULT = Pattern.compile("\\$\\{(AGGPAY_[A-Z0-9_]+):}");
    static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");

    static Path root;
    static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    @BeforeAll
    static void kubectlIsThere() {
        boolean required = "true".equalsIgnoreCase(System.getenv("AGGPAY_REQUIRE_KUBECTL"));
        if (kubectl() == null) {
            assumeTrue(required, "kubectl is not on the PATH (AGGPAY_REQUIRE_KUBECTL=true makes this a failure)");
            fail("AGGPAY_REQUIRE_KUBECTL=true but kubectl is not on the PATH (deploy/local/test.sh installs it)");
        }
        root = repoRoot();
    }

    static Stream<String> overlays() {
        Path dir = repoRoot().resolve("deploy/k8s/overlays");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    @Test
    void there_are_staging_production_and_simulator_overlays() {
        assertThat(overlays()).contains("staging", "production", "local-sim");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_platform_service_has_a_deployment_service_autoscaler_and_disruption_budget(String overlay) {
        Rendered r = render(overlay);
        PLATFORM.forEach((name, port) -> {
            assertThat(r.find("Deployment", name)).as("%s: Deployment %s", overlay, name).isNotNull();

            Map<String, Object> service = r.get("Service", name);
            assertThat(str(service, "spec", "type")).as("%s: Service %s type", overlay, name).isEqualTo("ClusterIP");
            assertThat(labels(service, "spec", "selector")).as("%s: Service %s selector", overlay, name)
                    .containsEntry(NAME_LABEL, name);
            assertThat(list(service, "spec", "ports")).as("%s: Service %s ports", overlay, name)
                    .anySatisfy(p -> assertThat(((Map<?, ?>) p).get("port")).isEqualTo(port));

            Map<String, Object> hpa = r.get("HorizontalPodAutoscaler", name);
            assertThat(str(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(str(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            assertThat(str(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name);
            int min = (Integer) at(hpa, "spec", "minReplicas");
            int max = (Integer) at(hpa, "spec", "maxReplicas");
            assertThat(min).as("%s: %s minReplicas", overlay, name).isPositive().isLessThanOrEqualTo(max);
            assertThat(list(hpa, "spec", "metrics")).as("%s: %s scales on CPU", overlay, name)
                    .anySatisfy(m -> assertThat(str(m, "resource", "name")).isEqualTo("cpu"));

            Map<String, Object> pdb = r.get("PodDisruptionBudget", name);
            assertThat(str(pdb, "apiVersion")).isEqualTo("policy/v1");
            assertThat(labels(pdb, "spec", "selector", "matchLabels")).containsEntry(NAME_LABEL, name);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_deployment_has_startup_readiness_and_liveness_probes_on_its_service_port(String overlay) {
        for (Map<String, Object> d : render(overlay).all("Deployment")) {
            String name = name(d);
            Map<String, Object> c = container(d);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(at(c, probe, "httpGet")).as("%s: %s %s", overlay, name, probe).isNotNull();
                assertThat(servicePortOf(c, at(c, probe, "httpGet", "port")))
                        .as("%s: %s %s port", overlay, name, probe).isEqualTo(servicePort(name));
            }
            if (PLATFORM.containsKey(name)) {
                assertThat(str(c, "startupProbe", "httpGet", "path")).isEqualTo("/livez");
                assertThat(str(c, "readinessProbe", "httpGet", "path")).isEqualTo("/readyz");
                assertThat(str(c, "livenessProbe", "httpGet", "path")).isEqualTo("/livez");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_container_has_cpu_and_memory_requests_and_limits(String overlay) {
        for (Map<String, Object> d : render(overlay).all("Deployment")) {
            Map<String, Object> c = container(d);
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(at(c, "resources", kind, resource))
                            .as("%s: %s resources.%s.%s", overlay, name(d), kind, resource).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_pod_runs_as_non_root_with_a_read_only_root_and_no_capabilities(String overlay) {
        for (Map<String, Object> d : render(overlay).all("Deployment")) {
            String name = name(d);
            Map<String, Object> pod = map(d, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as("%s: %s runAsNonRoot", overlay, name)
                    .isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext", "runAsUser")).as("%s: %s runAsUser", overlay, name)
                    .isPositive();
            assertThat(pod.get("automountServiceAccountToken")).as("%s: %s needs no API token", overlay, name)
                    .isEqualTo(false);
            for (Object each : list(pod, "containers")) {
                Map<String, Object> sc = map(each, "securityContext");
                assertThat(sc.get("allowPrivilegeEscalation")).as("%s: %s", overlay, name).isEqualTo(false);
                assertThat(sc.get("readOnlyRootFilesystem")).as("%s: %s", overlay, name).isEqualTo(true);
                assertThat(list(sc, "capabilities", "drop")).as("%s: %s", overlay, name).containsExactly("ALL");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_image_is_the_services_own_with_a_pinned_tag(String overlay) {
        for (Map<String, Object> d : render(overlay).all("Deployment")) {
            String image = str(container(d), "image");
            assertThat(image).as("%s: %s image", overlay, name(d)).startsWith("aggpay/" + name(d) + ":");
            String tag = image.substring(image.indexOf(':') + 1);
            assertThat(tag).as("%s: %s tag", overlay, name(d)).isNotBlank().isNotEqualTo("latest");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_platform_service_is_scraped_on_its_management_port(String overlay) {
        Rendered r = render(overlay);
        PLATFORM.forEach((name, port) -> {
            Map<String, Object> d = r.get("Deployment", name);
            Map<String, Object> annotations = map(d, "spec", "template", "metadata", "annotations");
            assertThat(annotations.get("prometheus.io/scrape")).isEqualTo("true");
            assertThat(annotations.get("prometheus.io/path")).isEqualTo("/actuator/prometheus");
            assertThat(annotations.get("prometheus.io/port")).as("%s: %s", overlay, name)
                    .isEqualTo(String.valueOf(port + 10000))
                    .isEqualTo(String.valueOf(containerPort(container(d), "management")));
            assertThat(env(container(d))).containsEntry("MANAGEMENT_PORT", "value:" + (port + 10000));
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_gets_what_its_application_yml_leaves_unset_and_secrets_only_by_reference(String overlay)
            throws IOException {
        Rendered r = render(overlay);
        for (String name : PLATFORM.keySet()) {
            Map<String, Object> c = container(r.get("Deployment", name));
            Map<String, String> env = env(c);
            assertThat(env.get("AGGPAY_SERVICE_TOKEN_KEY")).as("%s: %s service token key", overlay, name)
                    .startsWith("secret:");
            for (Object from : list(c, "envFrom")) {
                String configMap = str(from, "configMapRef", "name");
                assertThat(r.find("ConfigMap", configMap)).as("%s: ConfigMap %s", overlay, configMap).isNotNull();
            }
            String yml = Files.readString(root.resolve(name).resolve("src/main/resources/application.yml"));
            Matcher m = EMPTY_DEFAULT.matcher(yml);
            while (m.find()) {
                String variable = m.group(1);
                assertThat(env.containsKey(variable) || env.containsKey(variable + "_FILE"))
                        .as("%s: %s has no default for %s in application.yml: the Deployment must set it (or %s_FILE)",
                                overlay, name, variable, variable).isTrue();
            }
        }
        for (Map<String, Object> d : r.all("Deployment")) {
            env(container(d)).forEach((variable, source) -> {
                if (SECRET_LIKE.matcher(variable).matches()) {
                    assertThat(source).as("%s: %s sets %s", overlay, name(d), variable).startsWith("secret:");
                }
            });
        }
        for (Map<String, Object> cm : r.all("ConfigMap")) {
            assertThat(map(cm, "data").keySet()).as("%s: ConfigMap %s holds no secret", overlay, name(cm))
                    .noneMatch(k -> SECRET_LIKE.matcher(k).matches());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void no_secret_value_is_committed_and_every_referenced_secret_is_documented(String overlay) throws IOException {
        Rendered r = render(overlay);
        assertThat(r.all("Secret")).as("%s: Secrets are created in the cluster, never rendered from the repo", overlay)
                .isEmpty();
        String readme = Files.readString(root.resolve("deploy/k8s/README.md"));
        for (String secret : r.referencedSecrets()) {
            assertThat(readme).as("%s: Secret %s is named in deploy/k8s/README.md", overlay, secret)
                    .contains("`" + secret + "`");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everything_is_denied_unless_a_policy_allows_it(String overlay) {
        assertThat(render(overlay).all("NetworkPolicy")).as("%s: a default-deny policy", overlay).anySatisfy(p -> {
            assertThat(labels(p, "spec", "podSelector")).isEmpty();
            assertThat(list(p, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(list(p, "spec", "ingress")).isEmpty();
            assertThat(list(p, "spec", "egress")).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void only_the_gateway_is_reachable_from_outside_and_only_prometheus_reaches_the_management_ports(String overlay) {
        Rendered r = render(overlay);
        boolean gatewayOpen = false;
        for (Map<String, Object> policy : r.all("NetworkPolicy")) {
            for (String target : r.selected(policy)) {
                for (Object rule : list(policy, "spec", "ingress")) {
                    List<Integer> ports = ports(rule);
                    for (Peer peer : peers(rule, "from")) {
                        if (!peer.outside()) {
                            continue;
                        }
                        String what = overlay + ": " + name(policy) + " lets " + peer + " reach " + target + " "
                                + ports;
                        if ("ingress-nginx".equals(peer.namespace())) {
                            assertThat(target).as(what).isEqualTo(GATEWAY);
                            assertThat(ports).as(what).containsExactly(PLATFORM.get(GATEWAY));
                            gatewayOpen = true;
                        } else {
                            assertThat(peer.namespace()).as(what).isEqualTo("monitoring");
                            assertThat(peer.pod()).as(what).isEqualTo("prometheus");
                            assertThat(ports).as(what).containsExactly(PLATFORM.get(target) + 10000);
                        }
                    }
                }
            }
        }
        assertThat(gatewayOpen).as("%s: the ingress controller reaches the gateway", overlay).isTrue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void service_to_service_ingress_and_egress_are_exactly_the_trust_of_the_services(String overlay)
            throws IOException {
        Rendered r = render(overlay);
        Set<String> expected = new TreeSet<>(trustedCalls());
        if (r.find("Deployment", SIMULATOR) != null) {
            expected.addAll(SIMULATOR_LINKS);
        }
        Set<String> ingress = new TreeSet<>();
        Set<String> egress = new TreeSet<>();
        for (Map<String, Object> policy : r.all("NetworkPolicy")) {
            for (String selected : r.selected(policy)) {
                for (Object rule : list(policy, "spec", "ingress")) {
                    peers(rule, "from").stream().filter(p -> !p.outside())
                            .forEach(p -> ports(rule).forEach(port -> ingress.add(call(p.pod(), selected, port))));
                }
                for (Object rule : list(policy, "spec", "egress")) {
                    peers(rule, "to").stream().filter(p -> !p.outside())
                            .forEach(p -> ports(rule).forEach(port -> egress.add(call(selected, p.pod(), port))));
                }
            }
        }
        assertThat(ingress).as("%s: calls let in (caller -> service:port)", overlay)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(egress).as("%s: calls let out (caller -> service:port)", overlay)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void egress_leaves_the_namespace_only_for_dns_spans_infrastructure_and_the_internet_of_router_and_notify(
            String overlay) {
        Rendered r = render(overlay);
        for (Map<String, Object> policy : r.all("NetworkPolicy")) {
            for (Object rule : list(policy, "spec", "egress")) {
                List<Peer> peers = peers(rule, "to");
                String what = overlay + ": " + name(policy) + " egress " + peers + " " + ports(rule);
                if (peers.isEmpty()) {
                    assertThat(ports(rule)).as(what).isNotEmpty().isSubsetOf(INFRASTRUCTURE_PORTS);
                }
                for (Peer peer : peers) {
                    if (peer.cidr() != null) {
                        assertThat(INTERNET_EGRESS).as(what).containsAll(r.selected(policy));
                        assertThat(peer.except()).as(what)
                                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
                    } else if (peer.namespace() != null) {
                        String destination = peer.namespace() + "/" + (peer.dns() != null ? peer.dns() : peer.pod());
                        assertThat(destination + " " + ports(rule)).as(what)
                                .isIn("kube-system/kube-dns [53, 53]", "monitoring/opentelemetry-collector [4318]");
                    } else {
                        assertThat(peer.pod()).as(what + ": names one service's pods").isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void the_only_way_in_through_an_ingress_is_the_gateway(String overlay) {
        for (Map<String, Object> ingress : render(overlay).all("Ingress")) {
            for (Object rule : list(ingress, "spec", "rules")) {
                for (Object path : list(rule, "http", "paths")) {
                    assertThat(str(path, "backend", "service", "name")).as("%s: %s", overlay, name(ingress))
                            .isEqualTo(GATEWAY);
                }
            }
            assertThat(list(ingress, "spec", "tls")).as("%s: %s serves TLS", overlay, name(ingress)).isNotEmpty();
        }
    }

    @Test
    void production_has_the_gateway_ingress_and_no_simulator_nor_local_profile() {
        Rendered production = render("production");
        assertThat(production.all("Ingress")).hasSize(1);
        assertThat(production.objects()).noneMatch(o -> name(o).contains("simulator"));
        for (Map<String, Object> d : production.all("Deployment")) {
            assertThat(str(container(d), "image")).doesNotContain("simulator");
        }
        for (Map<String, Object> cm : production.all("ConfigMap")) {
            assertThat(map(cm, "data")).doesNotContainKey("SPRING_PROFILES_ACTIVE");
        }
        // behind the Ingress every peer is the controller: the client's address comes from its X-Forwarded-For
        assertThat(production.all("ConfigMap")).anySatisfy(cm -> assertThat(map(cm, "data"))
                .containsKey("AGGPAY_TRUSTED_PROXIES"));
    }

    @Test
    void the_simulator_is_only_in_the_simulator_overlay() {
        overlays().filter(o -> !o.equals("local-sim")).forEach(o ->
                assertThat(render(o).find("Deployment", SIMULATOR)).as(o).isNull());
        assertThat(render("local-sim").find("Deployment", SIMULATOR)).isNotNull();
    }

    // ---- the trust of application.yml

    /** Every call that some service's {@code aggpay.service-auth.allow} lets in, as "caller -> service:port". */
    static Set<String> trustedCalls() throws IOException {
        Set<String> calls = new TreeSet<>();
        for (Map.Entry<String, Integer> service : PLATFORM.entrySet()) {
            Path yml = root.resolve(service.getKey()).resolve("src/main/resources/application.yml");
            for (Object doc : new Yaml().loadAll(Files.readString(yml))) {
                for (Object rule : list(doc, "aggpay", "service-auth", "allow")) {
                    for (Object caller : list(rule, "callers")) {
                        calls.add(call((String) caller, service.getKey(), service.getValue()));
                    }
                }
            }
        }
        return calls;
    }

    static String call(String caller, String target, int port) {
        return (caller == null ? "<any pod>" : caller) + " -> " + (target == null ? "<any pod>" : target) + ":" + port;
    }

    // ---- rendering

    static Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
    }

    static Rendered kustomize(String overlay) {
        try {
            File err = File.createTempFile("kustomize", ".err");
            err.deleteOnExit();
            Process p = new ProcessBuilder(kubectl(), "kustomize", "deploy/k8s/overlays/" + overlay)
                    .directory(root.toFile()).redirectError(err).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("kubectl kustomize deploy/k8s/overlays/" + overlay + " failed: " + Files.readString(err.toPath()));
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(out)) {
                if (doc != null) {
                    objects.add(map(doc));
                }
            }
            return new Rendered(objects);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "kubectl");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s/overlays"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/k8s/overlays above " + Path.of("").toAbsolutePath());
    }

    /** The objects of one rendered overlay. */
    record Rendered(List<Map<String, Object>> objects) {

        List<Map<String, Object>> all(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> find(String kind, String name) {
            return all(kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
        }

        Map<String, Object> get(String kind, String name) {
            Map<String, Object> o = find(kind, name);
            assertThat(o).as("%s %s", kind, name).isNotNull();
            return o;
        }

        /** The workloads a policy applies to: the one its name label picks, or every Deployment for {@code {}}. */
        List<String> selected(Map<String, Object> policy) {
            Map<String, Object> selector = labels(policy, "spec", "podSelector", "matchLabels");
            if (selector.isEmpty() && labels(policy, "spec", "podSelector").isEmpty()) {
                return all("Deployment").stream().map(KubernetesManifestsTest::name).toList();
            }
            return List.of(String.valueOf(selector.get(NAME_LABEL)));
        }

        /** Every Secret a Deployment or Ingress names: env, envFrom, volumes, TLS. */
        Set<String> referencedSecrets() {
            List<String> names = new ArrayList<>();
            for (Map<String, Object> d : all("Deployment")) {
                Map<String, Object> pod = map(d, "spec", "template", "spec");
                for (Object c : list(pod, "containers")) {
                    for (Object e : list(c, "env")) {
                        names.add(str(e, "valueFrom", "secretKeyRef", "name"));
                    }
                    for (Object e : list(c, "envFrom")) {
                        names.add(str(e, "secretRef", "name"));
                    }
                }
                for (Object v : list(pod, "volumes")) {
                    names.add(str(v, "secret", "secretName"));
                }
            }
            for (Map<String, Object> ingress : all("Ingress")) {
                for (Object tls : list(ingress, "spec", "tls")) {
                    names.add(str(tls, "secretName"));
                }
            }
            return names.stream().filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * One peer of a policy rule. Outside = anything but pods of this namespace picked by podSelector: another
     * namespace, an address block, or (no peers at all) everyone.
     */
    record Peer(String pod, String namespace, String dns, String cidr, List<Object> except, boolean everything) {

        boolean outside() {
            return everything || namespace != null || cidr != null || (pod == null && dns == null);
        }

        @Override
        public String toString() {
            return everything ? "everyone" : cidr != null ? cidr
                    : (namespace == null ? "" : "namespace " + namespace + " ") + "pods " + (pod != null ? pod : dns);
        }
    }

    /** A rule's peers; an ingress rule without any lets everyone in, an egress rule without any is judged by port. */
    static List<Peer> peers(Object rule, String key) {
        Object raw = at(rule, key);
        if (raw == null || ((List<?>) raw).isEmpty()) {
            return "from".equals(key) ? List.of(new Peer(null, null, null, null, List.of(), true)) : List.of();
        }
        List<Peer> peers = new ArrayList<>();
        for (Object p : (List<?>) raw) {
            Map<String, Object> pods = labels(p, "podSelector", "matchLabels");
            Map<String, Object> namespaces = labels(p, "namespaceSelector", "matchLabels");
            Object namespaceSelector = at(p, "namespaceSelector");
            String namespace = namespaceSelector == null ? null
                    : Objects.toString(namespaces.get("kubernetes.io/metadata.name"), "<any namespace>");
            peers.add(new Peer((String) pods.get(NAME_LABEL), namespace, (String) pods.get("k8s-app"),
                    str(p, "ipBlock", "cidr"), list(p, "ipBlock", "except"), false));
        }
        return peers;
    }

    /** A rule's port numbers; -1 stands for "every port" (a rule without ports). */
    static List<Integer> ports(Object rule) {
        List<Object> ports = list(rule, "ports");
        if (ports.isEmpty()) {
            return List.of(-1);
        }
        return ports.stream().map(p -> (Integer) at(p, "port")).toList();
    }

    // ---- reading the YAML trees

    static String name(Map<String, Object> o) {
        return str(o, "metadata", "name");
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).as("%s has one container", name(deployment)).hasSize(1);
        return map(containers.get(0));
    }

    static int servicePort(String name) {
        return SIMULATOR.equals(name) ? SIMULATOR_PORT : PLATFORM.get(name);
    }

    /** A probe's port, a number or the name of one of the container's ports. */
    static int servicePortOf(Map<String, Object> container, Object port) {
        return port instanceof Integer number ? number : containerPort(container, (String) port);
    }

    static int containerPort(Map<String, Object> container, String portName) {
        for (Object p : list(container, "ports")) {
            if (portName.equals(str(p, "name"))) {
                return (Integer) at(p, "containerPort");
            }
        }
        throw new AssertionError("no container port named " + portName);
    }

    /** A container's variables: "value:&lt;text&gt;", "secret:&lt;name&gt;/&lt;key&gt;", or "ref" for other sources. */
    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(container, "env")) {
            String source;
            if (at(e, "valueFrom", "secretKeyRef") != null) {
                source = "secret:" + str(e, "valueFrom", "secretKeyRef", "name") + "/"
                        + str(e, "valueFrom", "secretKeyRef", "key");
            } else if (at(e, "valueFrom") != null) {
                source = "ref";
            } else {
                source = "value:" + at(e, "value");
            }
            env.put(str(e, "name"), source);
        }
        return env;
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String str(Object node, String... path) {
        Object v = at(node, path);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object v = at(node, path);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    static Map<String, Object> labels(Object node, String... path) {
        return map(node, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object v = at(node, path);
        return v instanceof List<?> ? (List<Object>) v : List.of();
    }
}
