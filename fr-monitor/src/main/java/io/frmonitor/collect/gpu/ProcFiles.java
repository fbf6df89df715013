package io.frmonitor.collect.gpu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Pure parsers of the {@code /proc/<pid>} files the GPU process attribution reads. */
final class ProcFiles {
  /**
   * The field of {@code /proc/<pid>/stat} that holds the start time (1-based, {@code man proc}).
   */
  private static final int START_TIME_FIELD = 22;

  private ProcFiles() {}

  /**
   * The process's start time in clock ticks after boot: with the pid, it names one process (pids
   * are reused, start times are not within one boot). Empty when the text is not a stat line.
   */
  static OptionalLong startTime(String stat) {
    // field 2 is "(comm)" and comm may hold spaces and parentheses: count from the last ')'
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] rest = stat.substring(close + 1).trim().split(" ", -1);
    int at = START_TIME_FIELD - 3; // rest starts at field 3 (state)
    if (rest.length <= at) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(rest[at]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Whether a {@code /proc/2/status} text is that of {@code kthreadd} (parent 0): pid 2 is the
   * kernel-thread daemon only in the host's (initial) PID namespace; a container's namespace shows
   * no kernel threads.
   */
  static boolean isKthreadd(String status) {
    return field(status, "Name").equals(Optional.of("kthreadd"))
        && field(status, "PPid").equals(Optional.of("0"));
  }

  private static Optional<String> field(String status, String name) {
    for (String line : status.split("\n", -1)) {
      if (line.startsWith(name + ":")) {
        return Optional.of(line.substring(name.length() + 1).strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The variables {@code names} of an {@code environ} file: {@code NAME=value} entries separated by
   * NUL bytes. Only entries that start with a wanted name are decoded (the rest, secrets among
   * them, are skipped as bytes). The first entry of a name wins, as for {@code getenv}.
   *
   * @param raw the file's first bytes, at most {@code limit + 1} of them
   * @param limit how many bytes are read; {@code raw} longer than this means the file is longer
   */
  static Environ environ(byte[] raw, int limit, Set<String> names) {
    boolean truncated = raw.length > limit;
    int end = Math.min(raw.length, limit);
    Map<String, String> found = new HashMap<>();
    int start = 0;
    while (start < end) {
      int nul = indexOfNul(raw, start, end);
      if (nul == end && truncated) {
        break; // the entry goes on past what was read: not a whole value
      }
      take(raw, start, nul, names, found);
      start = nul + 1;
    }
    return new Environ(Map.copyOf(found), truncated);
  }

  private static int indexOfNul(byte[] raw, int from, int end) {
    for (int i = from; i < end; i++) {
      if (raw[i] == 0) {
        return i;
      }
    }
    return end;
  }

  private static void take(
      byte[] raw, int from, int to, Set<String> names, Map<String, String> out) {
    for (String name : names) {
      byte[] prefix = (name + "=").getBytes(StandardCharsets.US_ASCII);
      if (to - from >= prefix.length
          && Arrays.equals(raw, from, from + prefix.length, prefix, 0, prefix.length)
          && !out.containsKey(name)) {
        int at = from + prefix.length;
        out.put(name, new String(raw, at, to - at, StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * The wanted variables an environment sets.
   *
   * @param truncated the file was longer than the bound: a variable missing from {@code values} may
   *     be set past it
   */
  record Environ(Map<String, String> values, boolean truncated) {
    Environ {
      values = Map.copyOf(values);
    }

    Optional<String> get(String name) {
      return Optional.ofNullable(values.get(name));
    }
  }
}
