package io.frmonitor.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The functions with the most self time in a V8 CPU profile (CDP {@code Profiler.stop}). */
final class CpuProfile {
  private CpuProfile() {}

  @SuppressWarnings("unchecked")
  static void printHottest(Map<String, Object> stopResult, int top) {
    Map<String, Object> profile = (Map<String, Object>) stopResult.get("profile");
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
    List<Number> deltas = (List<Number>) profile.get("timeDeltas");
    List<Number> samples = (List<Number>) profile.get("samples");
    Map<Long, String> names = new HashMap<>();
    for (Map<String, Object> n : nodes) {
      Map<String, Object> f = (Map<String, Object>) n.get("callFrame");
      String url = String.valueOf(f.get("url"));
      names.put(
          ((Number) n.get("id")).longValue(),
          f.get("functionName")
              + "@"
              + url.substring(url.lastIndexOf('/') + 1)
              + ":"
              + f.get("lineNumber"));
    }
    Map<String, Double> self = new HashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      self.merge(
          names.get(samples.get(i).longValue()), deltas.get(i).doubleValue() / 1000, Double::sum);
    }
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("profile_self_ms %8.1f %s%n", e.getValue(), e.getKey()));
  }
}
