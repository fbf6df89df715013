package io.frmonitor.state;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Where {@link StateWriter} puts a file's bytes: written, and read back, at absolute positions, as
 * a {@link FileChannel} does. The writer reads back only bytes it has written.
 *
 * <p>Thread safety: none; one writing owns it.
 */
interface StateTarget {
  /** Writes all of {@code src}'s remaining bytes at {@code position}, extending the file. */
  void write(ByteBuffer src, long position) throws IOException;

  /**
   * Fills {@code dst}'s remaining space with the bytes at {@code position}.
   *
   * @throws EOFException when the file ends first
   */
  void read(ByteBuffer dst, long position) throws IOException;

  /** Cuts the file to {@code size} bytes (when longer). */
  void truncate(long size) throws IOException;

  /** A file, open for reading and writing. */
  final class Channel implements StateTarget {
    private final FileChannel channel;

    Channel(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      long at = position;
      while (src.hasRemaining()) {
        at += channel.write(src, at);
      }
    }

    @Override
    public void read(ByteBuffer dst, long position) throws IOException {
      long at = position;
      while (dst.hasRemaining()) {
        int n = channel.read(dst, at);
        if (n < 0) {
          throw new EOFException("the file ends at byte " + at + " of " + channel);
        }
        at += n;
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      channel.truncate(size);
    }
  }

  /** A growable array, for {@link StateCodec#encode}: the whole file in memory. */
  final class Memory implements StateTarget {
    /** The largest array a JVM reliably allocates. */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private byte[] buf = new byte[4096];
    private int size;

    @Override
    public void write(ByteBuffer src, long position) {
      int n = src.remaining();
      long end = position + n;
      if (end > MAX_SIZE) {
        throw new IllegalStateException("state image too large: over " + MAX_SIZE + " bytes");
      }
      if (end > buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_SIZE, Math.max(end, 2L * buf.length)));
      }
      if (position > size) {
        Arrays.fill(buf, size, (int) position, (byte) 0); // a gap reads as zeros, as in a file
      }
      src.get(buf, (int) position, n);
      size = Math.max(size, (int) end);
    }

    @Override
    public void read(ByteBuffer dst, long position) throws EOFException {
      if (position + dst.remaining() > size) {
        throw new EOFException("the image ends at byte " + size);
      }
      dst.put(buf, (int) position, dst.remaining());
    }

    @Override
    public void truncate(long newSize) {
      size = (int) Math.min(size, newSize);
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
