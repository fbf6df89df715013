package io.frmonitor.collect.rabbitmq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tap without a broker: the test delivers messages to the collector's handler itself. Records how
 * often the collector made sure it was consuming and which pipelines it asked about.
 */
final class FakeTap implements TapLink {
  int starts;
  boolean closed;

  /** Started and not closed since. */
  boolean consuming;

  final Map<Integer, Boolean> workers = new HashMap<>();
  final List<Integer> workerChecks = new ArrayList<>();

  @Override
  public void ensureStarted() {
    starts++;
    consuming = true;
  }

  @Override
  public Optional<Boolean> hasWorker(int pipeline) {
    workerChecks.add(pipeline);
    return Optional.ofNullable(workers.get(pipeline));
  }

  @Override
  public void close() {
    closed = true;
    consuming = false;
  }
}
