package io.frmonitor.collect.rabbitmq;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts what the frame tap receives. Written by the tap's consumer thread, read by the poller:
 * counters are atomic, latencies go through an HdrHistogram {@link Recorder} (the poller takes
 * interval histograms without stopping the writer). Bounded: at most {@link #MAX_CLIENTS} client
 * names; frames of further clients count under {@link #OTHER_CLIENTS}.
 */
final class FrameAggregator {
  static final int MAX_CLIENTS = 10_000;
  static final String OTHER_CLIENTS = "(other clients)";

  /**
   * Highest latency tracked, in milliseconds (one hour). A frame stamped longer ago is not a
   * latency but a stale or replayed message, or a skewed clock: its frame is counted, its latency
   * left out of the distribution.
   */
  static final long MAX_LATENCY_MS = 3_600_000;

  private final AtomicLongArray perPipeline;
  private final Map<String, LongAdder> perClient = new ConcurrentHashMap<>();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final Recorder latency = new Recorder(MAX_LATENCY_MS, 2);
  private final PipelineClients pipelineClients;

  FrameAggregator(int pipelines) {
    this.perPipeline = new AtomicLongArray(pipelines);
    this.pipelineClients = new PipelineClients(pipelines);
  }

  int pipelines() {
    return perPipeline.length();
  }

  void frame(int pipeline, FrameFacts facts, long latencyMs) {
    if (pipeline >= 0 && pipeline < perPipeline.length()) {
      perPipeline.incrementAndGet(pipeline);
      pipelineClients.seen(pipeline, facts.client());
    }
    LongAdder client = perClient.get(facts.client());
    if (client == null) {
      String key = perClient.size() < MAX_CLIENTS ? facts.client() : OTHER_CLIENTS;
      client = perClient.computeIfAbsent(key, k -> new LongAdder());
    }
    client.increment();
    if (facts.sizeBytes() > 0) {
      bytes.add(facts.sizeBytes());
    }
    if (latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS) {
      latency.recordValue(latencyMs);
    }
  }

  void malformed() {
    malformed.increment();
  }

  long framesTo(int pipeline) {
    return perPipeline.get(pipeline);
  }

  Map<String, Long> clientTotals() {
    Map<String, Long> out = new java.util.TreeMap<>();
    perClient.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long bytes() {
    return bytes.sum();
  }

  /** Distinct clients of a pipeline over the window (called by the poller once per poll). */
  int clientsOf(int pipeline, java.time.Instant now, java.time.Duration window) {
    return pipelineClients.distinct(pipeline, now, window);
  }

  long malformedCount() {
    return malformed.sum();
  }

  /** The latencies recorded since the last call (and resets the interval). */
  Histogram intervalLatency() {
    return latency.getIntervalHistogram();
  }
}
