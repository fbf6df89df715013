package io.frmonitor.collect.gpu;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.Family;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.registry.MetricSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU collector, publishing the {@code gpu} family. It finds its source once, at start: NVML
 * first, {@code nvidia-smi} second. With neither (or when switched off) it reports {@code disabled}
 * with the reason, never an error. Each compute process is attributed to its pipeline worker where
 * {@code /proc} allows ({@link ProcessAttributor}).
 *
 * <p>Thread safety: confined to its runner's thread after start.
 */
public final class GpuPoller implements Poller {
  private static final Logger LOG = LoggerFactory.getLogger(GpuPoller.class);

  /** Where the host's processes are seen when none is given. */
  public static final Path DEFAULT_PROC_ROOT = Path.of("/proc");

  private final Supplier<Detection> detector;
  private final ProcessAttributor attributor;
  private @Nullable Detection detection;

  GpuPoller(Supplier<Detection> detector, ProcessAttributor attributor) {
    this.detector = detector;
    this.attributor = attributor;
  }

  /**
   * A poller that looks for NVML, then for {@code nvidia-smi} on {@code pathVariable}, and reads
   * the GPU processes' owners under {@link #DEFAULT_PROC_ROOT}.
   */
  public static GpuPoller create(Toggle mode, String pathVariable, Duration timeout) {
    return create(mode, pathVariable, timeout, DEFAULT_PROC_ROOT);
  }

  /**
   * As {@link #create(Toggle, String, Duration)}, with the GPU processes' owners read under {@code
   * procRoot}: a {@code /proc} that shows the host's PID namespace ({@code /proc} itself, or the
   * host's mounted at e.g. {@code /host/proc}).
   */
  public static GpuPoller create(
      Toggle mode, String pathVariable, Duration timeout, Path procRoot) {
    return new GpuPoller(
        () -> detect(mode, pathVariable, timeout), new ProcessAttributor(procRoot));
  }

  static Detection detect(Toggle mode, String pathVariable, Duration timeout) {
    if (mode == Toggle.OFF) {
      return Detection.none("switched off by MONITORING_GPU_ENABLED=false");
    }
    NvmlGpuSource.Loaded nvml = NvmlGpuSource.load();
    if (nvml.source().isPresent()) {
      return new Detection(Optional.of(nvml.source().get()), "");
    }
    Optional<Path> smi = NvidiaSmiGpuSource.findOnPath(pathVariable);
    if (smi.isPresent()) {
      return new Detection(Optional.of(new NvidiaSmiGpuSource(smi.get(), timeout)), "");
    }
    String reason = nvml.reason() + " and nvidia-smi not on PATH";
    if (mode == Toggle.ON) {
      LOG.warn("MONITORING_GPU_ENABLED=true but no GPU driver was found: {}", reason);
    }
    return Detection.none(reason);
  }

  /** The source found at start, or why there is none. */
  record Detection(Optional<GpuSource> source, String reason) {
    static Detection none(String reason) {
      return new Detection(Optional.empty(), reason);
    }
  }

  @Override
  public String name() {
    return "gpu";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(GpuSnapshot.FAMILY);
  }

  @Override
  public synchronized Optional<String> unavailableReason() {
    Detection d = detection();
    return d.source().isPresent() ? Optional.empty() : Optional.of(d.reason());
  }

  /** The detection, made on first use (at start, on the runner's thread). */
  private synchronized Detection detection() {
    Detection d = detection;
    if (d == null) {
      d = detector.get();
      d.source().ifPresent(s -> LOG.info("GPU collector reads through {}", s.name()));
      detection = d;
    }
    return d;
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    Detection d = detection();
    if (d.source().isEmpty()) {
      throw new IllegalStateException("no GPU source: " + d.reason());
    }
    GpuSource source = d.source().orElseThrow();
    GpuSnapshot snapshot = new GpuSnapshot(source.name(), attributor.attribute(source.read()));
    sink.publish(GpuSnapshot.FAMILY, snapshot);
    return PollOutcome.ok();
  }

  @Override
  public synchronized void close() {
    if (detection != null) {
      detection.source().ifPresent(GpuSource::close);
    }
  }
}
