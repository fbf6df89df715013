package io.frmonitor.collect.gpu;

import io.frmonitor.model.GpuProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decodes an array of NVML {@code nvmlProcessInfo_t} (v2 layout, native little-endian, 24 bytes
 * each: pid at 0, used GPU memory at 8). Pure, so it is tested on captured bytes.
 */
final class NvmlProcessInfos {
  static final int SIZE = 24;

  private NvmlProcessInfos() {}

  static List<GpuProcess> decode(byte[] raw) {
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    List<GpuProcess> out = new ArrayList<>(raw.length / SIZE);
    for (int at = 0; at + SIZE <= raw.length; at += SIZE) {
      long pid = Integer.toUnsignedLong(buf.getInt(at));
      long used = buf.getLong(at + 8);
      out.add(
          new GpuProcess(
              pid,
              used == NvmlReturn.VALUE_NOT_AVAILABLE
                  ? OptionalLong.empty()
                  : OptionalLong.of(used)));
    }
    return out;
  }
}
