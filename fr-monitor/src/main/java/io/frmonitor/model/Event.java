package io.frmonitor.model;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened, for the event log: a collector changing health, later client state
 * changes, actions and alerts. {@code fields} hold the kind-specific details.
 */
public record Event(Instant time, String kind, Map<String, String> fields) {
  public Event {
    fields = Map.copyOf(fields);
  }
}
