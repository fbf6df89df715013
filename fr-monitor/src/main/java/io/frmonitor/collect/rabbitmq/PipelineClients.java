package io.frmonitor.collect.rabbitmq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The distinct clients whose frames each pipeline received over a sliding window — "active clients
 * per pipeline worker". The tap's thread adds names to the current interval's set of a pipeline;
 * each poll takes those sets into per-minute buckets and counts the union of the window's buckets.
 * Bounded: at most {@link #MAX_PER_SET} names per pipeline and bucket.
 *
 * <p>Thread safety: {@link #seen} from the consumer thread, {@link #distinct} from the poller's.
 */
final class PipelineClients {
  static final int MAX_PER_SET = 10_000;

  private final AtomicReferenceArray<Set<String>> current;
  // owned by the poller's thread
  private final List<ArrayDeque<Bucket>> buckets = new ArrayList<>();

  private record Bucket(long minute, Set<String> names) {}

  PipelineClients(int pipelines) {
    current = new AtomicReferenceArray<>(pipelines);
    for (int i = 0; i < pipelines; i++) {
      current.set(i, ConcurrentHashMap.newKeySet());
      buckets.add(new ArrayDeque<>());
    }
  }

  /** A frame of {@code client} reached {@code pipeline}. */
  void seen(int pipeline, String client) {
    if (pipeline < 0 || pipeline >= current.length()) {
      return;
    }
    Set<String> names = current.get(pipeline);
    if (names.size() < MAX_PER_SET) {
      names.add(client);
    }
  }

  /** Distinct clients of {@code pipeline} over the {@code window} before {@code now}. */
  int distinct(int pipeline, Instant now, Duration window) {
    ArrayDeque<Bucket> deque = buckets.get(pipeline);
    long minute = now.getEpochSecond() / 60;
    Set<String> fresh = current.getAndSet(pipeline, ConcurrentHashMap.newKeySet());
    Bucket last = deque.peekLast();
    if (last == null || last.minute() != minute) {
      last = new Bucket(minute, new HashSet<>());
      deque.addLast(last);
    }
    for (String name : fresh) {
      if (last.names().size() < MAX_PER_SET) {
        last.names().add(name);
      }
    }
    long oldest = minute - Math.max(1, window.toMinutes()) + 1;
    while (!deque.isEmpty() && deque.peekFirst().minute() < oldest) {
      deque.removeFirst();
    }
    Set<String> union = new HashSet<>();
    deque.forEach(b -> union.addAll(b.names()));
    return union.size();
  }
}
