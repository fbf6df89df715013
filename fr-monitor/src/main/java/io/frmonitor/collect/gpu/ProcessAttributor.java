package io.frmonitor.collect.gpu;

import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.model.ProcessAttribution.Known;
import io.frmonitor.model.ProcessAttribution.Unknown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attributes GPU processes to fr-server pipeline workers by reading, under {@code procRoot}, each
 * process's {@code environ} ({@code PIPELINE_ID}, {@code SERVICE_TYPE}, {@code NAMESPACE}, {@code
 * HOSTNAME}) and {@code cgroup} (the container). Read-only; it never guesses: a process it cannot
 * read gets {@link Unknown} with the reason, and each kind of reason is logged once.
 *
 * <p>NVML reports host PIDs, so {@code procRoot} must show the host's PID namespace ({@code /proc}
 * with {@code pid: host}, or the host's {@code /proc} mounted elsewhere); that is checked once. A
 * looked-up process is kept by pid and start time, so an unchanged process costs one read of its
 * {@code stat} per collection; processes no longer on a GPU are forgotten.
 *
 * <p>Thread safety: not thread-safe; used by the GPU poller's thread.
 */
final class ProcessAttributor {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessAttributor.class);

  /** The most of an {@code environ} file read; the variables wanted are near its start. */
  static final int ENVIRON_LIMIT = 64 * 1024;

  private static final int SMALL_LIMIT = 16 * 1024;
  static final String PIPELINE_ID = "PIPELINE_ID";
  private static final Set<String> NAMES =
      Set.of(PIPELINE_ID, "SERVICE_TYPE", "NAMESPACE", "HOSTNAME");

  /** The kinds of failure, each logged once. */
  enum Kind {
    NOT_HOST_NAMESPACE,
    NOT_VISIBLE,
    DENIED,
    TOO_LARGE,
    CHANGED,
    FAILED
  }

  /**
   * Reads at most {@code limit + 1} bytes of a file; one more than the limit tells it is longer.
   */
  @FunctionalInterface
  interface FileReader {
    byte[] read(Path file, int limit) throws IOException;
  }

  private final Path procRoot;
  private final FileReader reader;
  private final Consumer<String> warn;
  private final Map<Long, Entry> cache = new HashMap<>();
  private final Set<Kind> said = EnumSet.noneOf(Kind.class);
  private boolean namespaceChecked;
  private Optional<String> namespaceProblem = Optional.empty();

  ProcessAttributor(Path procRoot) {
    this(procRoot, ProcessAttributor::readFile, LOG::warn);
  }

  /**
   * @param reader how files are read (tests make it answer as the kernel does where the test cannot
   *     make the kernel do so, e.g. {@code EACCES} for root)
   * @param warn where the once-per-kind warning goes
   */
  ProcessAttributor(Path procRoot, FileReader reader, Consumer<String> warn) {
    this.procRoot = procRoot;
    this.reader = reader;
    this.warn = warn;
  }

  /** The devices with each process attributed; forgets processes no longer listed. */
  List<GpuDevice> attribute(List<GpuDevice> devices) {
    Set<Long> live = new HashSet<>();
    List<GpuDevice> out = new ArrayList<>(devices.size());
    for (GpuDevice d : devices) {
      List<GpuProcess> processes = new ArrayList<>(d.processes().size());
      for (GpuProcess p : d.processes()) {
        live.add(p.pid());
        processes.add(p.withAttribution(attribute(p.pid())));
      }
      out.add(d.withProcesses(processes));
    }
    cache.keySet().retainAll(live);
    return out;
  }

  /** Whom process {@code pid} belongs to, or why that is unknown. */
  ProcessAttribution attribute(long pid) {
    Optional<String> problem = namespaceProblem();
    if (problem.isPresent()) {
      return unknown(new Unattributable(Kind.NOT_HOST_NAMESPACE, problem.get()));
    }
    try {
      return lookUp(pid);
    } catch (Unattributable e) {
      return unknown(e);
    }
  }

  private ProcessAttribution lookUp(long pid) throws Unattributable {
    long started = startTime(pid);
    Entry cached = cache.get(pid);
    if (cached != null && cached.startTime() == started) {
      return cached.attribution();
    }
    ProcessAttribution.Known known = read(pid);
    if (startTime(pid) != started) {
      throw new Unattributable(Kind.CHANGED, "process " + pid + " was replaced while being read");
    }
    cache.put(pid, new Entry(started, known));
    return known;
  }

  private Known read(long pid) throws Unattributable {
    Path environFile = file(pid, "environ");
    ProcFiles.Environ env =
        ProcFiles.environ(bytes(environFile, ENVIRON_LIMIT), ENVIRON_LIMIT, NAMES);
    if (env.truncated() && !env.values().keySet().containsAll(NAMES)) {
      throw new Unattributable(
          Kind.TOO_LARGE,
          environFile
              + " is longer than "
              + ENVIRON_LIMIT
              + " bytes and does not set every one of "
              + NAMES
              + " before that");
    }
    String cgroup = text(file(pid, "cgroup"));
    return new Known(
        env.get(PIPELINE_ID),
        env.get("SERVICE_TYPE"),
        env.get("NAMESPACE"),
        env.get("HOSTNAME"),
        CgroupContainers.parse(cgroup));
  }

  private long startTime(long pid) throws Unattributable {
    Path stat = file(pid, "stat");
    OptionalLong started = ProcFiles.startTime(text(stat));
    if (started.isEmpty()) {
      throw new Unattributable(Kind.FAILED, stat + " is not a process's stat line");
    }
    return started.getAsLong();
  }

  /** Whether {@code procRoot} shows the host's PID namespace; read once. */
  private Optional<String> namespaceProblem() {
    if (!namespaceChecked) {
      namespaceProblem = checkNamespace();
      namespaceChecked = true;
    }
    return namespaceProblem;
  }

  private Optional<String> checkNamespace() {
    Path status = procRoot.resolve("2").resolve("status");
    String advice =
        ": NVML reports the host's PIDs, so they cannot be matched here. Run fr-monitor in the"
            + " host's PID namespace (compose `pid: host`) or give it the host's /proc";
    try {
      if (ProcFiles.isKthreadd(text(status))) {
        return Optional.empty();
      }
      return Optional.of(procRoot + " shows a container's PID namespace, not the host's" + advice);
    } catch (Unattributable e) {
      return Optional.of(
          "cannot tell whether "
              + procRoot
              + " is the host's PID namespace ("
              + e.reason
              + ")"
              + advice);
    }
  }

  private Unknown unknown(Unattributable e) {
    if (said.add(e.kind)) {
      warn.accept(
          "A GPU process cannot be attributed to a pipeline worker: "
              + e.reason
              + " (said once for this kind of reason; /metrics/gpu gives each process's)");
    }
    return new Unknown(e.reason);
  }

  private Path file(long pid, String name) {
    return procRoot.resolve(Long.toString(pid)).resolve(name);
  }

  private String text(Path file) throws Unattributable {
    return new String(bytes(file, SMALL_LIMIT), StandardCharsets.UTF_8);
  }

  private static byte[] readFile(Path file, int limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(limit + 1);
    }
  }

  private byte[] bytes(Path file, int limit) throws Unattributable {
    try {
      return reader.read(file, limit);
    } catch (NoSuchFileException e) {
      throw new Unattributable(
          Kind.NOT_VISIBLE,
          file
              + " does not exist: the process ended, or this /proc does not show it (another PID"
              + " namespace, or mounted with hidepid)");
    } catch (AccessDeniedException e) {
      throw new Unattributable(
          Kind.DENIED,
          "cannot read "
              + file
              + ": permission denied (reading another user's environ needs CAP_SYS_PTRACE;"
              + " see docs/operations.md, GPU hosts)");
    } catch (IOException e) {
      throw new Unattributable(Kind.FAILED, "cannot read " + file + ": " + e);
    }
  }

  /** What is remembered of a looked-up process. */
  private record Entry(long startTime, Known attribution) {}

  /** Why a process could not be attributed; the message is the operator's reason. */
  private static final class Unattributable extends Exception {
    private static final long serialVersionUID = 1L;
    final Kind kind;
    final String reason;

    Unattributable(Kind kind, String reason) {
      super(reason, null, false, false);
      this.kind = kind;
      this.reason = reason;
    }
  }
}
