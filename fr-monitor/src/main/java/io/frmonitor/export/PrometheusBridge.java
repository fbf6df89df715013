package io.frmonitor.export;

import io.frmonitor.family.Catalog;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.registry.MetricRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The Prometheus view of the registry, plus the JVM's own metrics, in the text format the scraper
 * asks for ({@code Accept}: Prometheus text 0.0.4 by default, OpenMetrics on request). Knows
 * nothing of HTTP.
 *
 * <p>A rendering is reused for {@link #REUSE_FOR} per format: the {@code fr_*} values change once
 * per poll interval, and the JVM collectors cost most of a scrape (about 0.5 ms of CPU), so several
 * scrapers (Prometheus HA pairs, dashboards) within a second share one rendering. JVM collectors
 * are registered on the first scrape, keeping them off the start-up path.
 *
 * <p>Every series carries {@value #SERVER_LABEL}: the fr-server stack this instance watches ({@code
 * MONITORING_SERVER_NAME}), so that one Prometheus can scrape a fleet of them and tell their series
 * apart, whatever the scrape configuration's target labels.
 *
 * <p>Thread safety: safe for concurrent scrapes.
 */
public final class PrometheusBridge {
  /** How long one rendering is served again. */
  public static final Duration REUSE_FOR = Duration.ofSeconds(1);

  /** The label naming the server stack on every series. */
  public static final String SERVER_LABEL = MetricDef.RESERVED_LABEL;

  private final PrometheusRegistry prometheus = new PrometheusRegistry();
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final Clock clock;
  private final Map<String, Exposition> recent = new ConcurrentHashMap<>();
  private final String server;
  private boolean jvmRegistered;

  /**
   * @param server the value of the {@value #SERVER_LABEL} label on every series
   */
  public PrometheusBridge(Catalog catalog, MetricRegistry registry, String server) {
    this.clock = registry.clock();
    this.server = server;
    prometheus.register(new RegistryCollector(catalog, registry, server));
  }

  /** One scrape, rendered for {@code acceptHeader} (may be null). */
  public Exposition scrape(String acceptHeader) {
    ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
    if (!writer.isAvailable()) {
      writer = formats.getPrometheusTextFormatWriter();
    }
    Instant now = clock.instant();
    Exposition last = recent.get(writer.getContentType());
    if (last != null && now.isBefore(last.renderedAt.plus(REUSE_FOR))) {
      return last;
    }
    Exposition fresh = render(writer, now);
    recent.put(writer.getContentType(), fresh);
    return fresh;
  }

  private Exposition render(ExpositionFormatWriter writer, Instant now) {
    registerJvmMetricsOnce();
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, prometheus.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Exposition(writer.getContentType(), out.toByteArray(), now);
  }

  private synchronized void registerJvmMetricsOnce() {
    if (!jvmRegistered) {
      JvmMetrics.builder().constLabels(Labels.of(SERVER_LABEL, server)).register(prometheus);
      jvmRegistered = true;
    }
  }

  /** A rendered scrape: the body and the content type it was rendered in. */
  public static final class Exposition {
    private final String contentType;
    private final byte[] body;
    private final Instant renderedAt;
    private byte @Nullable [] gzipped;

    Exposition(String contentType, byte[] body, Instant renderedAt) {
      this.contentType = contentType;
      this.body = body;
      this.renderedAt = renderedAt;
    }

    public String contentType() {
      return contentType;
    }

    /** The rendered bytes; the caller must not modify them. */
    public byte[] body() {
      return body;
    }

    /**
     * The rendered bytes gzipped (Prometheus asks for gzip), made once per rendering rather than
     * once per scrape; the caller must not modify them.
     */
    public synchronized byte[] gzipped() {
      byte[] zipped = gzipped;
      if (zipped == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
          gzip.write(body);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        zipped = out.toByteArray();
        gzipped = zipped;
      }
      return zipped;
    }
  }
}
