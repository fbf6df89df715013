package io.frmonitor.collect.rabbitmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts what the frame tap receives. Written by the tap's consumer thread, read by the poller:
 * counters are atomic, latencies go through an HdrHistogram {@link Recorder} (the poller takes
 * interval histograms without stopping the writer). Bounded: at most {@link #MAX_CLIENTS} client
 * names, each with its frame count and a bit set of the pipelines its frames went to (one bit per
 * tapped pipeline, at most 256); frames of further clients count under {@link #OTHER_CLIENTS},
 * whose pipelines are then the union of theirs.
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
  private final Map<String, ClientTally> perClient = new ConcurrentHashMap<>();
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
    boolean tapped = pipeline >= 0 && pipeline < perPipeline.length();
    if (tapped) {
      perPipeline.incrementAndGet(pipeline);
      pipelineClients.seen(pipeline, facts.client());
    }
    ClientTally client = perClient.get(facts.client());
    if (client == null) {
      String key = perClient.size() < MAX_CLIENTS ? facts.client() : OTHER_CLIENTS;
      client = perClient.computeIfAbsent(key, k -> new ClientTally(perPipeline.length()));
    }
    client.frame(tapped ? pipeline : -1);
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

  /** Per client name, in name order: its frames and pipelines since start. */
  Map<String, ClientCount> clients() {
    Map<String, ClientCount> out = new TreeMap<>();
    perClient.forEach((k, v) -> out.put(k, v.count()));
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

  /** A client's frames since start, and the ids of the pipelines they were routed to, ascending. */
  record ClientCount(long frames, List<Integer> pipelines) {
    ClientCount {
      pipelines = List.copyOf(pipelines);
    }
  }

  /**
   * One client's counters. The tap's thread writes: a frame costs an adder increment and, once per
   * client and pipeline, a compare-and-set of a bit (later frames find it set and only read).
   */
  private static final class ClientTally {
    private final LongAdder frames = new LongAdder();
    private final AtomicLongArray pipelineBits;

    ClientTally(int pipelines) {
      pipelineBits = new AtomicLongArray((pipelines + Long.SIZE - 1) / Long.SIZE);
    }

    /** A frame routed to {@code pipeline}, or to no tapped pipeline when it is negative. */
    void frame(int pipeline) {
      frames.increment();
      if (pipeline < 0) {
        return;
      }
      int word = pipeline / Long.SIZE;
      long bit = 1L << (pipeline % Long.SIZE);
      if ((pipelineBits.get(word) & bit) == 0) {
        pipelineBits.getAndAccumulate(word, bit, (a, b) -> a | b);
      }
    }

    ClientCount count() {
      List<Integer> pipelines = new ArrayList<>();
      for (int word = 0; word < pipelineBits.length(); word++) {
        long bits = pipelineBits.get(word);
        while (bits != 0) {
          pipelines.add(word * Long.SIZE + Long.numberOfTrailingZeros(bits));
          bits &= bits - 1;
        }
      }
      return new ClientCount(frames.sum(), pipelines);
    }
  }
}
