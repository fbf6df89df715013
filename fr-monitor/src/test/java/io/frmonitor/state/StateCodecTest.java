package io.frmonitor.state;

import static io.frmonitor.state.StateImages.MS;
import static io.frmonitor.state.StateImages.T0;
import static io.frmonitor.state.StateImages.full;
import static io.frmonitor.state.StateImages.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.rule.LabelMatcher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private static final int HEADER = 18;

  @Test
  void roundTripsAnImageWithEveryFieldPopulated() throws Exception {
    StateImage image = full();

    assertSame(StateCodec.decode(StateCodec.encode(image)), image);
  }

  @Test
  void roundTripsAnEmptyImage() throws Exception {
    StateImage image = StateImage.empty(T0);

    assertThat(StateCodec.decode(StateCodec.encode(image))).isEqualTo(image);
  }

  @Test
  void encodesTheSameImageToTheSameBytes() throws Exception {
    byte[] bytes = StateCodec.encode(full());

    assertThat(StateCodec.encode(StateCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Test
  void startsWithTheDocumentedHeader() {
    byte[] bytes = StateCodec.encode(small());
    ByteBuffer header = ByteBuffer.wrap(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes, HEADER, bytes.length - HEADER);

    assertThat(Arrays.copyOf(bytes, 4)).isEqualTo("FRMS".getBytes(StandardCharsets.US_ASCII));
    assertThat(header.getShort(4)).isEqualTo((short) StateCodec.VERSION);
    assertThat(header.getLong(6)).isEqualTo(bytes.length - HEADER);
    assertThat(Integer.toUnsignedLong(header.getInt(14))).isEqualTo(crc.getValue());
  }

  @Test
  void reportsTruncationAtEveryByteBoundary() {
    byte[] bytes = StateCodec.encode(small());

    for (int n = 0; n < bytes.length; n++) {
      StateFormatException e = failure(Arrays.copyOf(bytes, n));
      long expected = n < HEADER ? HEADER : bytes.length;
      assertThat(e).as("cut at %d", n).hasMessage("truncated: %d of %d bytes", n, expected);
    }
  }

  @Test
  void detectsEverySingleBitFlip() {
    byte[] bytes = StateCodec.encode(small());

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(failure(flipped).getMessage())
          .as("bit %d", bit)
          .matches(
              "corrupt: checksum mismatch|not an fr-monitor state file \\(starts with .*\\)"
                  + "|written by a newer fr-monitor .*|unknown format version \\d+"
                  + "|truncated: \\d+ of \\d+ bytes|corrupt: \\d+ bytes after the payload's end.*"
                  + "|corrupt: impossible payload length -?\\d+");
    }
  }

  @Test
  void rejectsAForeignFile() {
    byte[] json = "{\"series\": []}".getBytes(StandardCharsets.UTF_8);

    assertThat(failure(json))
        .hasMessage("not an fr-monitor state file (starts with 7b 22 73 65 72 69 65 73)");
    assertThat(failure(new byte[] {'F', 'X'})).hasMessageStartingWith("not an fr-monitor");
  }

  @Test
  void rejectsAFileOfANewerFormatVersion() {
    byte[] bytes = StateCodec.encode(small());
    bytes[4] = 0x01;
    bytes[5] = 0x02;

    assertThat(failure(bytes))
        .hasMessage("written by a newer fr-monitor (format version 258; this build reads 1)");
  }

  @Test
  void rejectsFormatVersionZero() {
    byte[] bytes = StateCodec.encode(small());
    bytes[5] = 0;

    assertThat(failure(bytes)).hasMessage("unknown format version 0");
  }

  @Test
  void rejectsTrailingGarbage() {
    byte[] bytes = StateCodec.encode(small());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

    assertThat(failure(longer))
        .hasMessage("corrupt: 3 bytes after the payload's end at byte %d", bytes.length);
  }

  @Test
  void roundTripsTrendsAndWritesNoTrendSectionWithoutThem() throws Exception {
    StateImage plain = full();
    TrendHistory cpu =
        new TrendHistory(
            "system.cpu_percent",
            new int[] {29_000_000, 29_000_001, 29_000_005, 29_000_006},
            new float[] {1.5f, 1.5f, Float.NaN, -0.0f},
            new float[] {2.25f, 2.5f, 3.1f, 0f},
            new float[] {4f, 4f, Float.MAX_VALUE, 1e-30f});
    TrendHistory empty =
        new TrendHistory("empty", new int[0], new float[0], new float[0], new float[0]);
    StateImage withTrends =
        new StateImage(
            plain.writtenAt(),
            plain.series(),
            plain.events(),
            plain.alerts(),
            plain.silences(),
            plain.alertHistory(),
            List.of(cpu, empty));
    assertSame(StateCodec.decode(StateCodec.encode(withTrends)), withTrends);
    assertThat(StateCodec.encode(withTrends).length)
        .as("four minutes of three floats and a minute each")
        .isLessThan(StateCodec.encode(plain).length + 80);
    byte[] truncatedTrends = StateCodec.encode(withTrends);
    for (int cut = StateCodec.encode(plain).length; cut < truncatedTrends.length; cut++) {
      failure(java.util.Arrays.copyOf(truncatedTrends, cut));
    }
  }

  @Test
  void roundTripsCounterBaselines() throws Exception {
    StateImage plain = full();
    StateImage with =
        new StateImage(
            plain.writtenAt(),
            plain.series(),
            plain.events(),
            plain.alerts(),
            plain.silences(),
            plain.alertHistory(),
            List.of(),
            java.util.Map.of(
                "queue_counters",
                java.util.Map.of(
                    "actions", new long[] {1400, 0, Long.MAX_VALUE, -1, 400, 0, 0, 0},
                    "empty", new long[0])));
    assertSame(StateCodec.decode(StateCodec.encode(with)), with);
  }

  @Test
  void skipsASectionOfALaterBuild() throws Exception {
    StateImage image = full();
    byte[] payload = payloadOf(StateCodec.encode(image));
    byte[] later = {99, 3, 7, 7, 7, 0, 0};

    assertSame(StateCodec.decode(framed(concat(payload, later))), image);
  }

  @Test
  void readsAnAbsentSectionAsEmpty() throws Exception {
    assertThat(StateCodec.decode(framed(0, 2, 1, 0))).isEqualTo(StateImage.empty(Instant.EPOCH));
  }

  @Test
  void reportsAPayloadThatPassesTheChecksumButIsInconsistent() {
    assertCorrupt(framed(), "ends early");
    assertCorrupt(framed(0, 1, 5, 0, 0), "length 5 runs past the end");
    assertCorrupt(framed(0, 1, 1, 100), "count of series 100 exceeds the bytes left");
    assertCorrupt(
        framed(0, 1, 10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1),
        "count of series 18446744073709551615 exceeds the bytes left");
    assertCorrupt(framed(0, 2, 1, 0, 2, 1, 0), "the events section appears twice");
    assertCorrupt(framed(0, 2, 2, 0, 0), "bytes left over after the section's contents: 1");
    assertCorrupt(framed(0, 3, 7, 1, 0, 0, 0, 0, 0, 7), "presence byte is 7");
    assertCorrupt(framed(0, 3, 5, 1, 0, 0, 0, 9), "unknown alert phase 9");
    assertCorrupt(framed(0, 4, 6, 1, 0, 1, 0, 9, 0), "unknown matcher operator 9");
    assertCorrupt(framed(0, 4, 7, 1, 0, 1, 0, 2, 1, '('), "invalid regular expression");
    assertCorrupt(framed(0, 2, 5, 1, 0, 1, 0xff, 0), "not valid UTF-8");
    assertCorrupt(framed(0, 2, 10, 1, 0, 0, 2, 1, 'k', 0, 1, 'k', 0), "duplicate key \"k\"");
    assertCorrupt(framed(0, 1, 5, 1, 0, 1, 0, 65), "value byte 65");
    assertCorrupt(framed(0, 1, 6, 1, 0, 1, 0, 63, 2), "value overflows 64 bits");
    assertCorrupt(framed(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0), "varint");
  }

  @Test
  void readsEveryRewrittenPayloadByteOrReportsItAsCorrupt() {
    byte[] payload = payloadOf(StateCodec.encode(small()));

    for (int i = 0; i < payload.length; i++) {
      for (int value : new int[] {0x00, 0x01, 0x7f, 0x80, 0xff, payload[i] + 1}) {
        byte[] changed = payload.clone();
        changed[i] = (byte) value;
        assertDecodesOrIsCorrupt(changed, "byte " + i + " set to " + value);
      }
      // a cut between sections is a valid payload: an absent section is empty
      assertDecodesOrIsCorrupt(Arrays.copyOf(payload, i), "payload cut at " + i);
    }
  }

  /** Decodes, or fails as corrupt by the readers' own checks, not by the safety net's. */
  private static void assertDecodesOrIsCorrupt(byte[] payload, String what) {
    try {
      StateCodec.decode(framed(payload));
    } catch (StateFormatException e) {
      assertThat(e.getMessage())
          .as(what)
          .startsWith("corrupt: ")
          .doesNotContain("unreadable payload");
    }
  }

  @Test
  void aConstantSeriesTakesUnderThreeBytesAPoint() {
    double[] values = new double[720];
    Arrays.fill(values, 42.5);

    assertThat(bytesPerPoint(values)).isLessThan(3.0);
  }

  @Test
  void aCounterGrowingBySmallIntegersTakesUnderSixBytesAPoint() {
    Random random = new Random(7);
    double[] values = new double[720];
    double v = 12_345;
    for (int i = 0; i < values.length; i++) {
      v += random.nextInt(20);
      values[i] = v;
    }

    assertThat(bytesPerPoint(values)).isLessThan(6.0);
  }

  private static double bytesPerPoint(double[] values) {
    long[] times = new long[values.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = MS + 5000L * i;
    }
    SeriesHistory series = new SeriesHistory("fr_results_total", times, values);
    StateImage image =
        new StateImage(T0, List.of(series), List.of(), List.of(), List.of(), List.of());
    return (double) StateCodec.encode(image).length / values.length;
  }

  /** What a silence is, without the compiled patterns (which compare by identity). */
  private record SilenceView(
      String id,
      List<String> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment) {
    static SilenceView of(Silences.Silence s) {
      return new SilenceView(
          s.id(),
          s.matchers().stream().map(LabelMatcher::toString).toList(),
          s.startsAt(),
          s.endsAt(),
          s.createdBy(),
          s.comment());
    }
  }

  private static void assertSame(StateImage actual, StateImage expected) {
    assertThat(actual.writtenAt()).isEqualTo(expected.writtenAt());
    assertThat(actual.series()).isEqualTo(expected.series());
    for (int k = 0; k < expected.series().size(); k++) {
      SeriesHistory a = actual.series().get(k);
      SeriesHistory e = expected.series().get(k);
      for (int i = 0; i < e.size(); i++) {
        assertThat(Double.doubleToRawLongBits(a.value(i)))
            .as("%s[%d]", e.name(), i)
            .isEqualTo(Double.doubleToRawLongBits(e.value(i)));
      }
    }
    assertThat(actual.events()).isEqualTo(expected.events());
    assertThat(actual.alerts()).isEqualTo(expected.alerts());
    assertThat(actual.silences().stream().map(SilenceView::of))
        .containsExactlyElementsOf(expected.silences().stream().map(SilenceView::of).toList());
    assertThat(actual.alertHistory()).isEqualTo(expected.alertHistory());
    assertThat(actual.trends()).isEqualTo(expected.trends());
    assertThat(actual.baselines().keySet()).isEqualTo(expected.baselines().keySet());
    expected
        .baselines()
        .forEach(
            (ns, values) -> {
              assertThat(actual.baselines().get(ns)).containsOnlyKeys(values.keySet());
              values.forEach(
                  (k, v) -> assertThat(actual.baselines().get(ns).get(k)).containsExactly(v));
            });
  }

  private static StateFormatException failure(byte[] bytes) {
    StateFormatException e =
        catchThrowableOfType(StateFormatException.class, () -> StateCodec.decode(bytes));
    assertThat(e).as("decoding %d bytes fails", bytes.length).isNotNull();
    return e;
  }

  private static void assertCorrupt(byte[] file, String what) {
    assertThat(failure(file).getMessage()).startsWith("corrupt: ").contains(what);
  }

  private static byte[] payloadOf(byte[] file) {
    return Arrays.copyOfRange(file, HEADER, file.length);
  }

  /** A file around a payload given as unsigned byte values. */
  private static byte[] framed(int... payload) {
    byte[] bytes = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      bytes[i] = (byte) payload[i];
    }
    return framed(bytes);
  }

  /** A file around a payload, with the right length and checksum. */
  private static byte[] framed(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return ByteBuffer.allocate(HEADER + payload.length)
        .put("FRMS".getBytes(StandardCharsets.US_ASCII))
        .putShort((short) StateCodec.VERSION)
        .putLong(payload.length)
        .putInt((int) crc.getValue())
        .put(payload)
        .array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
