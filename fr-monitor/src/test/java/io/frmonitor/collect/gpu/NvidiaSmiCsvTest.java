package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.testing.Fixtures;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void parsesDevicesAndAttachesProcessesByUuid() {
    List<GpuDevice> gpus =
        NvidiaSmiCsv.parse(
            Fixtures.text("nvidia-smi/gpus-h100x2.csv"),
            Fixtures.text("nvidia-smi/apps-h100x2.csv"));

    assertThat(gpus).hasSize(2);
    GpuDevice g0 = gpus.get(0);
    assertThat(g0.index()).isZero();
    assertThat(g0.uuid()).isEqualTo("GPU-5f2b7c1e-8a43-4d2e-9b1f-0c6a9e3d7f21");
    assertThat(g0.name()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(g0.utilizationPercent()).hasValue(87);
    assertThat(g0.memoryUsedBytes()).hasValue(61234 * MIB);
    assertThat(g0.memoryTotalBytes()).hasValue(81559 * MIB);
    assertThat(g0.temperatureCelsius()).hasValue(64);
    assertThat(g0.powerWatts()).hasValue(412.37);
    assertThat(g0.powerLimitWatts()).hasValue(700.0);
    assertThat(g0.processes())
        .containsExactly(
            new GpuProcess(41877, OptionalLong.of(30112 * MIB)),
            new GpuProcess(41903, OptionalLong.of(29884 * MIB)));
    assertThat(gpus.get(1).processes()).isEmpty();
  }

  @Test
  void unsupportedReadingsAreEmptyNotZero() {
    List<GpuDevice> gpus =
        NvidiaSmiCsv.parse(
            Fixtures.text("nvidia-smi/gpus-rtx-na.csv"), Fixtures.text("nvidia-smi/apps-none.csv"));
    GpuDevice g = gpus.get(0);
    assertThat(g.utilizationPercent()).isEmpty();
    assertThat(g.powerWatts()).isEmpty();
    assertThat(g.powerLimitWatts()).isEmpty();
    assertThat(g.memoryUsedBytes()).hasValue(512 * MIB);
    assertThat(g.temperatureCelsius()).hasValue(45);
  }

  @Test
  void noRunningProcessesMessageIsNotAProcess() {
    List<GpuDevice> gpus =
        NvidiaSmiCsv.parse(
            Fixtures.text("nvidia-smi/gpus-rtx-na.csv"), "No running processes found\n");
    assertThat(gpus.get(0).processes()).isEmpty();
  }

  @Test
  void wrongFieldCountIsAClearError() {
    assertThatThrownBy(() -> NvidiaSmiCsv.parse("0, GPU-x, name\n", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 3 fields, expected 9");
  }
}
