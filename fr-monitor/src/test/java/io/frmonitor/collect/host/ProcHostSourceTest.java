package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView.Scope;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.testing.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host collector's reader pointed at a fixture tree laid out as the host's /proc and /. */
class ProcHostSourceTest {
  private static final String SKIPPED =
      """
      22 27 0:21 / /proc rw,relatime - proc proc rw
      23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
      31 23 0:28 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw
      25 24 0:23 / /run rw,relatime - tmpfs tmpfs rw,size=1g
      90 27 0:80 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay rw,lowerdir=/x
      91 25 0:4 net:[4026532] /run/docker/netns/abc rw - nsfs nsfs rw
      """;

  @TempDir Path dir;
  private HostTree tree;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T00:00:00Z"));
  private final AtomicLong nanos = new AtomicLong();
  private ProcHostSource source;

  @BeforeEach
  void hostAsAContainerSeesIt() throws IOException {
    tree = new HostTree(dir);
    tree.hostPidNamespace().stat(100, 900).meminfo().diskstats(2000, 4000).network(10_000, 2_000);
    tree.loadAndUptime().mountinfo("1", SKIPPED);
    source = new ProcHostSource(tree.settings(), clock, nanos::get);
  }

  @Test
  void readsTheHostsNetworkAndMountTableThroughItsPid1() throws IOException {
    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.view().network()).isEqualTo(Scope.HOST);
    assertThat(s.view().filesystems()).isEqualTo(Scope.HOST);
    assertThat(s.view().reason()).isEmpty();
    assertThat(s.view().proc()).isEqualTo(tree.proc.toString());
    assertThat(s.view().root()).isEqualTo(tree.root.toString());
    // the host's eno1 from 1/net/dev, not the container's eth0 from net/dev; loopback left out
    assertThat(s.network()).extracting(NetworkStats::name).containsExactly("eno1");
    NetworkStats eno1 = s.network().get(0);
    assertThat(eno1.rxBytesTotal()).isEqualTo(10_000);
    assertThat(eno1.txBytesTotal()).isEqualTo(2_000);
    assertThat(eno1.rxErrors()).isEqualTo(3);
    assertThat(eno1.txErrors()).isEqualTo(1);
    // only / survives: proc, sysfs, cgroup2, tmpfs, overlay and nsfs are no disks
    assertThat(s.disks()).extracting(DiskUsage::mount).containsExactly("/");
    DiskUsage rootDisk = s.disks().get(0);
    assertThat(rootDisk.device()).isEqualTo("dm-0");
    assertThat(rootDisk.readBytesTotal()).hasValue(2000 * 512L);
    assertThat(rootDisk.writeBytesTotal()).hasValue(4000 * 512L);
    FileStore store = Files.getFileStore(tree.root);
    assertThat(rootDisk.totalBytes()).isEqualTo(store.getTotalSpace());
    assertThat(s.rootDiskPercent()).isPresent();
  }

  @Test
  void kernelWideFilesGiveExactLevels() {
    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.cpuCount()).isEqualTo(2);
    assertThat(s.memTotalBytes()).isEqualTo(16_000_000L * 1024);
    assertThat(s.memUsedBytes()).isEqualTo(4_000_000L * 1024);
    assertThat(s.memPercent().getAsDouble()).isCloseTo(25.0, within(1e-9));
    assertThat(s.swapTotalBytes()).isEqualTo(4_000_000L * 1024);
    assertThat(s.swapUsedBytes()).isEqualTo(1_000_000L * 1024);
    assertThat(s.loadAverage())
        .containsExactly(OptionalDouble.of(0.52), OptionalDouble.of(1.25), OptionalDouble.of(2.0));
    assertThat(s.uptimeSeconds()).isEqualTo(86_400);
    assertThat(s.monitorUptimeSeconds()).isEqualTo(5);
  }

  @Test
  void ratesComeFromTheCounterDeltasOverTheElapsedTime() throws IOException {
    HostReading first = source.read();
    tree.stat(160, 940).diskstats(2000 + 8 * 1024, 4000).network(10_000 + 500_000, 2_000 + 1_000);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    HostSnapshot s = HostSnapshotBuilder.build(source.read(), first, 5);

    // per core 60 busy of 100 ticks; both cores alike
    assertThat(s.cpuPercent().getAsDouble()).isCloseTo(60.0, within(1e-9));
    assertThat(s.perCorePercent()).containsExactly(60.0, 60.0);
    // 8 KiB sectors = 4 MiB in 2 s
    assertThat(s.disks().get(0).readBytesPerSec().getAsDouble()).isEqualTo(2 * 1024 * 1024);
    assertThat(s.disks().get(0).writeBytesPerSec().getAsDouble()).isZero();
    assertThat(s.network().get(0).rxBytesPerSec().getAsDouble()).isEqualTo(250_000);
    assertThat(s.network().get(0).txBytesPerSec().getAsDouble()).isEqualTo(500);
  }

  @Test
  void bindMountsOfTheSameFilesystemAreReportedOnceAtTheShortestMountPoint() throws IOException {
    String dev = tree.rootDevice();
    Files.createDirectories(tree.root.resolve("srv/shared dir"));
    tree.mountinfo(
        "1", "40 27 " + dev + " /srv/shared\\040dir /srv/shared\\040dir rw - ext4 /dev/sda1 rw\n");

    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.disks()).extracting(DiskUsage::mount).containsExactly("/");
    assertThat(s.view().reason()).isEmpty();
  }

  @Test
  void aHostFilesystemNotReachableUnderTheRootIsLeftOutAndNamed() throws IOException {
    Files.createDirectories(tree.root.resolve("data"));
    tree.mountinfo(
        "1",
        SKIPPED
            + """
            41 27 8:17 / /data rw - xfs /dev/sdb1 rw
            42 27 8:18 / /backup rw - ext4 /dev/sdb2 rw
            """);

    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.disks()).extracting(DiskUsage::mount).containsExactly("/");
    assertThat(s.view().filesystems()).isEqualTo(Scope.HOST);
    assertThat(s.view().network()).isEqualTo(Scope.HOST);
    assertThat(s.view().reason().orElseThrow())
        .startsWith("filesystems not found under " + tree.root)
        .contains(": /data, /backup;")
        .contains("MONITORING_HOST_ROOT");
  }

  @Test
  void aContainersOwnProcfsSaysItsNetworkAndFilesystemsAreNotTheHosts() throws IOException {
    Files.delete(tree.proc.resolve("2/stat"));
    // a container's own procfs: PID 1 is the container's init, in the container's namespaces
    tree.mountinfo("self", "");

    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.view().network()).isEqualTo(Scope.MONITOR);
    assertThat(s.view().filesystems()).isEqualTo(Scope.MONITOR);
    assertThat(s.view().reason().orElseThrow())
        .startsWith(tree.proc + " does not show the host's processes")
        .contains("MONITORING_HOST_PROC", "pid: host");
    assertThat(s.network()).extracting(NetworkStats::name).containsExactly("eth0");
    assertThat(s.disks()).extracting(DiskUsage::mount).containsExactly("/");
    // the kernel-wide numbers are the host's all the same
    assertThat(s.memTotalBytes()).isEqualTo(16_000_000L * 1024);
  }

  @Test
  void anUnreadableHostNetworkFallsBackToTheOwnOneAndSaysSo() throws IOException {
    Files.delete(tree.proc.resolve("1/net/dev"));

    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.view().network()).isEqualTo(Scope.MONITOR);
    assertThat(s.view().filesystems()).isEqualTo(Scope.HOST);
    assertThat(s.view().reason())
        .hasValue(
            tree.proc.resolve("1/net/dev")
                + " is not readable, so network interfaces are"
                + " fr-monitor's own namespace's");
    assertThat(s.network()).extracting(NetworkStats::name).containsExactly("eth0");
  }

  @Test
  void anUnreadableHostMountTableFallsBackToTheOwnOneAndSaysSo() throws IOException {
    Files.delete(tree.proc.resolve("1/mountinfo"));
    tree.mountinfo("self", "");

    HostSnapshot s = HostSnapshotBuilder.build(source.read(), null, 5);

    assertThat(s.view().network()).isEqualTo(Scope.HOST);
    assertThat(s.view().filesystems()).isEqualTo(Scope.MONITOR);
    assertThat(s.view().reason().orElseThrow())
        .isEqualTo(
            tree.proc.resolve("1/mountinfo")
                + " is not readable, so filesystems are fr-monitor's own namespace's");
    assertThat(s.disks()).extracting(DiskUsage::mount).containsExactly("/");
  }

  @Test
  void aFailedReadOfTheHostsNetworkIsFollowedByANewDiscovery() throws IOException {
    assertThat(source.read().view().network()).isEqualTo(Scope.HOST);
    Files.delete(tree.proc.resolve("1/net/dev")); // PID 1's files gone, e.g. a new mount

    assertThatThrownBy(source::read).isInstanceOf(UncheckedIOException.class);
    HostReading next = source.read();

    assertThat(next.view().network()).isEqualTo(Scope.MONITOR);
    assertThat(next.interfaces()).extracting(HostReading.Interface::name).containsExactly("eth0");
  }

  @Test
  void filesystemsAreRediscoveredEveryFiveMinutes() throws IOException {
    source.read();
    tree.mountinfo("1", "41 27 8:17 / /data rw - xfs /dev/sdb1 rw\n");
    assertThat(source.read().view().reason()).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    assertThat(source.read().view().reason().orElseThrow()).contains(": /data;");
  }

  @Test
  void aMissingKernelFileFailsTheCollectionNamingTheProcfs() throws IOException {
    Files.delete(tree.proc.resolve("meminfo"));
    assertThatThrownBy(source::read)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(tree.proc.toString());
  }
}
