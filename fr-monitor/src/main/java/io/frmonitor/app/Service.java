package io.frmonitor.app;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.notify.Notifiers;
import io.frmonitor.alert.rule.RuleException;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.api.ApiServer;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.CollectorRuntime;
import io.frmonitor.collect.Poller;
import io.frmonitor.collect.RetryPolicy;
import io.frmonitor.collect.gpu.GpuPoller;
import io.frmonitor.collect.host.HostPoller;
import io.frmonitor.collect.rabbitmq.FrameTapPoller;
import io.frmonitor.collect.rabbitmq.GatewayEventsPoller;
import io.frmonitor.collect.rabbitmq.NodesPoller;
import io.frmonitor.collect.rabbitmq.QueueStatsPoller;
import io.frmonitor.collect.rabbitmq.ResultTapPoller;
import io.frmonitor.collect.redis.ClientStatePoller;
import io.frmonitor.collect.redis.RedisInfoPoller;
import io.frmonitor.collect.storage.StoragePoller;
import io.frmonitor.config.AlertSettings;
import io.frmonitor.config.Settings;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.family.Catalog;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.ExecutorTaskScheduler;
import io.frmonitor.schedule.NamedThreads;
import io.frmonitor.state.StateFallback;
import io.frmonitor.state.StateInUseException;
import io.frmonitor.state.StateKeeper;
import io.frmonitor.state.redis.RedisStreamMirror;
import io.frmonitor.state.redis.RedisStreamRestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The composition root: builds every component from the settings, starts them in order and stops
 * them in reverse. The only place that knows every concrete class.
 */
final class Service implements AutoCloseable {
  /** Alert state changes kept for {@code /alerts/history}. */
  private static final int ALERT_HISTORY = 1_000;

  /** Each call to the Redis that keeps the stream copy. */
  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(3);

  private final Catalog catalog = Families.CATALOG;
  private final MetricRegistry registry;
  private final ExecutorTaskScheduler scheduler;
  private final CollectorRuntime runtime;
  private final ApiServer api;
  private final ExecutorService alerting;
  private final AlertEngine alerts;
  private final StateFallback fallback;
  private final Optional<StateKeeper> state;
  private final Optional<RedisStreamMirror> mirror;
  private boolean closed;

  private Service(Settings settings, RuleSet rules, Clock clock, Instant processStart) {
    Duration poll = settings.pollInterval();
    registry =
        new MetricRegistry(
            clock,
            settings.historyWindow(),
            settings.historyPoints(),
            settings.maxSeries(),
            settings.eventLogSize(),
            poll.multipliedBy(3).plus(settings.collectTimeout()),
            settings.trendWindow());
    PayloadDecoder decoder =
        new PayloadDecoder(
            new DecodeLimits(settings.payload().maxBytes(), settings.payload().maxDepth()));
    catalog.defineSeries(registry);
    Duration timeout = settings.collectTimeout();
    ResultTapPoller results = ResultTapPoller.create(settings.rabbit(), decoder, clock, timeout);
    List<Poller> pollers =
        List.of(
            HostPoller.create(settings.hostRoot(), clock, processStart),
            GpuPoller.create(
                settings.gpu(), System.getenv("PATH"), timeout, settings.hostRoot().proc()),
            ClientStatePoller.create(settings.redis(), decoder, clock, timeout),
            QueueStatsPoller.create(settings.rabbit(), decoder, timeout),
            FrameTapPoller.create(settings.rabbit(), decoder, clock, timeout),
            results,
            results.firehose(settings.rabbit(), decoder, clock, timeout),
            GatewayEventsPoller.create(settings.rabbit(), decoder, clock, timeout),
            StoragePoller.create(settings.minio(), clock, timeout),
            RedisInfoPoller.create(settings.redis(), clock, timeout),
            NodesPoller.create(settings.rabbit(), decoder, timeout));
    scheduler = new ExecutorTaskScheduler();
    runtime =
        new CollectorRuntime(
            pollers,
            registry,
            scheduler,
            RetryPolicy.forInterval(poll),
            settings.collectTimeout(),
            () -> ThreadLocalRandom.current().nextDouble(),
            CollectorRuntime::threadPerPoller);
    Optional<PrometheusBridge> prometheus =
        settings.prometheusEnabled()
            ? Optional.of(new PrometheusBridge(catalog, registry, settings.serverName()))
            : Optional.empty();
    alerting = Executors.newSingleThreadExecutor(NamedThreads.daemon("fr-alerts"));
    alerts = alertEngine(settings, rules, alerting, clock);
    registry.addListener(alerts);
    fallback =
        settings
            .redisStream()
            .<StateFallback>map(s -> RedisStreamRestore.create(s, clock, STREAM_TIMEOUT))
            .orElse(StateFallback.NONE);
    state = StateKeeper.of(settings.state(), registry, alerts, clock, fallback);
    mirror =
        settings
            .redisStream()
            .map(s -> RedisStreamMirror.create(s, registry, STREAM_TIMEOUT, poll));
    api =
        new ApiServer(
            settings.http(),
            settings.serverName(),
            catalog,
            registry,
            runtime::isReady,
            prometheus,
            Optional.of(alerts));
  }

  private AlertEngine alertEngine(
      Settings settings, RuleSet rules, ExecutorService executor, Clock clock) {
    AlertSettings a = settings.alerts();
    return new AlertEngine(
        rules,
        catalog,
        registry,
        Notifiers.create(
            a.webhooks(),
            a.alertmanagers(),
            settings.externalUrl(),
            clock,
            Map.of(PrometheusBridge.SERVER_LABEL, settings.serverName())),
        new Silences(),
        new AlertHistory(ALERT_HISTORY),
        executor);
  }

  /**
   * Builds and starts everything: collectors first (they run in the background), then HTTP.
   *
   * @throws RuleException when the alert rules file is invalid, naming the rule and field
   * @throws StateInUseException when another fr-monitor holds the state directory
   */
  static Service start(Settings settings, Clock clock, Instant processStart) {
    RuleSet rules = RulesCommands.loader().load(settings.alerts().rulesFile());
    Service service = new Service(settings, rules, clock, processStart);
    try {
      // before the collectors: restored points come before new ones, alert states before the
      // first evaluation; the state file, or when there is none the Redis stream
      service.state.ifPresentOrElse(
          StateKeeper::restore, () -> service.fallback.restoreInto(service.registry));
      // after restoring, so that what was restored is not written back
      service.mirror.ifPresent(
          m -> {
            service.registry.addListener(m);
            m.start();
          });
      service.runtime.start();
      service.api.start();
      service.state.ifPresent(StateKeeper::start);
      return service;
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  int port() {
    return api.port();
  }

  /** Every GET path the service answers. */
  List<String> paths() {
    return api.paths();
  }

  MetricRegistry registry() {
    return registry;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    api.close();
    runtime.close();
    scheduler.close();
    alerting.shutdownNow();
    alerts.close();
    // last: what the collectors and the alert engine did until the end is kept; the state file
    // first, so that a Redis that hangs cannot eat the time a stop is given (docker: 10 s)
    state.ifPresent(StateKeeper::close);
    mirror.ifPresent(RedisStreamMirror::close);
  }
}
