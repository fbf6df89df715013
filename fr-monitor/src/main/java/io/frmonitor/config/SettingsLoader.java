package io.frmonitor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@link Settings} from environment variables. Unset or blank variables take their {@link
 * Variable#defaultValue()}; any value that does not fit stops loading with a {@link
 * ConfigException} naming the variable.
 */
public final class SettingsLoader {
  private static final Duration MIN_POLL = Duration.ofSeconds(1);
  private static final Duration MAX_POLL = Duration.ofHours(1);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  private static final long MAX_HISTORY_POINTS = 100_000;
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]{1,253}");
  private static final Pattern PAIR = Pattern.compile("[^\\s=,]+");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([KkMmGg](?:i?[Bb])?)?");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.:*\\-]+");
  private static final Pattern REGION = Pattern.compile("[a-z0-9\\-]{1,64}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[^\\s,]{1,1024}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{16,512}");
  private static final Pattern ORIGIN =
      Pattern.compile(
          "https?://[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

  /** The fr-server's name for its stack, in its {@code .env}: the default server name. */
  static final String FR_SERVER_NAME = "SERVER_NAME";

  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-]{1,253}:\\d{1,5}");

  private final Map<String, String> env;

  private SettingsLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads and validates the settings from {@code env} (usually {@link System#getenv()}). */
  public static Settings load(Map<String, String> env) {
    return new SettingsLoader(env).load();
  }

  private Settings load() {
    Duration poll = pollInterval();
    Duration history = historyWindow(poll);
    String serverName = serverName();
    return new Settings(
        new HttpSettings(
            host(Variable.MONITORING_HTTP_HOST), port(Variable.MONITORING_HTTP_PORT), access()),
        poll,
        history,
        trendWindow(history),
        collectTimeout(poll),
        gpuMode(),
        bool(Variable.PROMETHEUS_ENABLED),
        intIn(Variable.MONITORING_EVENT_LOG_SIZE, 10, 1_000_000),
        intIn(Variable.MONITORING_MAX_SERIES, 100, 1_000_000),
        logLevel(),
        logFormat(),
        redis(),
        new PayloadSettings(
            size(Variable.MONITORING_PAYLOAD_MAX_BYTES, 1024, 256L << 20),
            intIn(Variable.MONITORING_PAYLOAD_MAX_DEPTH, 4, 1000)),
        rabbit(),
        minio(poll),
        AlertSettings.read(this::raw),
        new StateSettings(
            StateSettings.dir(raw(Variable.MONITORING_STATE_DIR)),
            durationIn(
                Variable.MONITORING_STATE_INTERVAL,
                ChronoUnit.SECONDS,
                Duration.ofSeconds(1),
                Duration.ofHours(1))),
        serverName,
        redisStream(serverName),
        HostRootSettings.read(this::raw));
  }

  /**
   * The configured name; else the fr-server's own {@code SERVER_NAME} (its {@code .env} defines it,
   * and a compose service can pass it on), checked the same way; else this host's name made to fit.
   */
  private String serverName() {
    Variable v = Variable.MONITORING_SERVER_NAME;
    String value = raw(v);
    if (value.isEmpty()) {
      String frServer = env.getOrDefault(FR_SERVER_NAME, "").strip();
      if (frServer.isEmpty()) {
        return HostName.of(env);
      }
      if (!SERVER_NAME.matcher(frServer).matches()) {
        throw new ConfigException(
            FR_SERVER_NAME + " (the default of " + v.name() + ")", frServer, v.expected());
      }
      return frServer;
    }
    if (!SERVER_NAME.matcher(value).matches()) {
      throw invalid(v, value);
    }
    return value;
  }

  private Optional<RedisStreamSettings> redisStream(String serverName) {
    Variable v = Variable.MONITORING_PERSIST_REDIS_URL;
    String value = raw(v);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        RedisStreamSettings.parse(value, serverName).orElseThrow(() -> invalid(v, value)));
  }

  private ApiAccess access() {
    String cors = raw(Variable.MONITORING_CORS_ORIGINS);
    return new ApiAccess(
        token(Variable.MONITORING_API_TOKEN),
        token(Variable.MONITORING_PROMETHEUS_TOKEN),
        cors.isEmpty()
            ? List.of()
            : cors.equals("*") ? List.of("*") : list(Variable.MONITORING_CORS_ORIGINS, ORIGIN));
  }

  /** A token, or empty; a short one is refused: it would be guessed. */
  private Secret token(Variable v) {
    String value = raw(v);
    if (!value.isEmpty() && !TOKEN.matcher(value).matches()) {
      // never echo a secret's value: invalid() masks it
      throw invalid(v, value);
    }
    return new Secret(value);
  }

  private MinioSettings minio(Duration poll) {
    Variable endpoint = Variable.MONITORING_MINIO_ENDPOINT;
    return new MinioSettings(
        minioEndpoint(endpoint),
        new Secret(raw(Variable.MONITORING_MINIO_ACCESS_KEY)),
        new Secret(raw(Variable.MONITORING_MINIO_SECRET_KEY)),
        bool(Variable.MONITORING_MINIO_SECURE),
        matching(Variable.MONITORING_MINIO_REGION, REGION),
        list(Variable.MONITORING_MINIO_BUCKETS, BUCKET),
        list(Variable.MONITORING_MINIO_PREFIXES, PREFIX),
        durationIn(
            Variable.MONITORING_MINIO_ORPHAN_AGE,
            ChronoUnit.MINUTES,
            Duration.ofMinutes(1),
            Duration.ofHours(24)),
        durationIn(
            Variable.MONITORING_MINIO_LIST_INTERVAL,
            ChronoUnit.SECONDS,
            max(poll, Duration.ofSeconds(10)),
            Duration.ofHours(1)),
        intIn(Variable.MONITORING_MINIO_MAX_OBJECTS, 1000, 10_000_000));
  }

  /** Empty when not set, {@code off}, or a checked {@code host:port}. */
  private String minioEndpoint(Variable endpoint) {
    String value = raw(endpoint);
    if (value.isEmpty()) {
      return "";
    }
    return value.equalsIgnoreCase(MinioSettings.OFF) ? MinioSettings.OFF : hostPort(endpoint);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Duration durationIn(Variable v, ChronoUnit plainUnit, Duration min, Duration max) {
    Duration d = duration(v, plainUnit);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw invalid(v, raw(v));
    }
    return d;
  }

  private String matching(Variable v, Pattern pattern) {
    String value = raw(v);
    if (!pattern.matcher(value).matches()) {
      throw invalid(v, value);
    }
    return value;
  }

  /** A comma-separated list of distinct items, each matching {@code item}. */
  private List<String> list(Variable v, Pattern item) {
    String value = raw(v);
    List<String> out = new java.util.ArrayList<>();
    for (String part : value.split(",", -1)) {
      String p = part.trim();
      if (!item.matcher(p).matches() || out.contains(p)) {
        throw invalid(v, value);
      }
      out.add(p);
    }
    return out;
  }

  private RedisSettings redis() {
    return new RedisSettings(
        host(Variable.MONITORING_REDIS_HOST),
        port(Variable.MONITORING_REDIS_PORT),
        intIn(Variable.MONITORING_REDIS_DB, 0, 1023),
        raw(Variable.MONITORING_REDIS_USERNAME),
        new Secret(raw(Variable.MONITORING_REDIS_PASSWORD)),
        keyName(Variable.MONITORING_REDIS_CLIENTS_KEY),
        pairs(Variable.MONITORING_REDIS_STATE_KEYS));
  }

  private String keyName(Variable v) {
    String value = raw(v);
    if (value.isEmpty()
        || value.length() > 512
        || value.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(v, value);
    }
    return value;
  }

  /** {@code a=b,c=d}; names and keys without spaces; empty means none. */
  private Map<String, String> pairs(Variable v) {
    String value = raw(v);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (value.isEmpty()) {
      return out;
    }
    for (String pair : value.split(",", -1)) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? "" : pair.substring(0, eq).trim();
      String key = eq < 0 ? "" : pair.substring(eq + 1).trim();
      if (k.isEmpty() || key.isEmpty() || out.containsKey(k) || !PAIR.matcher(k + key).matches()) {
        throw invalid(v, value);
      }
      out.put(k, key);
    }
    return out;
  }

  /** A size in bytes: a number, or a number with KiB, MiB or GiB. */
  private int size(Variable v, long min, long max) {
    String value = raw(v);
    java.util.regex.Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw invalid(v, value);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    long bytes =
        switch (unit) {
          case "kib", "k", "kb" -> n << 10;
          case "mib", "m", "mb" -> n << 20;
          case "gib", "g", "gb" -> n << 30;
          default -> n;
        };
    if (bytes < min || bytes > max) {
      throw invalid(v, value);
    }
    return (int) bytes;
  }

  private String raw(Variable v) {
    String value = env.get(v.name());
    return value == null || value.isBlank() ? v.defaultValue() : value.trim();
  }

  private ConfigException invalid(Variable v, String value) {
    return new ConfigException(v.name(), v.secret() ? "***" : value, v.expected());
  }

  /**
   * A URL whose host name has a {@code _}, such as the fr-server's {@code rmq_Server}: Docker's DNS
   * resolves it, but Java's URL parser (and so the AMQP and HTTP clients) refuses it as a host.
   */
  private static boolean underscoreInHost(URI uri) {
    String authority = uri.getRawAuthority();
    return uri.getHost() == null
        && authority != null
        && authority.substring(authority.lastIndexOf('@') + 1).contains("_");
  }

  private ConfigException hostWithUnderscore(Variable v, String value) {
    return new ConfigException(
        v.name(),
        v.secret() ? "***" : value,
        v.expected()
            + " whose host name has no '_', which Java's URL parser refuses: give the host an"
            + " alias without it (deploy/compose names the fr-server's rmq_Server rmq-server) or"
            + " use its IP address");
  }

  private Duration pollInterval() {
    return durationIn(Variable.MONITORING_POLL_INTERVAL, ChronoUnit.SECONDS, MIN_POLL, MAX_POLL);
  }

  private Duration historyWindow(Duration poll) {
    Variable v = Variable.MONITORING_HISTORY_WINDOW;
    Duration d = duration(v, ChronoUnit.MINUTES);
    long points = d.toMillis() / poll.toMillis();
    if (points < 1 || points > MAX_HISTORY_POINTS) {
      throw invalid(v, raw(v));
    }
    return d;
  }

  /** The one-minute trends' reach: off, or 1 h to 7 days and at least the history window. */
  private Duration trendWindow(Duration history) {
    Variable v = Variable.MONITORING_HISTORY_LONG_WINDOW;
    if (raw(v).equalsIgnoreCase("off")) {
      return Duration.ZERO;
    }
    Duration d = durationIn(v, ChronoUnit.HOURS, Duration.ofHours(1), Duration.ofDays(7));
    if (d.compareTo(history) < 0 || d.toMillis() % 60_000 != 0) {
      throw invalid(v, raw(v));
    }
    return d;
  }

  private Duration collectTimeout(Duration poll) {
    Variable v = Variable.MONITORING_COLLECT_TIMEOUT;
    if (raw(v).isEmpty()) {
      return poll.compareTo(DEFAULT_TIMEOUT) < 0 ? poll : DEFAULT_TIMEOUT;
    }
    Duration d = duration(v, ChronoUnit.SECONDS);
    if (d.isZero() || d.compareTo(poll) > 0) {
      throw invalid(v, raw(v));
    }
    return d;
  }

  private Duration duration(Variable v, ChronoUnit plainUnit) {
    String value = raw(v);
    return Durations.parse(value, plainUnit).orElseThrow(() -> invalid(v, value));
  }

  private Toggle gpuMode() {
    return toggle(Variable.MONITORING_GPU_ENABLED);
  }

  /** {@code auto}, or a boolean for on and off. */
  private Toggle toggle(Variable v) {
    String value = raw(v).toLowerCase(Locale.ROOT);
    if (value.equals("auto")) {
      return Toggle.AUTO;
    }
    return parseBool(value)
        .map(on -> on ? Toggle.ON : Toggle.OFF)
        .orElseThrow(() -> invalid(v, raw(v)));
  }

  private String logLevel() {
    Variable v = Variable.MONITORING_LOG_LEVEL;
    String value = raw(v).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "error", "warn", "info", "debug", "trace" -> value;
      default -> throw invalid(v, raw(v));
    };
  }

  private LogFormat logFormat() {
    Variable v = Variable.MONITORING_LOG_FORMAT;
    return LogFormat.parse(raw(v)).orElseThrow(() -> invalid(v, raw(v)));
  }

  private boolean bool(Variable v) {
    return parseBool(raw(v).toLowerCase(Locale.ROOT)).orElseThrow(() -> invalid(v, raw(v)));
  }

  private static Optional<Boolean> parseBool(String value) {
    return switch (value) {
      case "true", "1", "yes", "on" -> Optional.of(true);
      case "false", "0", "no", "off" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private int intIn(Variable v, int min, int max) {
    String value = raw(v);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw invalid(v, value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(v, value);
    }
  }

  private int port(Variable v) {
    return intIn(v, 1, 65_535);
  }

  private String host(Variable v) {
    String value = raw(v);
    if (!HOST.matcher(value).matches()) {
      throw invalid(v, value);
    }
    return value;
  }

  private String hostPort(Variable v) {
    String value = raw(v);
    if (!HOST_PORT.matcher(value).matches()) {
      throw invalid(v, value);
    }
    int port = Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
    if (port < 1 || port > 65_535) {
      throw invalid(v, value);
    }
    return value;
  }

  private RabbitSettings rabbit() {
    URI amqp = amqpUrl();
    return new RabbitSettings(
        amqp,
        managementUrl(amqp),
        queuePatterns(),
        intIn(Variable.MONITORING_RMQ_MAX_QUEUES, 1, 10_000),
        intIn(Variable.MONITORING_RMQ_PIPELINES, 1, 256),
        heartbeatTimeout(),
        toggle(Variable.MONITORING_RMQ_FIREHOSE));
  }

  private Duration heartbeatTimeout() {
    return durationIn(
        Variable.MONITORING_GATEWAY_HEARTBEAT_TIMEOUT, ChronoUnit.SECONDS, MIN_POLL, MAX_POLL);
  }

  private URI managementUrl(URI amqp) {
    Variable v = Variable.MONITORING_RMQ_MANAGEMENT_URL;
    String value = raw(v);
    if (value.isEmpty()) {
      String userInfo = amqp.getRawUserInfo() == null ? "" : amqp.getRawUserInfo() + "@";
      String scheme = amqp.getScheme().equals("amqps") ? "https" : "http";
      return URI.create(scheme + "://" + userInfo + amqp.getHost() + ":15672");
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw underscoreInHost(uri) ? hostWithUnderscore(v, value) : invalid(v, value);
      }
      return uri;
    } catch (URISyntaxException | NullPointerException e) {
      throw invalid(v, value);
    }
  }

  private List<String> queuePatterns() {
    Variable v = Variable.MONITORING_RMQ_QUEUES;
    String value = raw(v);
    List<String> out = new java.util.ArrayList<>();
    for (String part : value.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty() || p.length() > 255 || !QUEUE.matcher(p).matches()) {
        throw invalid(v, value);
      }
      out.add(p);
    }
    return out;
  }

  private URI amqpUrl() {
    Variable v = Variable.MONITORING_RMQ_URL;
    String value = raw(v);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("amqp") || scheme.equals("amqps"))
          || uri.getHost() == null) {
        throw underscoreInHost(uri) ? hostWithUnderscore(v, value) : invalid(v, value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(v, value);
    }
  }
}
