package io.frmonitor.state;

import static io.frmonitor.state.StateImages.T0;
import static io.frmonitor.state.StateImages.full;
import static io.frmonitor.state.StateImages.small;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file streamed to a file: the same bytes as in memory, with memory bounded. */
class StateWriterTest {
  private static final int POINTS = 720;

  @TempDir Path tmp;

  @Test
  void writesToAFileTheBytesEncodeGives() throws IOException {
    byte[] encoded = StateCodec.encode(full());
    Path file = tmp.resolve("state.bin");

    long length;
    try (FileChannel out = open(file)) {
      length = StateCodec.write(full(), out);
    }

    assertThat(length).isEqualTo(encoded.length);
    assertThat(file).hasBinaryContent(encoded);
  }

  @Test
  void writesTheBytesOfTheFormatsFirstWriter() throws Exception {
    byte[] first;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/state/full-v1.bin")) {
      assertThat(in).as("fixtures/state/full-v1.bin").isNotNull();
      first = in.readAllBytes();
    }

    assertThat(StateCodec.encode(full())).isEqualTo(first);
    assertThat(StateCodec.encode(StateCodec.decode(first))).isEqualTo(first);
  }

  @Test
  void overwritesALongerFileFromItsStart() throws IOException {
    Path file = tmp.resolve("state.bin");
    byte[] old = new byte[10_000];
    Arrays.fill(old, (byte) 0x55);
    Files.write(file, old);

    try (FileChannel out = open(file)) {
      StateCodec.write(small(), out);
    }

    assertThat(file).hasBinaryContent(StateCodec.encode(small()));
  }

  @Test
  void streamsALargeImageAskingForEachSeriesOnceInOrder() throws Exception {
    LazySeries series = new LazySeries(2_000);
    StateImage image = new StateImage(T0, series, List.of(), List.of(), List.of(), List.of());
    Path file = tmp.resolve("state.bin");

    StateWriter writer;
    long length;
    try (FileChannel out = open(file)) {
      writer = new StateWriter(new StateTarget.Channel(out));
      length = writer.write(image);
    }

    assertThat(series.asked).isEqualTo(IntStream.range(0, 2_000).boxed().toList());
    assertThat(Files.size(file)).isEqualTo(length).isGreaterThan(100L * StateWriter.CHUNK);
    assertThat(writer.bufferCapacity()).isLessThanOrEqualTo(2 * StateWriter.CHUNK);
    List<SeriesHistory> back = StateCodec.decode(Files.readAllBytes(file)).series();
    assertThat(back).hasSize(2_000);
    for (int k : new int[] {0, 1, 1_000, 1_999}) {
      assertThat(back.get(k)).isEqualTo(LazySeries.generate(k));
    }
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
  }

  /**
   * Series made when asked for, as the state keeper's copies of the rings are: an hour at 5 s of a
   * random walk with two decimals, times a few milliseconds off the beat (about 10 bytes a point).
   */
  private static final class LazySeries extends AbstractList<SeriesHistory> {
    final List<Integer> asked = new ArrayList<>();
    private final int size;

    LazySeries(int size) {
      this.size = size;
    }

    @Override
    public SeriesHistory get(int index) {
      asked.add(index);
      return generate(index);
    }

    @Override
    public int size() {
      return size;
    }

    static SeriesHistory generate(int k) {
      SplittableRandom random = new SplittableRandom(k);
      long[] times = new long[POINTS];
      double[] values = new double[POINTS];
      double v = random.nextDouble(0, 100);
      for (int i = 0; i < POINTS; i++) {
        times[i] = T0.toEpochMilli() - (POINTS - i) * 5_000L + random.nextInt(0, 8);
        v = Math.max(0, v + random.nextDouble(-1, 1));
        values[i] = Math.round(v * 100) / 100.0;
      }
      return new SeriesHistory("system.series_" + k, times, values);
    }
  }
}
