package io.frmonitor.collect;

import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/** A poller that plays back scripted steps: publish a value, degrade, or throw. */
final class ScriptedPoller implements Poller {
  static final Family<String> FAMILY = new Family<>("test", String.class);

  interface Step {
    PollOutcome run(MetricSink sink) throws Exception;
  }

  private final Deque<Step> steps = new ArrayDeque<>();
  private final String name;
  private Optional<String> unavailable = Optional.empty();
  private final java.util.concurrent.atomic.AtomicInteger polls =
      new java.util.concurrent.atomic.AtomicInteger();
  volatile boolean closed;

  ScriptedPoller() {
    this("test");
  }

  ScriptedPoller(String name) {
    this.name = name;
  }

  ScriptedPoller then(Step step) {
    steps.add(step);
    return this;
  }

  ScriptedPoller publishes(String value) {
    return then(
        sink -> {
          sink.publish(FAMILY, value);
          return PollOutcome.ok();
        });
  }

  ScriptedPoller fails(Exception e) {
    return then(
        sink -> {
          throw e;
        });
  }

  ScriptedPoller unavailable(String reason) {
    unavailable = Optional.of(reason);
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(FAMILY);
  }

  /** The log tag the availability check ran under ("none" before it ran or without a tag). */
  volatile String checkedUnderTag = "none";

  @Override
  public Optional<String> unavailableReason() {
    String tag = CollectorLogTag.current();
    checkedUnderTag = tag == null ? "none" : tag;
    return unavailable;
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    polls.incrementAndGet();
    Step step = steps.poll();
    if (step == null) {
      throw new IllegalStateException("script exhausted");
    }
    return step.run(sink);
  }

  int polls() {
    return polls.get();
  }

  @Override
  public void close() {
    closed = true;
  }
}
