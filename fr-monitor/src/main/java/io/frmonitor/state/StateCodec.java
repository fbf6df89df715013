package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.model.Event;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The state file's format: versioned, checksummed, compact. Decoding is pure, from the file's
 * bytes; {@link #write} streams to a file, {@link #encode} gives the same bytes in memory.
 *
 * <h2>Header (18 bytes, fixed-width fields big-endian)</h2>
 *
 * <pre>
 * offset 0   4 bytes  magic "FRMS" (46 52 4D 53)
 * offset 4   u16      format version, {@value #VERSION}
 * offset 6   i64      payload length L, in bytes
 * offset 14  u32      CRC32C (Castagnoli, {@link CRC32C}) of the L payload bytes
 * offset 18  L bytes  payload; the file ends with it
 * </pre>
 *
 * <h2>Primitives</h2>
 *
 * <ul>
 *   <li><b>varint</b>: unsigned LEB128 of a 64-bit value: 7 bits a byte, least significant group
 *       first, the high bit set on every byte but the last; at most 10 bytes.
 *   <li><b>zigzag</b>: a signed 64-bit n as the varint of {@code (n << 1) ^ (n >> 63)} (0, -1, 1,
 *       -2 … → 0, 1, 2, 3 …). Differences are taken with 64-bit wrap-around.
 *   <li><b>instant</b>: epoch milliseconds as a zigzag (sub-millisecond precision is dropped).
 *   <li><b>string</b>: varint byte count, then that many bytes of UTF-8.
 *   <li><b>map</b>: varint entry count, then key string and value string per entry, keys in
 *       ascending order (readers accept any order; a repeated key is corrupt).
 *   <li><b>bool</b> / <b>presence</b>: one byte, 0 (false, absent) or 1 (true, present; the value
 *       follows). Any other byte is corrupt.
 *   <li><b>double</b>: the 8 bytes of {@link Double#doubleToRawLongBits}, big-endian.
 *   <li><b>count</b>: a varint; since every counted thing takes at least one byte, a count above
 *       the bytes left in its section is corrupt.
 * </ul>
 *
 * <h2>Payload</h2>
 *
 * {@code writtenAt} (instant), then sections until the payload ends. A section is a tag (1 byte),
 * its body's length (varint) and the body. Tags: 1 series, 2 events, 3 alert instances, 4 silences,
 * 5 alert history, 6 trends, 7 counter baselines. A reader skips a section whose tag it does not
 * know, so a later build may add sections without a version bump. A known section appears at most
 * once, in any order; an absent one means empty (this writer writes the first five always, in tag
 * order, then 7 and 6 only when they hold something — a file without them is byte for byte what the
 * first build wrote). A known section's body must be consumed exactly.
 *
 * <ul>
 *   <li><b>1 series</b>: count; per series: name (string), point count n (count), then n times,
 *       then n values. Times: the first as a zigzag, the second as the zigzag of its difference
 *       from the first, each later one as the zigzag of (its difference from the previous) minus
 *       (the previous difference) — so a steady interval costs 1 byte. Values: each value's raw
 *       bits XOR the previous value's (the first XOR 0), written as one byte: 64 when the XOR is 0
 *       (nothing follows), else its number of trailing zero bits z (0–63) followed by the varint of
 *       {@code xor >>> z}. NaN payloads and infinities round-trip bit-exactly.
 *   <li><b>2 events</b>: count; per event: time as a zigzag of its difference from the previous
 *       event's (the first from 0), kind (string), fields (map).
 *   <li><b>3 alert instances</b>: count; per instance: rule (string), labels (map), annotations
 *       (map), phase (byte: 0 pending, 1 firing, 2 resolved), activeAt (instant), firedAt (presence
 *       + instant), resolvedAt (presence + instant), lastActiveAt (instant), value (presence +
 *       double), noDataSince (presence + instant), noDataReason (presence + string).
 *   <li><b>4 silences</b>: count; per silence: id (string), matcher count, per matcher label
 *       (string), operator (byte: 0 {@code =}, 1 {@code !=}, 2 {@code =~}, 3 {@code !~}) and value
 *       (string); startsAt, endsAt (instants), createdBy, comment (strings).
 *   <li><b>5 alert history</b>: count; per entry: id (zigzag), at (zigzag difference from the
 *       previous entry's, the first from 0), alertname, severity (strings), labels (map), from, to
 *       (strings), value (presence + double), summary (string), silenced (bool), fingerprint
 *       (string).
 *   <li><b>6 trends</b>: count; per trend: name (string), minute count n, the n epoch minutes as
 *       zigzags of their difference from the previous (the first from 0), then the n minimums, the
 *       n averages and the n maximums, each kind a float's raw bits XOR the previous one's of its
 *       kind: one byte, 32 when the XOR is 0, else its trailing zero bits z (0–31) followed by the
 *       varint of {@code xor >>> z}.
 *   <li><b>7 counter baselines</b>: namespace count; per namespace: name (string), key count, per
 *       key: name (string), value count, values (zigzags).
 * </ul>
 *
 * <p>Thread safety: stateless; safe from any thread.
 */
public final class StateCodec {
  /** The format version this build writes and the newest it reads. */
  public static final int VERSION = 1;

  static final int HEADER_SIZE = 18;
  static final int TAG_SERIES = 1;
  static final int TAG_EVENTS = 2;
  static final int TAG_ALERTS = 3;
  static final int TAG_SILENCES = 4;
  static final int TAG_HISTORY = 5;
  static final int TAG_TRENDS = 6;
  static final int TAG_BASELINES = 7;

  private static final byte[] MAGIC = "FRMS".getBytes(StandardCharsets.US_ASCII);
  private static final String[] SECTION_NAMES = {
    "",
    "series",
    "events",
    "alert instances",
    "silences",
    "alert history",
    "trends",
    "counter baselines"
  };

  private StateCodec() {}

  /**
   * Writes the image's file to {@code out}, from position 0, with a buffer of {@value
   * StateWriter#CHUNK} bytes: the memory taken does not grow with the file. The series are asked
   * for once each, in order, and none is kept (an image may compute them as they are read). The
   * series section is written a few bytes on, then read back and moved in behind its length, so
   * {@code out} must be open for reading as well as writing. {@code out} is cut to the file's
   * length; its own position is not used. Gives exactly the bytes of {@link #encode}.
   *
   * @return the file's length in bytes
   * @throws IOException when {@code out} cannot be written or read; what it holds is then undefined
   * @throws ArithmeticException when an instant lies beyond what epoch milliseconds hold (about 292
   *     million years from 1970)
   */
  public static long write(StateImage image, FileChannel out) throws IOException {
    return new StateWriter(new StateTarget.Channel(out)).write(image);
  }

  /**
   * The image as the file's bytes, all in memory; {@link #write} to a file takes far less.
   *
   * @throws ArithmeticException when an instant lies beyond what epoch milliseconds hold (about 292
   *     million years from 1970)
   * @throws IllegalStateException when the image would take 2 GiB or more
   */
  public static byte[] encode(StateImage image) {
    StateTarget.Memory out = new StateTarget.Memory();
    try {
      new StateWriter(out).write(image);
    } catch (IOException e) {
      throw new IllegalStateException("an in-memory write failed", e); // it reads what it wrote
    }
    return out.toByteArray();
  }

  /** The header, with the payload's length and checksum. */
  static void writeHeader(ByteSink out, long payloadLength, int crc32c) {
    out.writeBytes(MAGIC);
    out.writeByte(VERSION >>> 8);
    out.writeByte(VERSION);
    out.writeLong(payloadLength);
    out.writeInt(crc32c);
  }

  /**
   * Reads a file's bytes.
   *
   * @throws StateFormatException saying what is wrong: {@code truncated: N of M bytes}, {@code not
   *     an fr-monitor state file (starts with …)}, {@code written by a newer fr-monitor …}, {@code
   *     unknown format version N}, {@code corrupt: checksum mismatch} or {@code corrupt: <what and
   *     where>}; never another exception
   */
  public static StateImage decode(byte[] bytes) throws StateFormatException {
    try {
      int end = checkHeader(bytes);
      return readPayload(new ByteSource(bytes, HEADER_SIZE, end, "payload"));
    } catch (RuntimeException e) {
      // a safety net: the readers check what they read, so this is a bug, reported as corruption
      throw new StateFormatException("corrupt: unreadable payload (" + e + ")", e);
    }
  }

  /** Checks the header and the checksum; returns where the payload ends. */
  private static int checkHeader(byte[] b) throws StateFormatException {
    int prefix = Math.min(b.length, MAGIC.length);
    if (!Arrays.equals(b, 0, prefix, MAGIC, 0, prefix)) {
      String hex = HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(b.length, 8));
      throw new StateFormatException("not an fr-monitor state file (starts with " + hex + ")");
    }
    if (b.length >= 6) {
      int version = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
      if (version > VERSION) {
        throw new StateFormatException(
            "written by a newer fr-monitor (format version "
                + version
                + "; this build reads "
                + VERSION
                + ")");
      }
      if (version != VERSION) {
        throw new StateFormatException("unknown format version " + version);
      }
    }
    if (b.length < HEADER_SIZE) {
      throw truncated(b.length, HEADER_SIZE);
    }
    ByteSource header = new ByteSource(b, 6, HEADER_SIZE, "header");
    long length = header.readLong();
    long checksum = header.readUnsignedInt();
    if (length < 0 || length > Long.MAX_VALUE - HEADER_SIZE) {
      throw new StateFormatException("corrupt: impossible payload length " + length);
    }
    if (length > b.length - HEADER_SIZE) {
      throw truncated(b.length, HEADER_SIZE + length);
    }
    int end = HEADER_SIZE + (int) length;
    if (end < b.length) {
      throw new StateFormatException(
          "corrupt: " + (b.length - end) + " bytes after the payload's end at byte " + end);
    }
    CRC32C crc = new CRC32C();
    crc.update(b, HEADER_SIZE, (int) length);
    if (crc.getValue() != checksum) {
      throw new StateFormatException("corrupt: checksum mismatch");
    }
    return end;
  }

  private static StateFormatException truncated(long have, long need) {
    return new StateFormatException("truncated: " + have + " of " + need + " bytes");
  }

  private static StateImage readPayload(ByteSource in) throws StateFormatException {
    Instant writtenAt = in.readInstant();
    boolean[] seen = new boolean[SECTION_NAMES.length];
    List<SeriesHistory> series = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<AlertInstance> alerts = new ArrayList<>();
    List<Silences.Silence> silences = new ArrayList<>();
    List<AlertHistory.Entry> history = new ArrayList<>();
    List<TrendHistory> trends = new ArrayList<>();
    Map<String, Map<String, long[]>> baselines = Map.of();
    while (in.remaining() > 0) {
      int tag = in.readByte();
      long length = in.readVarLong();
      if (tag < 1 || tag >= SECTION_NAMES.length) {
        in.slice(length, "section " + tag); // a later build's section: skipped
        continue;
      }
      if (seen[tag]) {
        throw in.corrupt("the " + SECTION_NAMES[tag] + " section appears twice");
      }
      seen[tag] = true;
      ByteSource body = in.slice(length, SECTION_NAMES[tag] + " section");
      switch (tag) {
        case TAG_SERIES -> series = SeriesCodec.read(body);
        case TAG_EVENTS -> events = RecordsCodec.readEvents(body);
        case TAG_ALERTS -> alerts = RecordsCodec.readAlerts(body);
        case TAG_SILENCES -> silences = RecordsCodec.readSilences(body);
        case TAG_HISTORY -> history = RecordsCodec.readHistory(body);
        case TAG_TRENDS -> trends = TrendCodec.read(body);
        case TAG_BASELINES -> baselines = BaselinesCodec.read(body);
        default -> throw new IllegalStateException("section tag " + tag + " has no reader");
      }
      if (body.remaining() > 0) {
        throw body.corrupt("bytes left over after the section's contents: " + body.remaining());
      }
    }
    return new StateImage(writtenAt, series, events, alerts, silences, history, trends, baselines);
  }
}
