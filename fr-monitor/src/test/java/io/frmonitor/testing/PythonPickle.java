package io.frmonitor.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@code list[str]} exactly as CPython's {@code pickle.dumps(names, protocol=4)} does —
 * the format of every {@code Clients_status} field — including its 64 KiB framing and batches of
 * 1000 items, so tests can make fr-server values of any size without Python. Checked byte for byte
 * against fixtures made by real Python ({@code PythonPickleTest}).
 */
public final class PythonPickle {
  private static final int FRAME_SIZE_TARGET = 64 * 1024;
  private static final int BATCH = 1000;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream frame = new ByteArrayOutputStream();

  private PythonPickle() {}

  public static byte[] listOfStrings(List<String> names) {
    return new PythonPickle().write(names);
  }

  private byte[] write(List<String> names) {
    out.write(0x80);
    out.write(4);
    commitFrame(false);
    frame.write(']');
    frame.write(0x94); // MEMOIZE
    for (int start = 0; start < names.size(); start += BATCH) {
      List<String> batch = names.subList(start, Math.min(start + BATCH, names.size()));
      if (batch.size() == 1) {
        saveString(batch.get(0));
        frame.write('a');
        continue;
      }
      frame.write('(');
      batch.forEach(this::saveString);
      frame.write('e');
    }
    frame.write('.');
    commitFrame(true);
    return out.toByteArray();
  }

  private void saveString(String s) {
    commitFrame(false);
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length < 256) {
      frame.write(0x8c);
      frame.write(utf8.length);
    } else {
      frame.write('X');
      writeLittleEndian(frame, utf8.length, 4);
    }
    frame.writeBytes(utf8);
    frame.write(0x94);
  }

  private void commitFrame(boolean force) {
    if (frame.size() == 0 || (!force && frame.size() < FRAME_SIZE_TARGET)) {
      return;
    }
    if (frame.size() >= 4) { // CPython frames only payloads of at least 4 bytes
      out.write(0x95);
      writeLittleEndian(out, frame.size(), 8);
    }
    out.writeBytes(frame.toByteArray());
    frame = new ByteArrayOutputStream();
  }

  private static void writeLittleEndian(ByteArrayOutputStream to, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      to.write((int) (value >>> (8 * i)) & 0xff);
    }
  }
}
