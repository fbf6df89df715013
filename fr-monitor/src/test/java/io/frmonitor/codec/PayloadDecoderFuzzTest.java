package io.frmonitor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated payloads: the decoder must answer every one with a result (never an
 * exception), and allocate at most a bounded multiple of the payload's size. The seed is fixed so a
 * failure reproduces; {@code -Dfuzz.cases=N} and {@code -Dfuzz.seed=S} run longer or other
 * campaigns.
 */
class PayloadDecoderFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 60_000);
  private static final long SEED = Long.getLong("fuzz.seed", 20261128L);

  /** Worst case seen is about 40 bytes per input byte (memo entries); the bound leaves room. */
  private static final long ALLOCATION_PER_BYTE = 256;

  private static final long ALLOCATION_BASE = 2L << 20;

  private static final String[] SEEDS = {
    "clients_status_active.p4.pkl",
    "clients_status_many.p2.pkl",
    "frame.p2.pkl",
    "frame.p5.pkl",
    "face_result_no_face.p4.pkl",
    "face_result_failure.p2.pkl",
    "phone_result.p5.pkl",
    "saved_action_no_image.p4.pkl",
    "mixed_types.p2.pkl",
    "mixed_types.p5.pkl",
  };

  private final PayloadDecoder decoder = new PayloadDecoder(new DecodeLimits(1 << 20, 32));
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  // a hang detector for the whole campaign, not a speed assertion: it normally takes a few seconds
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void randomAndMutatedPayloadsNeverThrowHangOrBlowUpMemory() {
    Random random = new Random(SEED);
    List<byte[]> corpus = new ArrayList<>();
    for (String name : SEEDS) {
      corpus.add(PickleFixturesTest.fixture(name));
    }
    warmUp(corpus, random); // first use loads classes and Jackson's buffers: not the payload's cost
    int decoded = 0;
    int failed = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] input =
          i % 4 == 0
              ? randomBytes(random)
              : mutate(corpus.get(random.nextInt(corpus.size())), random);
      long before = threads.getCurrentThreadAllocatedBytes();
      DecodeResult result = decoder.decode(input);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(result).as("case %d", i).isNotNull();
      assertThat(allocated)
          .as("case %d allocated; input %s", i, java.util.HexFormat.of().formatHex(input))
          .isLessThan(ALLOCATION_BASE + ALLOCATION_PER_BYTE * input.length);
      if (result instanceof DecodeResult.Decoded) {
        decoded++;
      } else {
        failed++;
      }
    }
    // both outcomes occur: the campaign exercises the happy paths, not just the first byte
    assertThat(decoded).isGreaterThan(CASES / 100);
    assertThat(failed).isGreaterThan(CASES / 10);
  }

  private void warmUp(List<byte[]> corpus, Random random) {
    for (int i = 0; i < 2_000; i++) {
      decoder.decode(
          i % 2 == 0 ? randomBytes(random) : mutate(corpus.get(i % corpus.size()), random));
      decoder.decode("[1, {\"a\": null}]".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] b = new byte[1 + random.nextInt(64)];
    random.nextBytes(b);
    if (random.nextBoolean()) {
      b[0] = (byte) 0x80;
      if (b.length > 1) {
        b[1] = (byte) random.nextInt(6);
      }
    }
    return b;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      switch (random.nextInt(5)) {
        case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length) + 1);
        case 3 -> b = splice(b, random, true);
        default -> b = splice(b, random, false);
      }
    }
    return b;
  }

  /** Inserts or deletes a few bytes at a random place. */
  private static byte[] splice(byte[] b, Random random, boolean insert) {
    int at = random.nextInt(b.length);
    int n = 1 + random.nextInt(8);
    if (insert) {
      byte[] out = new byte[b.length + n];
      System.arraycopy(b, 0, out, 0, at);
      for (int i = 0; i < n; i++) {
        out[at + i] = (byte) random.nextInt(256);
      }
      System.arraycopy(b, at, out, at + n, b.length - at);
      return out;
    }
    int cut = Math.min(n, b.length - at);
    byte[] out = new byte[b.length - cut];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + cut, out, at, b.length - at - cut);
    return out.length == 0 ? new byte[] {0} : out;
  }
}
