package io.frmonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket subscribers on {@code /ws/metrics} of a running fr-monitor: connects them, then
 * for the given seconds records, for every delta that carries a new {@code system} collection, the
 * delay from that collection (the snapshot's {@code timestamp}, set when the collector published
 * it) to the moment this client had parsed the message — plus the size of the snapshot and of each
 * delta. Run by {@code scripts/bench-ws}, which measures the server's memory and CPU around it.
 *
 * <p>Arguments: the ws:// URL, the number of subscribers, the seconds to record.
 */
public final class LiveFeedBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveFeedBench() {}

  /** One subscriber: parses every message, keeps the measurements. */
  private static final class Subscriber implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final ConcurrentLinkedQueue<Long> delays;
    private final ConcurrentLinkedQueue<Integer> deltaSizes;
    private final AtomicLong snapshotBytes;
    final CompletableFuture<Void> gotSnapshot = new CompletableFuture<>();
    volatile boolean recording;

    Subscriber(
        ConcurrentLinkedQueue<Long> delays,
        ConcurrentLinkedQueue<Integer> deltaSizes,
        AtomicLong snapshotBytes) {
      this.delays = delays;
      this.deltaSizes = deltaSizes;
      this.snapshotBytes = snapshotBytes;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode m = JSON.readTree(text);
          long now = System.currentTimeMillis();
          String type = m.path("type").asText();
          if (type.equals("snapshot")) {
            snapshotBytes.set(text.length());
            gotSnapshot.complete(null);
          } else if (type.equals("delta") && recording) {
            deltaSizes.add(text.length());
            JsonNode collected = m.path("data").path("system").path("timestamp");
            if (collected.isNumber()) {
              delays.add(now - collected.asLong());
            }
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      ws.request(1);
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int count = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    AtomicLong snapshotBytes = new AtomicLong();
    HttpClient http = HttpClient.newHttpClient();
    List<Subscriber> subscribers = new ArrayList<>();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Subscriber s = new Subscriber(delays, sizes, snapshotBytes);
      subscribers.add(s);
      sockets.add(http.newWebSocketBuilder().buildAsync(uri, s).get(10, TimeUnit.SECONDS));
    }
    for (Subscriber s : subscribers) {
      s.gotSnapshot.get(30, TimeUnit.SECONDS);
    }
    System.out.println("connected=" + count);
    System.out.flush();
    // the script reads the server's memory now, with every subscriber connected and idle
    Thread.sleep(3000);
    subscribers.forEach(s -> s.recording = true);
    Thread.sleep(seconds * 1000L);
    subscribers.forEach(s -> s.recording = false);

    List<Long> d = new ArrayList<>(delays);
    Collections.sort(d);
    List<Integer> z = new ArrayList<>(sizes);
    Collections.sort(z);
    System.out.printf(
        "deltas_received=%d delay_ms_p50=%d delay_ms_p99=%d delay_ms_max=%d%n",
        d.size(), pct(d, 50), pct(d, 99), d.isEmpty() ? -1 : d.get(d.size() - 1));
    double mean = z.stream().mapToInt(Integer::intValue).average().orElse(0);
    System.out.printf(
        "snapshot_bytes=%d delta_bytes_median=%d delta_bytes_mean=%.0f delta_to_snapshot=%.3f%n",
        snapshotBytes.get(), pct(z, 50), mean, mean / snapshotBytes.get());
    for (WebSocket ws : sockets) {
      ws.abort();
    }
  }

  private static <T extends Number> long pct(List<T> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)).longValue();
  }
}
