package io.frmonitor.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, effective configuration. Built only by {@link SettingsLoader}, so every instance
 * satisfies the documented constraints.
 */
public record Settings(
    HttpSettings http,
    Duration pollInterval,
    Duration historyWindow,
    Duration trendWindow,
    Duration collectTimeout,
    Toggle gpu,
    boolean prometheusEnabled,
    int eventLogSize,
    int maxSeries,
    String logLevel,
    LogFormat logFormat,
    RedisSettings redis,
    PayloadSettings payload,
    RabbitSettings rabbit,
    MinioSettings minio,
    AlertSettings alerts,
    StateSettings state,
    String serverName,
    Optional<RedisStreamSettings> redisStream,
    HostRootSettings hostRoot) {

  /** The same settings listening elsewhere (e.g. port 0 for a throw-away instance). */
  public Settings withHttp(HttpSettings other) {
    return with(other, state, redisStream);
  }

  /**
   * The same settings keeping no state, neither in a directory nor in a Redis stream: for a
   * throw-away instance beside the real one.
   */
  public Settings withoutState() {
    return with(http, StateSettings.OFF, Optional.empty());
  }

  private Settings with(
      HttpSettings otherHttp, StateSettings otherState, Optional<RedisStreamSettings> stream) {
    return new Settings(
        otherHttp,
        pollInterval,
        historyWindow,
        trendWindow,
        collectTimeout,
        gpu,
        prometheusEnabled,
        eventLogSize,
        maxSeries,
        logLevel,
        logFormat,
        redis,
        payload,
        rabbit,
        minio,
        alerts,
        otherState,
        serverName,
        stream,
        hostRoot);
  }

  /** How operators reach this service: the configured URL, or one made from the bind address. */
  public java.net.URI externalUrl() {
    return alerts
        .externalUrl()
        .orElseGet(
            () -> {
              String host =
                  http.host().equals("0.0.0.0") || http.host().equals("::")
                      ? "localhost"
                      : http.host();
              host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
              return java.net.URI.create("http://" + host + ":" + http.port());
            });
  }

  /** Points each history ring holds: the history window divided by the poll interval. */
  public int historyPoints() {
    return (int) (historyWindow.toMillis() / pollInterval.toMillis());
  }

  /** Each variable with its effective value as text, secrets masked, in {@link Variable} order. */
  public Map<Variable, String> describe() {
    Map<Variable, String> out = new LinkedHashMap<>();
    out.put(Variable.MONITORING_HTTP_HOST, http.host());
    out.put(Variable.MONITORING_HTTP_PORT, Integer.toString(http.port()));
    out.put(Variable.MONITORING_API_TOKEN, http.access().apiToken().masked());
    out.put(Variable.MONITORING_PROMETHEUS_TOKEN, http.access().prometheusToken().masked());
    out.put(Variable.MONITORING_CORS_ORIGINS, String.join(",", http.access().corsOrigins()));
    out.put(Variable.MONITORING_POLL_INTERVAL, Durations.format(pollInterval));
    out.put(Variable.MONITORING_HISTORY_WINDOW, Durations.format(historyWindow));
    out.put(
        Variable.MONITORING_HISTORY_LONG_WINDOW,
        trendWindow.isZero() ? "off" : Durations.format(trendWindow));
    out.put(Variable.MONITORING_COLLECT_TIMEOUT, Durations.format(collectTimeout));
    out.put(Variable.MONITORING_GPU_ENABLED, gpu.label());
    out.put(Variable.PROMETHEUS_ENABLED, Boolean.toString(prometheusEnabled));
    out.put(Variable.MONITORING_EVENT_LOG_SIZE, Integer.toString(eventLogSize));
    out.put(Variable.MONITORING_MAX_SERIES, Integer.toString(maxSeries));
    out.put(Variable.MONITORING_LOG_LEVEL, logLevel);
    out.put(Variable.MONITORING_LOG_FORMAT, logFormat.label());
    out.put(Variable.MONITORING_STATE_DIR, state.dir().map(Object::toString).orElse("off"));
    out.put(Variable.MONITORING_STATE_INTERVAL, Durations.format(state.interval()));
    out.put(
        Variable.MONITORING_PERSIST_REDIS_URL,
        redisStream.map(RedisStreamSettings::maskedUrl).orElse(""));
    out.put(Variable.MONITORING_SERVER_NAME, serverName);
    out.put(Variable.MONITORING_HOST_PROC, hostRoot.proc().toString());
    out.put(Variable.MONITORING_HOST_ROOT, hostRoot.root().toString());
    out.put(Variable.MONITORING_REDIS_HOST, redis.host());
    out.put(Variable.MONITORING_REDIS_PORT, Integer.toString(redis.port()));
    out.put(Variable.MONITORING_REDIS_DB, Integer.toString(redis.database()));
    out.put(Variable.MONITORING_REDIS_USERNAME, redis.username());
    out.put(Variable.MONITORING_REDIS_PASSWORD, redis.password().masked());
    out.put(Variable.MONITORING_REDIS_CLIENTS_KEY, redis.clientsKey());
    out.put(Variable.MONITORING_REDIS_STATE_KEYS, pairs(redis.stateKeys()));
    out.put(Variable.MONITORING_PAYLOAD_MAX_BYTES, Long.toString(payload.maxBytes()));
    out.put(Variable.MONITORING_PAYLOAD_MAX_DEPTH, Integer.toString(payload.maxDepth()));
    out.put(Variable.MONITORING_RMQ_URL, rabbit.maskedUrl());
    out.put(Variable.MONITORING_RMQ_MANAGEMENT_URL, rabbit.maskedManagementUrl());
    out.put(Variable.MONITORING_RMQ_QUEUES, String.join(",", rabbit.queuePatterns()));
    out.put(Variable.MONITORING_RMQ_PIPELINES, Integer.toString(rabbit.pipelines()));
    out.put(Variable.MONITORING_RMQ_FIREHOSE, rabbit.firehose().label());
    out.put(
        Variable.MONITORING_GATEWAY_HEARTBEAT_TIMEOUT, Durations.format(rabbit.heartbeatTimeout()));
    out.put(Variable.MONITORING_RMQ_MAX_QUEUES, Integer.toString(rabbit.maxQueues()));
    out.put(Variable.MONITORING_MINIO_ENDPOINT, minio.endpoint());
    out.put(Variable.MONITORING_MINIO_ACCESS_KEY, minio.accessKey().masked());
    out.put(Variable.MONITORING_MINIO_SECRET_KEY, minio.secretKey().masked());
    out.put(Variable.MONITORING_MINIO_SECURE, Boolean.toString(minio.secure()));
    out.put(Variable.MONITORING_MINIO_REGION, minio.region());
    out.put(Variable.MONITORING_MINIO_BUCKETS, String.join(",", minio.buckets()));
    out.put(Variable.MONITORING_MINIO_PREFIXES, String.join(",", minio.prefixes()));
    out.put(Variable.MONITORING_MINIO_ORPHAN_AGE, Durations.format(minio.orphanAge()));
    out.put(Variable.MONITORING_MINIO_LIST_INTERVAL, Durations.format(minio.listInterval()));
    out.put(Variable.MONITORING_MINIO_MAX_OBJECTS, Integer.toString(minio.maxObjects()));
    out.put(Variable.MONITORING_ALERT_RULES, alerts.rulesFile().map(Object::toString).orElse(""));
    out.put(Variable.MONITORING_ALERT_WEBHOOK_URLS, AlertSettings.masked(alerts.webhooks()));
    out.put(Variable.MONITORING_ALERTMANAGER_URL, AlertSettings.masked(alerts.alertmanagers()));
    out.put(
        Variable.MONITORING_EXTERNAL_URL, alerts.externalUrl().map(Object::toString).orElse(""));
    return out;
  }

  private static String pairs(Map<String, String> map) {
    StringBuilder b = new StringBuilder();
    map.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }
}
