package io.frmonitor.config;

/**
 * Every environment variable fr-monitor reads, with its default and expected form. The order is the
 * order of {@code --help} and {@code check-config}.
 */
public enum Variable {
  MONITORING_HTTP_HOST("127.0.0.1", "an IP address or host name to bind", "HTTP bind address"),
  MONITORING_HTTP_PORT("9470", "a port number 1-65535", "HTTP port (API, docs, /prometheus)"),
  MONITORING_API_TOKEN(
      "",
      "a token of 16-512 printable characters without spaces (empty: no token)",
      "Bearer token for every endpoint but /healthz, /readyz and the dashboard shell",
      true),
  MONITORING_PROMETHEUS_TOKEN(
      "",
      "a token of 16-512 printable characters without spaces (empty: MONITORING_API_TOKEN)",
      "Bearer token for /prometheus",
      true),
  MONITORING_CORS_ORIGINS(
      "",
      "comma-separated origins such as https://gui.example:3000, or * (empty: none)",
      "Browser origins allowed to call the API"),
  MONITORING_POLL_INTERVAL(
      "5s",
      "a duration 1s-1h such as 5s, 2m (a plain number means seconds)",
      "Collection interval"),
  MONITORING_HISTORY_WINDOW(
      "60m",
      "a duration such as 60m, 2h (a plain number means minutes), at least one poll interval and"
          + " at most 100000 intervals",
      "History kept in memory"),
  MONITORING_HISTORY_LONG_WINDOW(
      "24h",
      "a duration 1h-7d, at least MONITORING_HISTORY_WINDOW (a plain number means hours), or off",
      "The one-minute trend (min, avg, max) kept of every series"),
  MONITORING_COLLECT_TIMEOUT(
      "",
      "a duration such as 3s, at most the poll interval (empty: the smaller of 3s and the poll"
          + " interval)",
      "Time limit of one collection"),
  MONITORING_GPU_ENABLED(
      "auto", "true, false or auto (on when NVML or nvidia-smi is found)", "GPU collector"),
  PROMETHEUS_ENABLED("true", "true or false", "Serve /prometheus"),
  MONITORING_EVENT_LOG_SIZE("1000", "an integer 10-1000000", "Events kept in memory"),
  MONITORING_MAX_SERIES("5000", "an integer 100-1000000", "Cap on distinct history series"),
  MONITORING_LOG_LEVEL("info", "one of error, warn, info, debug, trace", "Log level"),
  MONITORING_LOG_FORMAT(
      "text",
      "text or json (one JSON object per line)",
      "Log line format on stderr: text for people, json for log collectors"),
  MONITORING_STATE_DIR(
      "data",
      "a directory path, or off (history, events and alert states then die with the process)",
      "Where history, events and alert states are kept across restarts"),
  MONITORING_STATE_INTERVAL(
      "1m",
      "a duration 1s-1h (a plain number means seconds)",
      "How often the state is written (and at a graceful stop)"),
  MONITORING_PERSIST_REDIS_URL(
      "",
      "a redis:// URL such as redis://user:password@host:6379/2 (empty: no copy)",
      "A Redis whose streams fr-monitor:<server>:history and :events get a copy of the history"
          + " and events, read back when there is no state file",
      true),
  MONITORING_SERVER_NAME(
      "",
      "1-100 characters of A-Z, a-z, 0-9, _, . and - (empty: the fr-server's SERVER_NAME if set,"
          + " else this host's name)",
      "The fr-server stack watched: the server label of every Prometheus series and alert, the"
          + " API's server field, the dashboard's title, the Redis stream keys"),
  MONITORING_HOST_PROC(
      "/proc",
      "the absolute path of a readable procfs, such as /host/proc (the host's /proc mounted"
          + " read-only)",
      "The procfs the host collector reads"),
  MONITORING_HOST_ROOT(
      "/",
      "the absolute path of a readable directory, such as /host (the host's / mounted read-only)",
      "Where the host's mount points are found (filesystem sizes)"),
  MONITORING_REDIS_HOST("127.0.0.1", "a host name or IP address", "fr-server Redis host"),
  MONITORING_REDIS_PORT("6379", "a port number 1-65535", "fr-server Redis port"),
  MONITORING_REDIS_DB("0", "an integer 0-1023", "fr-server Redis database index"),
  MONITORING_REDIS_USERNAME("", "an ACL user name (empty: the default user)", "Redis user"),
  MONITORING_REDIS_PASSWORD("", "the password of that user (empty: none)", "Redis password", true),
  MONITORING_REDIS_CLIENTS_KEY(
      "Clients_status", "a Redis key name", "The hash holding the client-state lists"),
  MONITORING_REDIS_STATE_KEYS(
      "",
      "field=key pairs such as active_clients=fr:active,blocked_clients=fr:blocked (empty: read"
          + " the hash)",
      "Separate Redis keys (sets, lists or pickled/JSON strings) instead of the hash"),
  MONITORING_PAYLOAD_MAX_BYTES(
      "8MiB",
      "a size such as 8MiB, 512KiB or a number of bytes, 1KiB-256MiB",
      "Largest payload decoded"),
  MONITORING_PAYLOAD_MAX_DEPTH("64", "an integer 4-1000", "Deepest payload nesting decoded"),
  MONITORING_RMQ_URL(
      "amqp://guest:guest@127.0.0.1:5672/",
      "an amqp:// or amqps:// URL such as amqp://user:pass@host:5672/",
      "fr-server RabbitMQ broker",
      true),
  MONITORING_RMQ_MANAGEMENT_URL(
      "",
      "an http:// or https:// URL of the RabbitMQ management API (empty: the broker's host, port"
          + " 15672, the same credentials)",
      "RabbitMQ management API",
      true),
  MONITORING_RMQ_QUEUES(
      "clients_data,PipeLine_*_face_data,PipeLine_*_phone_data,face_pipeline_results,"
          + "phone_pipeline_results,actions,saved_actions,monitoring.*",
      "comma-separated queue names and globs (* matches any run of characters)",
      "Queues whose statistics are collected"),
  MONITORING_RMQ_PIPELINES(
      "16", "an integer 1-256", "Pipelines tapped: PipeLine_0 .. PipeLine_<N-1>"),
  MONITORING_RMQ_FIREHOSE(
      "auto",
      "auto, true or false",
      "Tap the RabbitMQ firehose for results and actions on the default exchange: auto when the"
          + " broker traces the vhost (rabbitmqctl trace_on), false never"),
  MONITORING_GATEWAY_HEARTBEAT_TIMEOUT(
      "30s",
      "a duration 1s-1h (a plain number means seconds)",
      "A gateway silent this long is reported down"),
  MONITORING_RMQ_MAX_QUEUES("200", "an integer 1-10000", "Most queues reported (then truncated)"),
  MONITORING_MINIO_ENDPOINT(
      "",
      "host:port of the MinIO S3 API (the fr-server's compose publishes it on 127.0.0.1:9100),"
          + " or off",
      "fr-server MinIO endpoint; unset or off: the storage collector is disabled"),
  MONITORING_MINIO_ACCESS_KEY("", "a read-only MinIO access key", "MinIO access key", true),
  MONITORING_MINIO_SECRET_KEY("", "the secret of that access key", "MinIO secret key", true),
  MONITORING_MINIO_SECURE("false", "true or false (use HTTPS)", "MinIO over HTTPS"),
  MONITORING_MINIO_REGION(
      "us-east-1", "an S3 region name such as us-east-1", "Region signed into requests"),
  MONITORING_MINIO_BUCKETS(
      "face-frames", "comma-separated S3 bucket names", "Buckets whose objects are counted"),
  MONITORING_MINIO_PREFIXES(
      "frames/,actions/",
      "comma-separated key prefixes without spaces",
      "Prefixes counted in each bucket (orphans are counted under frames/)"),
  MONITORING_MINIO_ORPHAN_AGE(
      "10m",
      "a duration 1m-24h (a plain number means minutes)",
      "A frame older than this under frames/ is orphaned"),
  MONITORING_MINIO_LIST_INTERVAL(
      "60s",
      "a duration 10s-1h, at least the poll interval (a plain number means seconds)",
      "How often buckets are listed (listing is expensive)"),
  MONITORING_MINIO_MAX_OBJECTS(
      "100000", "an integer 1000-10000000", "Most objects listed per bucket and listing"),
  MONITORING_ALERT_RULES(
      "",
      "the path of a YAML rules file (empty: the shipped rules only; see docs/alerts.md)",
      "Alert rules added to, overriding or disabling the shipped ones"),
  MONITORING_ALERT_WEBHOOK_URLS(
      "",
      "comma-separated http:// or https:// URLs (empty: none)",
      "Webhooks sent each alert change as Alertmanager's webhook JSON (version 4)",
      true),
  MONITORING_ALERTMANAGER_URL(
      "",
      "comma-separated http:// or https:// base URLs such as http://alertmanager:9093 (empty:"
          + " none)",
      "Alertmanagers the alerts are posted to (API v2)",
      true),
  MONITORING_EXTERNAL_URL(
      "",
      "the http:// or https:// URL operators reach fr-monitor at (empty: http://<host>:<port>)",
      "Base of the links in notifications");

  private final String defaultValue;
  private final String expected;
  private final String description;
  private final boolean secret;

  Variable(String defaultValue, String expected, String description) {
    this(defaultValue, expected, description, false);
  }

  Variable(String defaultValue, String expected, String description, boolean secret) {
    this.defaultValue = defaultValue;
    this.expected = expected;
    this.description = description;
    this.secret = secret;
  }

  /** The value used when the variable is unset or blank; may be empty. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The accepted form, as shown in error messages and {@code --help}. */
  public String expected() {
    return expected;
  }

  public String description() {
    return description;
  }

  /** Whether the value (or a password inside it) must never be printed. */
  public boolean secret() {
    return secret;
  }
}
