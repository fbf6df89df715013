package io.frmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.frmonitor.testing.DockerDaemon;
import io.frmonitor.testing.S3ProxyServer;
import io.frmonitor.testing.TestVhost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code deploy/compose/docker-compose.monitoring.yaml} brought up with docker-compose together
 * with a stand-in of the fr-server's main compose file (its service and network names), the way an
 * operator runs it: {@code -f docker-compose_main.yaml -f …monitoring.yaml --profile monitoring
 * up}. The stand-in services pass their ports on to the machine's Redis, RabbitMQ and an S3 server,
 * so the monitoring service reads real sources through the fr-server's names.
 */
@ExtendWith(BuiltImage.Extension.class)
class ComposeIT {
  private static final Duration COMPOSE = Duration.ofMinutes(3);
  private static final int REDIS_DB = 14;

  @Test
  void monitoringServiceJoinsTheFrServerStackAndReadsItsSourcesByServiceName(
      BuiltImage image, @TempDir Path dir) throws Exception {
    DockerDaemon docker = image.daemon();
    Path standIn = dir.resolve("docker-compose_main.yaml");
    Files.copy(
        Path.of(ComposeIT.class.getResource("/compose/fr-server-stand-in.yaml").toURI()), standIn);
    String project = "frit" + UUID.randomUUID().toString().substring(0, 8);
    String key = "fr-monitor-it:" + UUID.randomUUID();
    int port = Http.freePort();
    String[] compose = {
      "docker-compose",
      "-p",
      project,
      "-f",
      standIn.toString(),
      "-f",
      image.root().resolve("deploy/compose/docker-compose.monitoring.yaml").toString()
    };
    try (TestVhost vhost = TestVhost.create("^monitoring\\.", "^monitoring\\.", "^monitoring\\.");
        S3ProxyServer s3 = S3ProxyServer.start(dir);
        Jedis redis = new Jedis("127.0.0.1", 6379);
        Forwarders forwarders = new Forwarders(Files.createDirectories(dir.resolve("sockets")))) {
      redis.select(REDIS_DB);
      redis.hset(key, "active_clients", "[\"cam-1\", \"cam-2\", \"cam-3\"]");
      s3.createBucket("face-frames");
      Map<String, String> env =
          Map.ofEntries(
              Map.entry("STAND_IN_IMAGE", "localhost/debian-base:bookworm"),
              Map.entry(
                  "MONITORING_IMAGE_TAG", image.tag().substring(image.tag().indexOf(':') + 1)),
              Map.entry("MONITORING_CONTAINER_RUNTIME", "runc"), // no NVIDIA toolkit here
              Map.entry("MONITORING_PORT", Integer.toString(port)),
              Map.entry("SERVER_NAME", "S1-it"),
              Map.entry("MONITORING_POLL_INTERVAL", "1s"),
              Map.entry("MONITORING_REDIS_DB", Integer.toString(REDIS_DB)),
              Map.entry("MONITORING_REDIS_CLIENTS_KEY", key),
              Map.entry(
                  "MONITORING_RMQ_URL",
                  "amqp://"
                      + vhost.user()
                      + ":"
                      + TestVhost.PASSWORD
                      + "@rmq-server:5672/"
                      + URLEncoder.encode(vhost.name(), StandardCharsets.UTF_8)),
              Map.entry("STORAGE_ACCESS_KEY", S3ProxyServer.ACCESS_KEY),
              Map.entry("STORAGE_SECRET_KEY", S3ProxyServer.SECRET_KEY));
      try {
        checkMergedConfiguration(docker, env, compose);
        // without the profile, the fr-server comes up alone
        docker.ok(env, COMPOSE, concat(compose, "up", "-d"));
        assertThat(
                docker.ok(
                    COMPOSE, "docker", "ps", "-a", "-q", "--filter", "name=fr_monitoring_service"))
            .isBlank();
        forwarders.forward(pid(docker, env, compose, "Redis_Server"), 6379, 6379);
        forwarders.forward(pid(docker, env, compose, "rmq_Server"), 5672, 5672);
        forwarders.forward(pid(docker, env, compose, "rmq_Server"), 15672, 15672);
        forwarders.forward(pid(docker, env, compose, "minio"), 9000, s3.endpoint().getPort());

        long start = System.nanoTime();
        docker.ok(env, COMPOSE, concat(compose, "--profile", "monitoring", "up", "-d"));
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> ContainerImageIT.health(docker, "fr_monitoring_service").equals("healthy"));
        System.out.printf(
            "[figures] compose up to healthy %d ms (image probe every 30 s)%n",
            (System.nanoTime() - start) / 1_000_000);

        Http http = new Http("http://127.0.0.1:" + port);
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  JsonNode collectors = http.json("/healthz").path("collectors");
                  for (String c :
                      new String[] {
                        "redis",
                        "redis_server",
                        "rabbitmq_stats",
                        "rabbitmq_nodes",
                        "storage",
                        "host"
                      }) {
                    assertThat(collectors.path(c).path("status").asText()).as(c).isEqualTo("ok");
                  }
                });
        JsonNode clients = http.json("/metrics/clients");
        assertThat(clients.path("source").asText())
            .startsWith("redis://Redis_Server:6379/" + REDIS_DB);
        assertThat(clients.path("active_clients").asInt()).isEqualTo(3);
        assertThat(http.json("/metrics/storage").path("endpoint").asText()).contains("minio:9000");
        checkContainer(docker);
      } finally {
        // the service's last lines in the test's output, for whoever reads a failure
        System.out.println(
            docker
                .run(
                    env,
                    COMPOSE,
                    concat(compose, "--profile", "monitoring", "logs", "--tail", "40"))
                .output());
        docker.run(
            env, COMPOSE, concat(compose, "--profile", "monitoring", "down", "-v", "-t", "5"));
        redis.del(key);
      }
    }
  }

  /** `docker-compose config` merges the files and keeps the fr-server's networks as they were. */
  private static void checkMergedConfiguration(
      DockerDaemon docker, Map<String, String> env, String[] compose) throws Exception {
    JsonNode merged =
        new YAMLMapper()
            .readTree(
                docker.ok(env, COMPOSE, concat(compose, "--profile", "monitoring", "config")));
    JsonNode service = merged.path("services").path("monitoring_service");
    assertThat(service.path("profiles").toString()).contains("monitoring");
    assertThat(service.path("mem_limit").asText()).isEqualTo("256m");
    assertThat(merged.path("networks").path("rmq_network").path("internal").asBoolean()).isTrue();
    assertThat(merged.path("networks").path("redis_network").path("internal").asBoolean()).isTrue();
    assertThat(service.path("environment").path("MONITORING_SERVER_NAME").asText())
        .isEqualTo("S1-it");
  }

  /** What Docker made of the service: limit, restart policy, loopback port, networks, mounts. */
  private static void checkContainer(DockerDaemon docker) throws Exception {
    JsonNode c =
        new ObjectMapper()
            .readTree(docker.ok(COMPOSE, "docker", "inspect", "fr_monitoring_service"))
            .get(0);
    assertThat(c.path("HostConfig").path("Memory").asLong()).isEqualTo(256L << 20);
    assertThat(c.path("HostConfig").path("RestartPolicy").path("Name").asText())
        .isEqualTo("unless-stopped");
    assertThat(
            c.path("HostConfig")
                .path("PortBindings")
                .path("9470/tcp")
                .get(0)
                .path("HostIp")
                .asText())
        .isEqualTo("127.0.0.1");
    assertThat(c.path("NetworkSettings").path("Networks").fieldNames())
        .toIterable()
        .contains("redis_network", "rmq_network", "storage_network");
    assertThat(c.path("Mounts").toString())
        .contains("\"Destination\":\"/data\"")
        .contains("\"Destination\":\"/host/proc\"");
  }

  private static long pid(
      DockerDaemon docker, Map<String, String> env, String[] compose, String service)
      throws Exception {
    String id = docker.ok(env, COMPOSE, concat(compose, "ps", "-q", service)).trim();
    return Long.parseLong(
        docker.ok(COMPOSE, "docker", "inspect", "-f", "{{.State.Pid}}", id).trim());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
