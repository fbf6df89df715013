package io.frmonitor.export;

import io.frmonitor.registry.MetricRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Prometheus view of the registry, plus the JVM's own metrics, in the text format the scraper
 * asks for ({@code Accept}: Prometheus text 0.0.4 by default, OpenMetrics on request). Knows
 * nothing of HTTP.
 *
 * <p>Thread safety: safe for concurrent scrapes.
 */
public final class PrometheusBridge {
  private final PrometheusRegistry prometheus = new PrometheusRegistry();
  private final ExpositionFormats formats = ExpositionFormats.init();

  public PrometheusBridge(MetricRegistry registry) {
    prometheus.register(new RegistryCollector(registry));
    JvmMetrics.builder().register(prometheus);
  }

  /** One scrape, rendered for {@code acceptHeader} (may be null). */
  public Exposition scrape(String acceptHeader) {
    ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
    if (!writer.isAvailable()) {
      writer = formats.getPrometheusTextFormatWriter();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, prometheus.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Exposition(writer.getContentType(), out.toByteArray());
  }

  /** A rendered scrape: the body and the content type it was rendered in. */
  public static final class Exposition {
    private final String contentType;
    private final byte[] body;

    Exposition(String contentType, byte[] body) {
      this.contentType = contentType;
      this.body = body;
    }

    public String contentType() {
      return contentType;
    }

    /** The rendered bytes; the caller must not modify them. */
    public byte[] body() {
      return body;
    }
  }
}
