package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.config.Toggle;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuPollerTest {
  private final MetricRegistry registry =
      Registries.withFamilies(
          new MetricRegistry(
              new ManualClock(), Duration.ofMinutes(1), 12, 100, 10, Duration.ofSeconds(15)));

  /** A source that plays the H100 fixture. */
  private static GpuSource fixtureSource() {
    return new GpuSource() {
      @Override
      public String name() {
        return "nvidia-smi";
      }

      @Override
      public List<GpuDevice> read() {
        return NvidiaSmiCsv.parse(
            Fixtures.text("nvidia-smi/gpus-h100x2.csv"),
            Fixtures.text("nvidia-smi/apps-h100x2.csv"));
      }
    };
  }

  @Test
  void switchedOffIsUnavailableWithTheVariableNamed() {
    GpuPoller.Detection d = GpuPoller.detect(Toggle.OFF, "/usr/bin", Duration.ofSeconds(1));
    assertThat(d.source()).isEmpty();
    assertThat(d.reason()).contains("MONITORING_GPU_ENABLED=false");
  }

  @Test
  void machineWithoutDriverIsDisabledWithAReasonNotAnError() throws Exception {
    // this machine has no NVIDIA driver; an empty PATH hides any nvidia-smi
    GpuPoller poller = GpuPoller.create(Toggle.AUTO, "", Duration.ofSeconds(1));
    Optional<String> reason = poller.unavailableReason();
    if (reason.isPresent()) {
      assertThat(reason.get()).contains("NVML not found").contains("nvidia-smi not on PATH");
      assertThatThrownBy(() -> poller.poll(registry)).isInstanceOf(IllegalStateException.class);
    } else {
      // a GPU host: NVML loaded, so a poll must produce devices
      poller.poll(registry);
      assertThat(registry.latest(GpuSnapshot.FAMILY)).isPresent();
    }
    poller.close();
  }

  @Test
  void findsAnExecutableNvidiaSmiOnPath(@TempDir Path dir) throws IOException {
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\n");
    assertThat(NvidiaSmiGpuSource.findOnPath("/nonexistent:" + dir)).isEmpty();
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(NvidiaSmiGpuSource.findOnPath("/nonexistent:" + dir)).contains(smi);
  }

  @Test
  void nvidiaSmiSourceRunsTheCommandAndParsesItsOutput(@TempDir Path dir) throws Exception {
    Path gpus = dir.resolve("gpus.csv");
    Path apps = dir.resolve("apps.csv");
    Files.writeString(gpus, Fixtures.text("nvidia-smi/gpus-h100x2.csv"));
    Files.writeString(apps, Fixtures.text("nvidia-smi/apps-h100x2.csv"));
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(
        smi,
        "#!/bin/sh\ncase \"$1\" in --query-gpu=*) cat "
            + gpus
            + ";; --query-compute-apps=*) cat "
            + apps
            + ";; *) exit 9;; esac\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<GpuDevice> devices = new NvidiaSmiGpuSource(smi, Duration.ofSeconds(5)).read();
    assertThat(devices).hasSize(2);
    assertThat(devices.get(0).processes()).hasSize(2);
  }

  @Test
  void failingNvidiaSmiIsAnErrorWithItsOutput(@TempDir Path dir) throws Exception {
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(
        smi,
        "#!/bin/sh\necho 'NVIDIA-SMI has failed because it couldn'\\''t communicate with the NVIDIA driver'\nexit 9\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(() -> new NvidiaSmiGpuSource(smi, Duration.ofSeconds(5)).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with 9")
        .hasMessageContaining("couldn't communicate");
  }

  @Test
  void publishesDevicesAndOneSeriesPerReading() throws Exception {
    GpuPoller poller =
        new GpuPoller(
            () -> new GpuPoller.Detection(Optional.of(fixtureSource()), ""),
            new ProcessAttributor(GpuPoller.DEFAULT_PROC_ROOT));
    assertThat(poller.unavailableReason()).isEmpty();
    poller.poll(registry);

    GpuSnapshot s = registry.latest(GpuSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.source()).isEqualTo("nvidia-smi");
    assertThat(s.devices()).hasSize(2);
    assertThat(registry.allSeries())
        .containsKeys(
            "gpu.utilization_percent:0",
            "gpu.memory_used_bytes:1",
            "gpu.temperature_celsius:0",
            "gpu.power_watts:1");
  }

  /** A source whose devices list these real processes, as NVML would (host PIDs, bytes). */
  private static GpuSource nvmlListing(List<GpuDevice> devices) {
    return new GpuSource() {
      @Override
      public String name() {
        return "nvml";
      }

      @Override
      public List<GpuDevice> read() {
        return devices;
      }
    };
  }

  private static GpuDevice gpu(int index, GpuProcess... processes) {
    return new GpuDevice(
        index,
        "GPU-" + index,
        "NVIDIA H100 80GB HBM3",
        OptionalDouble.of(50),
        OptionalLong.of(60L << 30),
        OptionalLong.of(80L << 30),
        OptionalDouble.of(60),
        OptionalDouble.of(300),
        OptionalDouble.of(700),
        List.of(processes));
  }

  private static Process sleeper(Map<String, String> env) throws IOException {
    ProcessBuilder b = new ProcessBuilder("sleep", "60");
    b.environment().keySet().removeAll(List.of("PIPELINE_ID", "SERVICE_TYPE", "NAMESPACE"));
    b.environment().putAll(env);
    return b.start();
  }

  @Test
  void publishesWhichPipelineWorkerHoldsWhichGpuMemory() throws Exception {
    Process w3 =
        sleeper(Map.of("PIPELINE_ID", "3", "SERVICE_TYPE", "pipeline_worker", "NAMESPACE", "S1"));
    Process w4 = sleeper(Map.of("PIPELINE_ID", "4", "NAMESPACE", "S1"));
    Process other = sleeper(Map.of());
    try {
      long gone = Integer.MAX_VALUE;
      List<GpuDevice> listing =
          List.of(
              gpu(
                  0,
                  new GpuProcess(w3.pid(), OptionalLong.of(30L << 30)),
                  new GpuProcess(w4.pid(), OptionalLong.of(29L << 30))),
              gpu(
                  1,
                  new GpuProcess(other.pid(), OptionalLong.of(1L << 30)),
                  new GpuProcess(gone, OptionalLong.of(2L << 30))));
      GpuPoller poller =
          new GpuPoller(
              () -> new GpuPoller.Detection(Optional.of(nvmlListing(listing)), ""),
              new ProcessAttributor(GpuPoller.DEFAULT_PROC_ROOT));
      poller.poll(registry);

      GpuSnapshot s = registry.latest(GpuSnapshot.FAMILY).orElseThrow().value();
      List<GpuProcess> gpu0 = s.devices().get(0).processes();
      assertThat(pipelineOf(gpu0.get(0))).contains("3");
      assertThat(((ProcessAttribution.Known) gpu0.get(0).attribution()).namespace()).contains("S1");
      assertThat(pipelineOf(gpu0.get(1))).contains("4");
      List<GpuProcess> gpu1 = s.devices().get(1).processes();
      assertThat(pipelineOf(gpu1.get(0))).isEmpty();
      assertThat(gpu1.get(1).attribution()).isInstanceOf(ProcessAttribution.Unknown.class);
      assertThat(((ProcessAttribution.Unknown) gpu1.get(1).attribution()).reason())
          .contains("/proc/" + gone);
      poller.close();
    } finally {
      for (Process p : List.of(w3, w4, other)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static Optional<String> pipelineOf(GpuProcess p) {
    assertThat(p.attribution()).isInstanceOf(ProcessAttribution.Known.class);
    return ((ProcessAttribution.Known) p.attribution()).pipelineId();
  }
}
