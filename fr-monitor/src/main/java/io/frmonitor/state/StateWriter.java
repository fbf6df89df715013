package io.frmonitor.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Writes a {@link StateImage} in {@link StateCodec}'s format through a buffer of about {@value
 * #CHUNK} bytes, so that the memory it takes does not grow with the file: the buffer, one series'
 * copy and the small sections (events, alerts, silences, history), each encoded whole.
 *
 * <p>A section's length comes before its body. For the series, it is known only once they are all
 * encoded, and each is encoded once: a lazy image copies a ring when its series is asked for, and a
 * ring that gained a point between two passes would encode to another length. So the series body is
 * written {@value #LENGTH_ROOM} bytes further on than where it goes, then read back and moved in
 * behind its length; the checksum is computed as the bytes reach their place. The header goes in
 * last, at the start.
 *
 * <p>Thread safety: none; one writer writes one image, once.
 */
final class StateWriter {
  /** The buffer's flush threshold, and the unit in which the series body is moved. */
  static final int CHUNK = 64 * 1024;

  /** Room left for the series section's length: the longest varint. */
  private static final int LENGTH_ROOM = 10;

  private final StateTarget target;
  private final ByteSink buf = new ByteSink(CHUNK + CHUNK / 2);
  private final CRC32C crc = new CRC32C();

  /** Where the buffer's bytes go. */
  private long position;

  StateWriter(StateTarget target) {
    this.target = target;
  }

  /**
   * Writes the file from position 0 of the target, and cuts the target to its length.
   *
   * @return the file's length in bytes
   */
  long write(StateImage image) throws IOException {
    StateCodec.writeHeader(buf, 0, 0); // the length and checksum are filled in at the end
    flush(false);
    buf.writeInstant(image.writtenAt());
    buf.writeByte(StateCodec.TAG_SERIES);
    flush(true);
    writeLarge(image.series(), SeriesCodec::write);
    writeSection(StateCodec.TAG_EVENTS, out -> RecordsCodec.writeEvents(out, image.events()));
    writeSection(StateCodec.TAG_ALERTS, out -> RecordsCodec.writeAlerts(out, image.alerts()));
    writeSection(StateCodec.TAG_SILENCES, out -> RecordsCodec.writeSilences(out, image.silences()));
    writeSection(
        StateCodec.TAG_HISTORY, out -> RecordsCodec.writeHistory(out, image.alertHistory()));
    if (!image.baselines().isEmpty()) {
      writeSection(StateCodec.TAG_BASELINES, out -> BaselinesCodec.write(out, image.baselines()));
    }
    if (!image.trends().isEmpty()) {
      // only with trends: a file without them is byte for byte what builds before wrote
      buf.writeByte(StateCodec.TAG_TRENDS);
      flush(true);
      writeLarge(image.trends(), TrendCodec::write);
    }
    long end = position;
    target.truncate(end);
    StateCodec.writeHeader(buf, end - StateCodec.HEADER_SIZE, (int) crc.getValue());
    position = 0;
    flush(false);
    return end;
  }

  /** The buffer's size now, in bytes: {@link #CHUNK} and one series at most. */
  int bufferCapacity() {
    return buf.array().length;
  }

  /**
   * A large section after its tag (the series, the trends): each element asked for once, in order
   * (the lists are lazy copies of rings that change meanwhile), streamed, its length put before it.
   */
  private <T> void writeLarge(List<T> elements, BiConsumer<ByteSink, T> writer) throws IOException {
    long lengthAt = position;
    long bodyAt = lengthAt + LENGTH_ROOM;
    position = bodyAt;
    buf.writeVarLong(elements.size());
    for (T element : elements) {
      writer.accept(buf, element);
      if (buf.size() >= CHUNK) {
        flush(false);
      }
    }
    flush(false);
    long length = position - bodyAt;
    position = lengthAt;
    buf.writeVarLong(length);
    flush(true);
    moveIn(bodyAt, length);
  }

  /** Moves {@code length} bytes from {@code from} back to {@link #position}, checksumming them. */
  private void moveIn(long from, long length) throws IOException {
    byte[] scratch = buf.array(); // the buffer is empty
    for (long done = 0; done < length; ) {
      int n = (int) Math.min(CHUNK, length - done);
      ByteBuffer chunk = ByteBuffer.wrap(scratch, 0, n);
      // position + done stays behind from + done: nothing is overwritten before it is read
      target.read(chunk, from + done);
      crc.update(scratch, 0, n);
      target.write(chunk.flip(), position);
      position += n;
      done += n;
    }
  }

  /** A small section: its body encoded whole, then copied. */
  private void writeSection(int tag, Consumer<ByteSink> body) throws IOException {
    ByteSink section = new ByteSink(256);
    body.accept(section);
    buf.writeByte(tag);
    buf.writeVarLong(section.size());
    flush(true);
    emit(section, true);
  }

  private void flush(boolean checksummed) throws IOException {
    emit(buf, checksummed);
    buf.reset();
  }

  private void emit(ByteSink bytes, boolean checksummed) throws IOException {
    if (checksummed) {
      crc.update(bytes.array(), 0, bytes.size());
    }
    target.write(ByteBuffer.wrap(bytes.array(), 0, bytes.size()), position);
    position += bytes.size();
  }
}
