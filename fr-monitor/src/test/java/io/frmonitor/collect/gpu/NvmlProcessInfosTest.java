package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.GpuProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NvmlProcessInfosTest {
  /** Lays out nvmlProcessInfo_t v2 entries as the driver does on x86-64. */
  private static byte[] infos(long[][] entries) {
    ByteBuffer b =
        ByteBuffer.allocate(entries.length * NvmlProcessInfos.SIZE).order(ByteOrder.LITTLE_ENDIAN);
    for (long[] e : entries) {
      int at = b.position();
      b.putInt(at, (int) e[0]);
      b.putLong(at + 8, e[1]);
      b.putInt(at + 16, 0xFFFFFFFF); // gpuInstanceId: not MIG
      b.putInt(at + 20, 0xFFFFFFFF); // computeInstanceId
      b.position(at + NvmlProcessInfos.SIZE);
    }
    return b.array();
  }

  @Test
  void decodesPidAndMemory() {
    byte[] raw = infos(new long[][] {{4242, 1L << 30}, {3_000_000_000L, 512L << 20}});
    assertThat(NvmlProcessInfos.decode(raw))
        .containsExactly(
            new GpuProcess(4242, OptionalLong.of(1L << 30)),
            new GpuProcess(3_000_000_000L, OptionalLong.of(512L << 20)));
  }

  @Test
  void notAvailableMemoryIsEmpty() {
    byte[] raw = infos(new long[][] {{17, -1L}});
    assertThat(NvmlProcessInfos.decode(raw))
        .containsExactly(new GpuProcess(17, OptionalLong.empty()));
  }

  @Test
  void ignoresATrailingPartialEntry() {
    assertThat(NvmlProcessInfos.decode(new byte[30])).hasSize(1);
  }
}
