package io.frmonitor.state.redis;

import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields of the stream entries, both ways. Pure.
 *
 * <p>A history entry is one family's points of one collection: {@code f} the family, {@code t} the
 * collection's time in epoch milliseconds, then each series' full name ({@code system.cpu_percent};
 * it always holds a dot, so it never clashes with {@code f} or {@code t}) and its value — a whole
 * number as such ({@code 42}), any other as Java's shortest text for a double ({@code 0.25}, {@code
 * 1.0E-5}).
 *
 * <p>An event entry is one event: {@code t} its time in epoch milliseconds, {@code k} its kind,
 * then its fields; a field named {@code t} or {@code k}, or whose name starts with {@code _}, is
 * written with one more {@code _} in front.
 */
final class StreamCodec {
  static final String FAMILY = "f";
  static final String TIME = "t";
  static final String KIND = "k";
  private static final String ESCAPE = "_";
  private static final double EXACT_LONG = 1e15;

  private StreamCodec() {}

  /** A history entry's fields; {@code points} maps series names to finite values. */
  static Map<String, String> history(String family, long time, Map<String, Double> points) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(FAMILY, family);
    out.put(TIME, Long.toString(time));
    points.forEach((name, value) -> out.put(name, number(value)));
    return out;
  }

  /** An event entry's fields. */
  static Map<String, String> event(Event event) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(TIME, Long.toString(event.time().toEpochMilli()));
    out.put(KIND, event.kind());
    new TreeMap<>(event.fields()).forEach((name, value) -> out.put(escape(name), value));
    return out;
  }

  /** {@code 42} for a whole number, Java's shortest double text otherwise. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /**
   * A history entry read back.
   *
   * @throws MalformedEntryException when it is not one this class wrote
   */
  static HistoryEntry readHistory(Map<String, String> fields) {
    String family = fields.get(FAMILY);
    if (family == null || family.isEmpty()) {
      throw new MalformedEntryException("no family (f)");
    }
    long time = time(fields);
    String prefix = family + ".";
    SortedMap<String, Double> points = new TreeMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String name = e.getKey();
      if (name.equals(FAMILY) || name.equals(TIME)) {
        continue;
      }
      if (!name.startsWith(prefix) || name.length() == prefix.length()) {
        throw new MalformedEntryException(name + " is not a series of family " + family);
      }
      points.put(name, value(name, e.getValue()));
    }
    return new HistoryEntry(family, time, points);
  }

  /**
   * An event entry read back.
   *
   * @throws MalformedEntryException when it is not one this class wrote
   */
  static Event readEvent(Map<String, String> fields) {
    long time = time(fields);
    String kind = fields.get(KIND);
    if (kind == null || kind.isEmpty()) {
      throw new MalformedEntryException("no kind (k)");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String name = e.getKey();
      if (name.equals(TIME) || name.equals(KIND)) {
        continue;
      }
      if (name.equals(ESCAPE) || name.isEmpty()) {
        throw new MalformedEntryException("a field named \"" + name + "\"");
      }
      out.put(name.startsWith(ESCAPE) ? name.substring(1) : name, e.getValue());
    }
    return new Event(Instant.ofEpochMilli(time), kind, out);
  }

  private static String escape(String name) {
    return name.equals(TIME) || name.equals(KIND) || name.startsWith(ESCAPE) ? ESCAPE + name : name;
  }

  private static long time(Map<String, String> fields) {
    String t = fields.get(TIME);
    if (t == null) {
      throw new MalformedEntryException("no time (t)");
    }
    try {
      long ms = Long.parseLong(t);
      if (ms < 0) {
        throw new MalformedEntryException("a negative time (t): " + t);
      }
      return ms;
    } catch (NumberFormatException e) {
      throw new MalformedEntryException("a time (t) that is not epoch milliseconds: " + cut(t));
    }
  }

  private static double value(String name, String text) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v) && !text.isBlank() && text.equals(text.strip())) {
        return v;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new MalformedEntryException(name + " is not a finite number: " + cut(text));
  }

  /** A value as shown in a reason: at most 40 characters. */
  private static String cut(String s) {
    return s.length() <= 40 ? "\"" + s + "\"" : "\"" + s.substring(0, 40) + "...\"";
  }

  /**
   * One family's points of one collection.
   *
   * @param time epoch milliseconds
   * @param points series name to value, sorted by name
   */
  record HistoryEntry(String family, long time, SortedMap<String, Double> points) {
    HistoryEntry {
      points = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(points));
    }
  }

  /** An entry that this codec did not write: skipped and counted on restore. */
  static final class MalformedEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedEntryException(String reason) {
      super(reason);
    }
  }
}
