package io.frmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
  @Test
  void defaultsMatchTheSeedDesign() {
    Settings s = SettingsLoader.load(Map.of());
    assertThat(s.http()).isEqualTo(new HttpSettings("127.0.0.1", 9470));
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.historyWindow()).isEqualTo(Duration.ofMinutes(60));
    assertThat(s.historyPoints()).isEqualTo(720);
    assertThat(s.collectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.gpu()).isEqualTo(Toggle.AUTO);
    assertThat(s.prometheusEnabled()).isTrue();
    assertThat(s.redis().host()).isEqualTo("127.0.0.1");
    assertThat(s.redis().port()).isEqualTo(6379);
    assertThat(s.redis().database()).isZero();
    assertThat(s.redis().clientsKey()).isEqualTo("Clients_status");
    assertThat(s.redis().stateKeys()).isEmpty();
    assertThat(s.payload()).isEqualTo(new PayloadSettings(8 << 20, 64));
    assertThat(s.rabbit().url().toString()).isEqualTo("amqp://guest:guest@127.0.0.1:5672/");
    assertThat(s.logFormat()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void logFormatJsonIsAcceptedInAnyCase() {
    assertThat(SettingsLoader.load(Map.of("MONITORING_LOG_FORMAT", "JSON")).logFormat())
        .isEqualTo(LogFormat.JSON);
  }

  @Test
  void plainNumbersKeepTheSeedsUnits() {
    Settings s =
        SettingsLoader.load(
            Map.of("MONITORING_POLL_INTERVAL", "10", "MONITORING_HISTORY_WINDOW", "30"));
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.historyWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.historyPoints()).isEqualTo(180);
  }

  @Test
  void suffixedDurationsAreAccepted() {
    Settings s =
        SettingsLoader.load(
            Map.of(
                "MONITORING_POLL_INTERVAL", "2s",
                "MONITORING_HISTORY_WINDOW", "2h",
                "MONITORING_COLLECT_TIMEOUT", "1500ms"));
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.historyWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(s.collectTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void timeoutDefaultsToThePollIntervalWhenThatIsShorterThanThreeSeconds() {
    Settings s = SettingsLoader.load(Map.of("MONITORING_POLL_INTERVAL", "1s"));
    assertThat(s.collectTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void blankValuesMeanTheDefault() {
    Settings s = SettingsLoader.load(Map.of("MONITORING_HTTP_PORT", "  "));
    assertThat(s.http().port()).isEqualTo(9470);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MONITORING_POLL_INTERVAL|abc|a duration 1s-1h",
        "MONITORING_POLL_INTERVAL|0|a duration 1s-1h",
        "MONITORING_POLL_INTERVAL|2h|a duration 1s-1h",
        "MONITORING_HISTORY_WINDOW|-5|a duration such as 60m",
        "MONITORING_HISTORY_WINDOW|1000000h|at most 100000 intervals",
        "MONITORING_COLLECT_TIMEOUT|10s|at most the poll interval",
        "MONITORING_HTTP_PORT|70000|a port number 1-65535",
        "MONITORING_HTTP_PORT|http|a port number 1-65535",
        "MONITORING_HTTP_HOST|bad host!|an IP address or host name",
        "MONITORING_GPU_ENABLED|maybe|true, false or auto",
        "PROMETHEUS_ENABLED|sure|true or false",
        "MONITORING_REDIS_DB|-1|an integer 0-1023",
        "MONITORING_RMQ_URL|http://x:1|an amqp:// or amqps:// URL",
        "MONITORING_MINIO_ENDPOINT|minio|host:port of the MinIO S3 API",
        "MONITORING_MINIO_SECURE|2|true or false",
        "MONITORING_EVENT_LOG_SIZE|5|an integer 10-1000000",
        "MONITORING_LOG_LEVEL|loud|one of error, warn",
        "MONITORING_LOG_FORMAT|xml|text or json",
        "MONITORING_REDIS_CLIENTS_KEY|two words|a Redis key name",
        "MONITORING_REDIS_STATE_KEYS|active_clients|field=key pairs",
        "MONITORING_REDIS_STATE_KEYS|a=x,a=y|field=key pairs",
        "MONITORING_PAYLOAD_MAX_BYTES|lots|a size such as 8MiB",
        "MONITORING_PAYLOAD_MAX_BYTES|1GiB|a size such as 8MiB",
        "MONITORING_PAYLOAD_MAX_DEPTH|2|an integer 4-1000",
        "MONITORING_MINIO_ENDPOINT|minio|host:port of the MinIO S3 API",
        "MONITORING_MINIO_REGION|US East|an S3 region name",
        "MONITORING_MINIO_BUCKETS|Face_Frames|comma-separated S3 bucket names",
        "MONITORING_MINIO_BUCKETS|face-frames,face-frames|comma-separated S3 bucket names",
        "MONITORING_MINIO_PREFIXES|frames/,,actions/|comma-separated key prefixes",
        "MONITORING_MINIO_ORPHAN_AGE|30s|a duration 1m-24h",
        "MONITORING_MINIO_LIST_INTERVAL|5s|a duration 10s-1h",
        "MONITORING_MINIO_MAX_OBJECTS|10|an integer 1000-10000000",
        "MONITORING_API_TOKEN|short|a token of 16-512 printable characters",
        "MONITORING_PROMETHEUS_TOKEN|has a space in it ok|a token of 16-512",
        "MONITORING_CORS_ORIGINS|gui.example|comma-separated origins",
        "MONITORING_CORS_ORIGINS|https://gui.example/|comma-separated origins",
        "MONITORING_CORS_ORIGINS|https://a.example,*|comma-separated origins",
        "MONITORING_PERSIST_REDIS_URL|http://redis:6379|a redis:// URL",
        "MONITORING_PERSIST_REDIS_URL|redis://|a redis:// URL",
        "MONITORING_PERSIST_REDIS_URL|redis://redis:70000|a redis:// URL",
        "MONITORING_PERSIST_REDIS_URL|redis://redis:6379/1024|a redis:// URL",
        "MONITORING_PERSIST_REDIS_URL|redis://redis:6379/db|a redis:// URL",
        "MONITORING_PERSIST_REDIS_URL|redis://u:bad%zz@redis|a redis:// URL",
        "MONITORING_SERVER_NAME|two words|1-100 characters",
        "MONITORING_SERVER_NAME|s1/s2|1-100 characters"
      })
  void badValueStopsWithTheVariableNameAndExpectedForm(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + "=")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(variable))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void storageSettingsParseWithTheSeedsDefaults() {
    MinioSettings defaults = SettingsLoader.load(Map.of()).minio();
    assertThat(defaults.enabled()).as("no MinIO unless one is named").isFalse();
    assertThat(defaults.disabledReason().orElseThrow())
        .contains("MONITORING_MINIO_ENDPOINT is not set")
        .contains("127.0.0.1:9100");
    assertThat(defaults.hasCredentials()).isFalse();
    assertThat(defaults.buckets()).containsExactly("face-frames");
    assertThat(defaults.prefixes()).containsExactly("frames/", "actions/");
    assertThat(defaults.orphanAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.listInterval()).isEqualTo(Duration.ofSeconds(60));

    MinioSettings set =
        SettingsLoader.load(
                Map.of(
                    "MONITORING_MINIO_ENDPOINT", "minio.internal:9000",
                    "MONITORING_MINIO_SECURE", "true",
                    "MONITORING_MINIO_ACCESS_KEY", "reader",
                    "MONITORING_MINIO_SECRET_KEY", "s3cret",
                    "MONITORING_MINIO_ORPHAN_AGE", "30",
                    "MONITORING_MINIO_BUCKETS", "face-frames, archive"))
            .minio();
    assertThat(set.enabled()).isTrue();
    assertThat(set.disabledReason()).isEmpty();
    assertThat(set.uri().toString()).isEqualTo("https://minio.internal:9000");
    assertThat(set.hasCredentials()).isTrue();
    assertThat(set.orphanAge()).isEqualTo(Duration.ofMinutes(30));
    assertThat(set.buckets()).containsExactly("face-frames", "archive");
    MinioSettings off = SettingsLoader.load(Map.of("MONITORING_MINIO_ENDPOINT", "OFF")).minio();
    assertThat(off.enabled()).isFalse();
    assertThat(off.disabledReason()).hasValue("MONITORING_MINIO_ENDPOINT=off");
  }

  @Test
  void theListIntervalCannotBeShorterThanThePollInterval() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of(
                        "MONITORING_POLL_INTERVAL",
                        "30s",
                        "MONITORING_MINIO_LIST_INTERVAL",
                        "20s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MONITORING_MINIO_LIST_INTERVAL=\"20s\"");
  }

  @Test
  void redisKeysModeAndPayloadSizesParse() {
    Settings s =
        SettingsLoader.load(
            Map.of(
                "MONITORING_REDIS_STATE_KEYS",
                    "active_clients=fr:active, blocked_clients=fr:blocked",
                "MONITORING_PAYLOAD_MAX_BYTES", "512KiB",
                "MONITORING_REDIS_PASSWORD", "pw"));
    assertThat(s.redis().stateKeys())
        .containsExactly(
            Map.entry("active_clients", "fr:active"), Map.entry("blocked_clients", "fr:blocked"));
    assertThat(s.payload().maxBytes()).isEqualTo(512 * 1024);
    assertThat(s.describe().get(Variable.MONITORING_REDIS_PASSWORD)).isEqualTo("***");
    assertThat(s.redis().describe()).doesNotContain("pw");
  }

  @Test
  void theRedisStreamIsOffUnlessAUrlIsGivenAndTheServerNameDefaultsToTheHostName() {
    Settings s = SettingsLoader.load(Map.of("HOSTNAME", "monitor-host.example"));
    assertThat(s.redisStream()).isEmpty();
    assertThat(s.serverName()).isEqualTo("monitor-host.example");
    assertThat(s.describe().get(Variable.MONITORING_PERSIST_REDIS_URL)).isEmpty();
    assertThat(s.describe().get(Variable.MONITORING_SERVER_NAME)).isEqualTo("monitor-host.example");
    assertThat(SettingsLoader.load(Map.of("HOSTNAME", "odd host!")).serverName())
        .isEqualTo("odd_host_");
    assertThat(SettingsLoader.load(Map.of()).serverName()).matches("[A-Za-z0-9_.\\-]{1,100}");
  }

  @Test
  void theServerNameDefaultsToTheFrServersServerNameBeforeTheHostName() {
    assertThat(
            SettingsLoader.load(Map.of("SERVER_NAME", "S2", "HOSTNAME", "monitor-host"))
                .serverName())
        .isEqualTo("S2");
    assertThat(
            SettingsLoader.load(
                    Map.of("MONITORING_SERVER_NAME", "S1", "SERVER_NAME", "S2", "HOSTNAME", "host"))
                .serverName())
        .isEqualTo("S1");
    assertThat(SettingsLoader.load(Map.of("SERVER_NAME", " ", "HOSTNAME", "host")).serverName())
        .isEqualTo("host");
  }

  @Test
  void anUnfitFrServerNameStopsNamingBothVariables() {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("SERVER_NAME", "server one")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SERVER_NAME (the default of MONITORING_SERVER_NAME)=")
        .hasMessageContaining("1-100 characters");
  }

  @Test
  void theRedisStreamUrlNamesUserPasswordHostPortAndDatabase() {
    Settings s =
        SettingsLoader.load(
            Map.of(
                "MONITORING_PERSIST_REDIS_URL",
                    "redis://fr-monitor:p%40ss+w:rd@Redis_Server:6380/2",
                "MONITORING_SERVER_NAME", "S1"));
    RedisStreamSettings r = s.redisStream().orElseThrow();
    assertThat(r)
        .isEqualTo(
            new RedisStreamSettings(
                "Redis_Server", 6380, 2, "fr-monitor", new Secret("p@ss+w:rd"), "S1"));
    assertThat(r.historyKey()).isEqualTo("fr-monitor:S1:history");
    assertThat(r.eventsKey()).isEqualTo("fr-monitor:S1:events");
    assertThat(s.describe().get(Variable.MONITORING_PERSIST_REDIS_URL))
        .isEqualTo("redis://fr-monitor:***@Redis_Server:6380/2");
    assertThat(s.toString()).doesNotContain("p@ss", "p%40ss");

    RedisStreamSettings plain =
        SettingsLoader.load(Map.of("MONITORING_PERSIST_REDIS_URL", "redis://10.0.0.5"))
            .redisStream()
            .orElseThrow();
    assertThat(plain.where()).isEqualTo("10.0.0.5:6379/0");
    assertThat(plain.username()).isEmpty();
    assertThat(plain.password().isEmpty()).isTrue();
    assertThat(plain.maskedUrl()).isEqualTo("redis://10.0.0.5:6379/0");
    RedisStreamSettings passwordOnly =
        SettingsLoader.load(Map.of("MONITORING_PERSIST_REDIS_URL", "redis://:pw@[::1]:7000/"))
            .redisStream()
            .orElseThrow();
    assertThat(passwordOnly.host()).isEqualTo("::1");
    assertThat(passwordOnly.password().value()).isEqualTo("pw");
    assertThat(passwordOnly.maskedUrl()).isEqualTo("redis://:***@[::1]:7000/0");
  }

  @Test
  void aRefusedRedisStreamUrlIsNotEchoed() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of("MONITORING_PERSIST_REDIS_URL", "rediss://u:hunter2@redis:6379")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MONITORING_PERSIST_REDIS_URL=\"***\"")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void accessSettingsParse() {
    Settings s =
        SettingsLoader.load(
            Map.of(
                "MONITORING_API_TOKEN", "0123456789abcdef",
                "MONITORING_CORS_ORIGINS", "https://gui.example:3000, http://[::1]:8080"));
    assertThat(s.http().access().apiToken().value()).isEqualTo("0123456789abcdef");
    assertThat(s.http().access().scrapeToken().value()).isEqualTo("0123456789abcdef");
    assertThat(s.http().access().corsOrigins())
        .containsExactly("https://gui.example:3000", "http://[::1]:8080");
    assertThat(SettingsLoader.load(Map.of("MONITORING_CORS_ORIGINS", "*")).http().access())
        .satisfies(a -> assertThat(a.corsOrigins()).containsExactly("*"));
    assertThat(SettingsLoader.load(Map.of()).http().access()).isEqualTo(ApiAccess.OPEN);
  }

  @Test
  void aRefusedTokenIsNotEchoed() {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("MONITORING_API_TOKEN", "tooshort")))
        .hasMessageContaining("MONITORING_API_TOKEN")
        .hasMessageNotContaining("tooshort");
  }

  @Test
  void aHostNameWithAnUnderscoreIsRefusedSayingWhyAndWhatToDo() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of("MONITORING_RMQ_URL", "amqp://guest:hunter2@rmq_Server:5672/")))
        .hasMessageStartingWith("MONITORING_RMQ_URL=")
        .hasMessageContaining("has no '_'")
        .hasMessageContaining("rmq-server")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of("MONITORING_RMQ_MANAGEMENT_URL", "http://rmq_Server:15672")))
        .hasMessageStartingWith("MONITORING_RMQ_MANAGEMENT_URL=")
        .hasMessageContaining("has no '_'");
  }

  @Test
  void secretValuesNeverAppearInErrors() {
    assertThatThrownBy(
            () -> SettingsLoader.load(Map.of("MONITORING_RMQ_URL", "ftp://u:hunter2@host/")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void describeMasksSecrets() {
    Settings s =
        SettingsLoader.load(
            Map.of(
                "MONITORING_RMQ_URL", "amqp://monitor:hunter2@rmq:5672/",
                "MONITORING_MINIO_ACCESS_KEY", "AKIA123",
                "MONITORING_MINIO_SECRET_KEY", "s3cr3t",
                "MONITORING_API_TOKEN", "api-token-0123456789"));
    Map<Variable, String> d = s.describe();
    assertThat(d.get(Variable.MONITORING_RMQ_URL)).isEqualTo("amqp://monitor:***@rmq:5672/");
    assertThat(d.get(Variable.MONITORING_MINIO_ACCESS_KEY)).isEqualTo("***");
    assertThat(d.get(Variable.MONITORING_MINIO_SECRET_KEY)).isEqualTo("***");
    assertThat(d.get(Variable.MONITORING_API_TOKEN)).isEqualTo("***");
    assertThat(d.values().toString())
        .doesNotContain("hunter2", "AKIA123", "s3cr3t", "api-token-0123456789");
    assertThat(s.toString()).doesNotContain("hunter2", "s3cr3t");
    assertThat(d).containsOnlyKeys(Variable.values());
  }
}
