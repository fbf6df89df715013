package io.frmonitor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.config.LogFormat;
import io.frmonitor.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class LineLoggerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> written = new ArrayList<>();
  private final ThreadMdc mdc = new ThreadMdc();

  private LineLoggerFactory factory(Level level, LogFormat format, LineSink sink) {
    return new LineLoggerFactory(
        new LogConfig(level, format), sink, new ManualClock(), ZoneOffset.UTC, mdc);
  }

  private Logger json(Level level, String name) {
    return factory(level, LogFormat.JSON, written::add).getLogger(name);
  }

  @Test
  void writesOnlyFromItsLevelUp() {
    Logger log = json(Level.INFO, "io.frmonitor.x.Y");
    log.debug("hidden {}", 1);
    log.info("shown {}", 2);
    log.error("also shown");
    assertThat(log.isDebugEnabled()).isFalse();
    assertThat(log.isInfoEnabled()).isTrue();
    assertThat(written).hasSize(2);
    assertThat(written.get(0)).contains("\"level\":\"INFO\"", "\"message\":\"shown 2\"");
  }

  @Test
  void aTrailingThrowableArgumentIsTheErrorNotAPlaceholderValue() throws Exception {
    Logger log = json(Level.INFO, "x");
    log.warn("collector {} failed", "redis", new java.net.ConnectException("refused"));
    JsonNode n = JSON.readTree(written.get(0));
    assertThat(n.get("message").asText()).isEqualTo("collector redis failed");
    assertThat(n.get("error").get("type").asText()).isEqualTo("java.net.ConnectException");
  }

  @Test
  void linesWrittenWhileACollectorTagIsSetCarryIt() throws Exception {
    Logger log = json(Level.INFO, "x");
    mdc.put("collector", "rabbitmq_stats");
    log.info("tagged");
    mdc.remove("collector");
    log.info("untagged");
    assertThat(JSON.readTree(written.get(0)).get("collector").asText()).isEqualTo("rabbitmq_stats");
    assertThat(JSON.readTree(written.get(1)).has("collector")).isFalse();
  }

  @Test
  void aThreadStartedWhileTaggedDoesNotInheritTheTag() throws Exception {
    mdc.put("collector", "gpu");
    String[] seen = new String[1];
    Thread t = new Thread(() -> seen[0] = String.valueOf(mdc.get("collector")));
    t.start();
    t.join();
    mdc.clear();
    assertThat(seen[0]).isEqualTo("null");
  }

  @Test
  void linesFromManyThreadsNeverInterleaveOnStandardError() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int threads = 8;
    int lines = 500;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Logger log = factory(Level.INFO, LogFormat.JSON, LineSink.stderr()).getLogger("x");
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      String payload = "é".repeat(3000); // longer than any stream buffer
      for (int i = 0; i < threads; i++) {
        int id = i;
        pool.execute(
            () -> {
              awaitQuietly(go);
              for (int j = 0; j < lines; j++) {
                log.info("thread {} line {} {}", id, j, payload, new IllegalStateException("x"));
              }
            });
      }
      go.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      System.setErr(original);
    }
    String[] out = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(out).hasSize(threads * lines);
    for (String line : out) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.get("message").asText()).endsWith("é".repeat(3000));
      assertThat(n.get("error").get("stack_trace").asText()).contains("IllegalStateException");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theProviderIsTheOneSlf4jFinds() {
    assertThat(org.slf4j.LoggerFactory.getLogger("x")).isInstanceOf(LineLogger.class);
    assertThat(org.slf4j.MDC.getMDCAdapter()).isInstanceOf(ThreadMdc.class);
  }
}
