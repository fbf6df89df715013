package io.frmonitor.alert.eval;

import java.util.Optional;

/**
 * Whether a metric's values can be read now: its family fresh, and the signal it shows observable.
 * A series missing from a metric that is available has gone (a queue deleted): its alert resolves.
 * A metric that is not available has no data: its alerts go to {@code no_data}, never silently to
 * resolved.
 *
 * @param unobservable the signal cannot be seen on this deployment at all (not a passing outage)
 */
public record Availability(boolean available, boolean unobservable, Optional<String> reason) {
  public static final Availability OK = new Availability(true, false, Optional.empty());

  /** The collector behind it is stale, down or has not run. */
  public static Availability noData(String reason) {
    return new Availability(false, false, Optional.of(reason));
  }

  /** No source shows it on this deployment ({@code fr_signal_source{source="none"}}). */
  public static Availability notObservable(String reason) {
    return new Availability(false, true, Optional.of(reason));
  }
}
