package io.frmonitor.app;

import io.frmonitor.api.ApiServer;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.CollectorRuntime;
import io.frmonitor.collect.ExecutorTaskScheduler;
import io.frmonitor.collect.Poller;
import io.frmonitor.collect.RetryPolicy;
import io.frmonitor.collect.gpu.GpuPoller;
import io.frmonitor.collect.host.HostPoller;
import io.frmonitor.collect.rabbitmq.FrameTapPoller;
import io.frmonitor.collect.rabbitmq.GatewayEventsPoller;
import io.frmonitor.collect.rabbitmq.QueueStatsPoller;
import io.frmonitor.collect.rabbitmq.ResultTapPoller;
import io.frmonitor.collect.redis.ClientStatePoller;
import io.frmonitor.collect.storage.StoragePoller;
import io.frmonitor.config.Settings;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.registry.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The composition root: builds every component from the settings, starts them in order and stops
 * them in reverse. The only place that knows every concrete class.
 */
final class Service implements AutoCloseable {
  private final MetricRegistry registry;
  private final ExecutorTaskScheduler scheduler;
  private final CollectorRuntime runtime;
  private final ApiServer api;
  private boolean closed;

  private Service(Settings settings, Clock clock, Instant processStart) {
    Duration poll = settings.pollInterval();
    registry =
        new MetricRegistry(
            clock,
            settings.historyWindow(),
            settings.historyPoints(),
            settings.maxSeries(),
            settings.eventLogSize(),
            poll.multipliedBy(3).plus(settings.collectTimeout()));
    PayloadDecoder decoder =
        new PayloadDecoder(
            new DecodeLimits(settings.payload().maxBytes(), settings.payload().maxDepth()));
    ResultTapPoller results =
        ResultTapPoller.create(settings.rabbit(), decoder, clock, settings.collectTimeout());
    List<Poller> pollers =
        new java.util.ArrayList<>(
            List.of(
                HostPoller.create(clock, processStart),
                GpuPoller.create(settings.gpu(), System.getenv("PATH"), settings.collectTimeout()),
                ClientStatePoller.create(
                    settings.redis(), decoder, clock, settings.collectTimeout()),
                QueueStatsPoller.create(settings.rabbit(), decoder, settings.collectTimeout()),
                FrameTapPoller.create(settings.rabbit(), decoder, clock, settings.collectTimeout()),
                results,
                GatewayEventsPoller.create(
                    settings.rabbit(), decoder, clock, settings.collectTimeout()),
                StoragePoller.create(settings.minio(), clock, settings.collectTimeout())));
    if (settings.rabbit().firehose()) {
      pollers.add(results.firehose(settings.rabbit(), decoder, clock, settings.collectTimeout()));
    }
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
            ? Optional.of(new PrometheusBridge(registry))
            : Optional.empty();
    api = new ApiServer(settings.http(), registry, runtime::isReady, prometheus);
  }

  /** Builds and starts everything: collectors first (they run in the background), then HTTP. */
  static Service start(Settings settings, Clock clock, Instant processStart) {
    Service service = new Service(settings, clock, processStart);
    try {
      service.runtime.start();
      service.api.start();
      return service;
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  int port() {
    return api.port();
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
  }
}
