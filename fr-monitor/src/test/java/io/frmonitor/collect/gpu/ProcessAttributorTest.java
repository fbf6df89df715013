package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.model.ProcessAttribution.Known;
import io.frmonitor.model.ProcessAttribution.Unknown;
import io.frmonitor.testing.Fixtures;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attribution of GPU processes: real processes under the real {@code /proc} (this needs the test to
 * run in the host's PID namespace, as the build machines do), and fixture proc roots for what a
 * real process cannot show here (another PID namespace; {@code EACCES}, which root never gets).
 */
class ProcessAttributorTest {
  private static final Path PROC = Path.of("/proc");
  private static final String ID =
      "3f6c1b9e2d4a7c8b5e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";

  private final List<Process> started = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly().waitFor();
    }
  }

  /** A real {@code sleep} with these variables set (null: removed) in its environment. */
  private Process sleeper(Map<String, String> set, String... removed) throws IOException {
    ProcessBuilder b = new ProcessBuilder("sleep", "60");
    b.environment().keySet().removeAll(List.of(removed));
    b.environment().putAll(set);
    Process p = b.start();
    started.add(p);
    return p;
  }

  private ProcessAttributor attributor(Path root) {
    return new ProcessAttributor(root, ProcessAttributorTest::read, warnings::add);
  }

  private static byte[] read(Path file, int limit) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(limit + 1);
    }
  }

  private static Known known(ProcessAttribution a) {
    assertThat(a).isInstanceOf(Known.class);
    return (Known) a;
  }

  private static String reason(ProcessAttribution a) {
    assertThat(a).isInstanceOf(Unknown.class);
    return ((Unknown) a).reason();
  }

  @Test
  void realProcessesAreAttributedToThePipelineTheirEnvironmentNames() throws Exception {
    Process w3 =
        sleeper(
            Map.of(
                "PIPELINE_ID", "3",
                "SERVICE_TYPE", "pipeline_worker",
                "NAMESPACE", "S1",
                "HOSTNAME", "4f1c2b3a9d7e"));
    Process w5 = sleeper(Map.of("PIPELINE_ID", "5"), "SERVICE_TYPE", "NAMESPACE", "HOSTNAME");
    ProcessAttributor a = attributor(PROC);

    Known k3 = known(a.attribute(w3.pid()));
    assertThat(k3.pipelineId()).contains("3");
    assertThat(k3.serviceType()).contains("pipeline_worker");
    assertThat(k3.namespace()).contains("S1");
    assertThat(k3.hostname()).contains("4f1c2b3a9d7e");
    // the container is what the real cgroup file names (none on a host, the id in a container)
    assertThat(k3.container())
        .isEqualTo(CgroupContainers.parse(Files.readString(PROC.resolve(w3.pid() + "/cgroup"))));

    Known k5 = known(a.attribute(w5.pid()));
    assertThat(k5.pipelineId()).contains("5");
    assertThat(k5.serviceType()).isEmpty();
    assertThat(k5.namespace()).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRealProcessWithoutPipelineIdBelongsToNoPipelineAndIsNoError() throws Exception {
    Process p = sleeper(Map.of(), "PIPELINE_ID", "SERVICE_TYPE", "NAMESPACE");
    Known k = known(attributor(PROC).attribute(p.pid()));
    assertThat(k.pipelineId()).isEmpty();
    assertThat(k.serviceType()).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aPidThatDoesNotExistGetsTheReasonLoggedOnce() {
    ProcessAttributor a = attributor(PROC);
    long gone = Integer.MAX_VALUE; // above any pid_max (2^22 at most)
    String reason = reason(a.attribute(gone));
    assertThat(reason).contains("/proc/" + gone).contains("does not exist").contains("hidepid");
    reason(a.attribute(gone - 1));
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(reason);
  }

  @Test
  void aProcRootOfAContainersPidNamespaceAttributesNothingAndSaysWhyOnce(@TempDir Path dir)
      throws Exception {
    FakeProc proc = FakeProc.container(dir);
    proc.process(41877, 100, "PIPELINE_ID=3\0", "0::/\n");
    ProcessAttributor a = attributor(proc.root);
    String reason = reason(a.attribute(41877));
    assertThat(reason)
        .contains("container's PID namespace")
        .contains("NVML reports the host's PIDs")
        .contains("pid: host");
    reason(a.attribute(41903));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void anEnvironThatCannotBeReadGivesThePermissionReason(@TempDir Path dir) throws Exception {
    FakeProc proc = FakeProc.host(dir);
    Path p = proc.process(41877, 100, "PIPELINE_ID=3\0", "0::/\n");
    Path environ = p.resolve("environ");
    // as root (CAP_DAC_OVERRIDE) no file mode denies a read: answer as the kernel does to a reader
    // without ptrace access to the process (EACCES, which the JDK throws as AccessDeniedException)
    ProcessAttributor a =
        new ProcessAttributor(
            proc.root,
            (file, limit) -> {
              if (file.equals(environ)) {
                throw new AccessDeniedException(file.toString());
              }
              return read(file, limit);
            },
            warnings::add);
    String reason = reason(a.attribute(41877));
    assertThat(reason).contains(environ.toString()).contains("permission denied");
    assertThat(reason).contains("CAP_SYS_PTRACE");
    reason(a.attribute(41877));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void anEnvironTheFileModeDeniesGivesThePermissionReasonWhenNotRoot(@TempDir Path dir)
      throws Exception {
    FakeProc proc = FakeProc.host(dir);
    Path environ = proc.process(41877, 100, "PIPELINE_ID=3\0", "0::/\n").resolve("environ");
    Files.setPosixFilePermissions(environ, PosixFilePermissions.fromString("---------"));
    ProcessAttribution got = attributor(proc.root).attribute(41877);
    if (Files.isReadable(environ)) {
      // root reads any file: the kernel's own EACCES is covered by the test above
      assertThat(known(got).pipelineId()).contains("3");
    } else {
      assertThat(reason(got)).contains("permission denied");
    }
  }

  @Test
  void containerAndVariablesComeFromTheFixtureFiles(@TempDir Path dir) throws Exception {
    FakeProc proc = FakeProc.host(dir);
    proc.process(
        41877,
        100,
        "PATH=/usr/bin\0PIPELINE_ID=6\0SERVICE_TYPE=pipeline_worker\0NAMESPACE=S2\0HOSTNAME=3f6c1b9e2d4a\0",
        Fixtures.text("proc/cgroup-docker-v2-systemd.txt"));
    Known k = known(attributor(proc.root).attribute(41877));
    assertThat(k)
        .isEqualTo(
            new Known(
                Optional.of("6"),
                Optional.of("pipeline_worker"),
                Optional.of("S2"),
                Optional.of("3f6c1b9e2d4a"),
                Optional.of(new ProcessAttribution.Container("docker", ID))));
  }

  @Test
  void anUnchangedProcessIsReadOnceAndAReusedPidAgain(@TempDir Path dir) throws Exception {
    FakeProc proc = FakeProc.host(dir);
    proc.process(41877, 100, "PIPELINE_ID=3\0", "0::/\n");
    AtomicInteger environReads = new AtomicInteger();
    ProcessAttributor a =
        new ProcessAttributor(
            proc.root,
            (file, limit) -> {
              if (file.endsWith("environ")) {
                environReads.incrementAndGet();
              }
              return read(file, limit);
            },
            warnings::add);
    List<GpuDevice> devices = List.of(device(41877));
    for (int i = 0; i < 5; i++) {
      a.attribute(devices);
    }
    assertThat(environReads).hasValue(1);

    // the worker restarted and the kernel gave its pid to another process
    proc.process(41877, 900, "PIPELINE_ID=4\0", "0::/\n");
    Known k = known(a.attribute(devices).get(0).processes().get(0).attribution());
    assertThat(k.pipelineId()).contains("4");
    assertThat(environReads).hasValue(2);
  }

  @Test
  void aProcessNoLongerOnAGpuIsForgotten(@TempDir Path dir) throws Exception {
    FakeProc proc = FakeProc.host(dir);
    proc.process(41877, 100, "PIPELINE_ID=3\0", "0::/\n");
    AtomicInteger environReads = new AtomicInteger();
    ProcessAttributor a =
        new ProcessAttributor(
            proc.root,
            (file, limit) -> {
              if (file.endsWith("environ")) {
                environReads.incrementAndGet();
              }
              return read(file, limit);
            },
            warnings::add);
    a.attribute(List.of(device(41877)));
    a.attribute(List.of(device()));
    a.attribute(List.of(device(41877)));
    assertThat(environReads).hasValue(2);
  }

  @Test
  void anEnvironLongerThanTheBoundWithoutTheVariablesIsUnknown(@TempDir Path dir) throws Exception {
    FakeProc proc = FakeProc.host(dir);
    String big = "X=" + "y".repeat(ProcessAttributor.ENVIRON_LIMIT) + "\0PIPELINE_ID=3\0";
    proc.process(41877, 100, big, "0::/\n");
    String reason = reason(attributor(proc.root).attribute(41877));
    assertThat(reason).contains("longer than " + ProcessAttributor.ENVIRON_LIMIT + " bytes");
  }

  private static GpuDevice device(long... pids) {
    List<GpuProcess> processes = new ArrayList<>();
    for (long pid : pids) {
      processes.add(new GpuProcess(pid, OptionalLong.of(1L << 30)));
    }
    return new GpuDevice(
        0,
        "GPU-0",
        "H100",
        OptionalDouble.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        processes);
  }
}
