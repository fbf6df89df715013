package io.frmonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a Chromium trace (the JSON file of {@code --trace-startup-file}) spent its time between two
 * of the page's {@code performance.mark}s: the complete events' durations summed per thread and
 * event name, printed in ms per second, most first. Events nest, so a parent's time includes its
 * children's: read it as where, not as a sum.
 */
final class TraceSummary {
  private TraceSummary() {}

  static void print(Path trace, String fromMark, String toMark, int top) throws IOException {
    JsonNode events = new ObjectMapper().readTree(trace.toFile()).path("traceEvents");
    Map<String, String> threads = new HashMap<>();
    double from = Double.NaN;
    double to = Double.NaN;
    for (JsonNode e : events) {
      if ("thread_name".equals(e.path("name").asText()) && "M".equals(e.path("ph").asText())) {
        threads.put(
            e.path("pid").asText() + "/" + e.path("tid").asText(),
            e.path("args").path("name").asText());
      } else if (fromMark.equals(e.path("name").asText())) {
        from = e.path("ts").asDouble();
      } else if (toMark.equals(e.path("name").asText())) {
        to = e.path("ts").asDouble();
      }
    }
    if (Double.isNaN(from) || Double.isNaN(to)) {
      System.out.println("trace: marks " + fromMark + "/" + toMark + " not found in " + trace);
      return;
    }
    Map<String, Double> total = new HashMap<>();
    for (JsonNode e : events) {
      double ts = e.path("ts").asDouble();
      if (!"X".equals(e.path("ph").asText()) || ts < from || ts > to) {
        continue;
      }
      String thread =
          threads.getOrDefault(e.path("pid").asText() + "/" + e.path("tid").asText(), "?");
      total.merge(thread + " " + e.path("name").asText(), e.path("dur").asDouble(), Double::sum);
    }
    double seconds = (to - from) / 1e6;
    total.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .forEach(
            x ->
                System.out.printf(
                    "trace_ms_per_s %7.2f %s%n", x.getValue() / 1000 / seconds, x.getKey()));
  }
}
