package io.frmonitor.collect.storage;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.MinioSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The frame store ({@code storage}): MinIO's health every poll, and the configured buckets'
 * objects, bytes, ages and orphaned frames from a listing on its own slower interval. Read-only: it
 * only sends unauthenticated health GETs and signed list requests.
 *
 * <p>Health that cannot be reached is {@code down} (the family turns stale). A listing that fails
 * (wrong keys, missing bucket, TLS, timeout) or keys that are not configured are {@code degraded},
 * with the reason.
 *
 * <p>Thread safety: confined to its runner's thread, apart from the lister's hand-over.
 */
public final class StoragePoller implements Poller {
  private final MinioSettings settings;
  private final MinioHealth health;
  private final BucketLister lister;
  private final MinioMetrics metrics;

  StoragePoller(
      MinioSettings settings, MinioHealth health, BucketLister lister, MinioMetrics metrics) {
    this.settings = settings;
    this.health = health;
    this.lister = lister;
    this.metrics = metrics;
  }

  private static final URI NOWHERE = URI.create("http://storage-disabled.invalid");

  public static StoragePoller create(MinioSettings settings, Clock clock, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    // a disabled collector is never polled: its clients are made, but never used
    URI uri = settings.enabled() ? settings.uri() : NOWHERE;
    MinioHealth health = new MinioHealth(http, uri, timeout);
    S3Client s3 =
        new S3Client(
            http,
            uri,
            new SigV4(
                settings.accessKey().value(), settings.secretKey().value(), settings.region()),
            // One page of 1,000 keys: allow more than a health probe.
            timeout.multipliedBy(5),
            clock);
    BucketScanner scanner =
        new BucketScanner(
            s3,
            settings.prefixes(),
            MinioSettings.FRAMES_PREFIX,
            settings.orphanAge(),
            settings.maxObjects());
    MinioMetrics metrics =
        new MinioMetrics(
            http,
            uri,
            settings.accessKey().value(),
            settings.secretKey().value(),
            timeout,
            settings.listInterval(),
            clock);
    return new StoragePoller(
        settings,
        health,
        new BucketLister(s3, scanner, settings.buckets(), settings.listInterval(), clock),
        metrics);
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(StorageSnapshot.FAMILY);
  }

  @Override
  public Optional<String> unavailableReason() {
    return settings.disabledReason();
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    HealthProbe probe = health.probe();
    if (settings.hasCredentials()) {
      lister.startIfDue();
    }
    BucketLister.Listing listing = lister.latest();
    MinioMetrics.Reading usage =
        probe.minio() ? metrics.readIfDue() : new MinioMetrics.Reading(null, null);
    StorageSnapshot snapshot =
        new StorageSnapshot(
            settings.endpoint(),
            probe.minio(),
            Optional.ofNullable(probe.live()),
            Optional.ofNullable(probe.ready()),
            Optional.ofNullable(probe.clusterHealthy()),
            probe.latencyMs(),
            listing == null ? Optional.empty() : Optional.of(listing.finishedAt()),
            listing == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(listing.took().toNanos() / 1e6),
            listing == null ? Optional.empty() : Optional.ofNullable(listing.bucketNames()),
            listing == null ? List.of() : listing.buckets(),
            Optional.ofNullable(usage.usage()),
            Optional.ofNullable(usage.unavailable()));
    sink.publish(StorageSnapshot.FAMILY, snapshot);
    return outcome(listing);
  }

  private PollOutcome outcome(BucketLister.@Nullable Listing listing) {
    if (!settings.hasCredentials()) {
      return PollOutcome.degraded(
          "MONITORING_MINIO_ACCESS_KEY and MONITORING_MINIO_SECRET_KEY are not set:"
              + " health only, buckets not listed");
    }
    if (listing != null && listing.problem() != null) {
      return PollOutcome.degraded(listing.problem());
    }
    return PollOutcome.ok();
  }

  @Override
  public void close() {
    lister.close();
  }
}
