package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.config.Toggle;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuSnapshot;
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
import java.util.Optional;
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
        new GpuPoller(() -> new GpuPoller.Detection(Optional.of(fixtureSource()), ""));
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
}
