package io.frmonitor.collect.gpu;

import io.frmonitor.model.GpuDevice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads GPUs by running {@code nvidia-smi} twice per collection (devices, compute processes). */
final class NvidiaSmiGpuSource implements GpuSource {
  private final Path executable;
  private final Duration timeout;

  NvidiaSmiGpuSource(Path executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** Finds an executable {@code nvidia-smi} on {@code PATH}. */
  static Optional<Path> findOnPath(String pathVariable) {
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(java.io.File.pathSeparator, -1)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "nvidia-smi");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String name() {
    return "nvidia-smi";
  }

  @Override
  public List<GpuDevice> read() throws IOException, InterruptedException {
    String gpus = run("--query-gpu=" + NvidiaSmiCsv.GPU_FIELDS);
    String apps = run("--query-compute-apps=" + NvidiaSmiCsv.PROCESS_FIELDS);
    return NvidiaSmiCsv.parse(gpus, apps);
  }

  private String run(String query) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(executable.toString(), query, "--format=csv,noheader,nounits")
            .redirectErrorStream(true)
            .start();
    try (InputStream out = p.getInputStream()) {
      byte[] bytes = out.readNBytes(1 << 20);
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("nvidia-smi did not finish within " + timeout.toMillis() + " ms");
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException("nvidia-smi exited with " + p.exitValue() + ": " + text.strip());
      }
      return text;
    } finally {
      p.destroyForcibly();
    }
  }
}
