package io.frmonitor.alert.eval;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One alert instance: a rule and one label set, in one phase of {@code pending → firing →
 * resolved}, and — while its data is missing — marked {@code no_data} with the phase kept.
 *
 * @param labels the series' labels, the rule's labels, {@code alertname} and {@code severity}
 * @param activeAt when the condition started to hold (the start of {@code for})
 * @param firedAt when it started firing
 * @param resolvedAt when it resolved
 * @param lastActiveAt the last evaluation at which the condition held ({@code keep_firing_for})
 * @param value the rule's value at the last evaluation with data
 * @param noDataSince since when its data has been missing; empty while it has data
 */
public record AlertInstance(
    String rule,
    Map<String, String> labels,
    Map<String, String> annotations,
    Phase phase,
    Instant activeAt,
    Optional<Instant> firedAt,
    Optional<Instant> resolvedAt,
    Instant lastActiveAt,
    OptionalDouble value,
    Optional<Instant> noDataSince,
    Optional<String> noDataReason) {
  public AlertInstance {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Where an instance is in its life. */
  public enum Phase {
    PENDING,
    FIRING,
    RESOLVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What an operator sees: {@code no_data} while the data is missing, else the phase. */
  public String state() {
    return noDataSince.isPresent() ? "no_data" : phase.label();
  }

  /** Whether notifiers are told it fires: firing, with data or kept while without. */
  public boolean firing() {
    return phase == Phase.FIRING;
  }

  /**
   * Alertmanager's fingerprint of the label set: 16 hex digits of a 64-bit FNV-1a hash over the
   * sorted names and values (Alertmanager uses the same hash; the exact digits may differ, which
   * nothing relies on).
   */
  public String fingerprint() {
    long h = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      for (String s : new String[] {e.getKey(), e.getValue()}) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
          h ^= b & 0xff;
          h *= 0x100000001b3L;
        }
        h ^= 0xff; // a separator no label contains
        h *= 0x100000001b3L;
      }
    }
    return String.format("%016x", h);
  }
}
