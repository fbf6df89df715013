package io.frmonitor.collect;

import java.util.Optional;

/** How a successful poll went: fully, or in part with the reason ({@code degraded}). */
public record PollOutcome(Optional<String> degradedReason) {
  private static final PollOutcome OK = new PollOutcome(Optional.empty());

  public static PollOutcome ok() {
    return OK;
  }

  public static PollOutcome degraded(String reason) {
    return new PollOutcome(Optional.of(reason));
  }
}
