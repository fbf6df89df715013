package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceNumbersTest {
  @TempDir Path root;

  @Test
  void stDevEncodesLikeGlibc() {
    assertThat(DeviceNumbers.stDev(8, 1)).isEqualTo(0x801);
    assertThat(DeviceNumbers.stDev(254, 0)).isEqualTo(0xfe00);
    // majors above 4095 and minors above 255 spill into the high bits
    assertThat(DeviceNumbers.stDev(259, 300)).isEqualTo(0x11032cL);
    assertThat(DeviceNumbers.stDev(0x1234, 0x56789)).isEqualTo(0x1000_5672_3489L);
  }

  @Test
  void aDeviceNumberNamesTheDiskstatsDevice() {
    Map<Long, String> names = Map.of(DeviceNumbers.key(253, 0), "dm-0");
    MountTable.Entry e = new MountTable.Entry(253, 0, "/", "/", "ext4", "/dev/mapper/vg-root");
    assertThat(DeviceNumbers.name(e, names, root)).isEqualTo("dm-0");
  }

  @Test
  void anAnonymousDeviceIsNamedByItsSourceResolvedUnderTheRoot() throws IOException {
    Files.createDirectories(root.resolve("dev/mapper"));
    Files.writeString(root.resolve("dev/dm-3"), "");
    Files.createSymbolicLink(root.resolve("dev/mapper/vg-home"), Path.of("../dm-3"));
    MountTable.Entry btrfs =
        new MountTable.Entry(0, 47, "/@home", "/home", "btrfs", "/dev/mapper/vg-home");
    MountTable.Entry gone = new MountTable.Entry(0, 48, "/", "/x", "btrfs", "/dev/sdz9");
    MountTable.Entry zfs = new MountTable.Entry(0, 49, "/", "/tank", "zfs", "tank/data");

    assertThat(DeviceNumbers.name(btrfs, Map.of(), root)).isEqualTo("dm-3");
    assertThat(DeviceNumbers.name(gone, Map.of(), root)).isEqualTo("sdz9");
    assertThat(DeviceNumbers.name(zfs, Map.of(), root)).isEqualTo("tank/data");
  }

  @Test
  void aDirectoryOnAnotherDeviceIsNotReached() throws IOException {
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("file"), "");
    long dev = (Long) Files.getAttribute(root, "unix:dev");
    MountTable.Entry real = entry(dev, "/data");

    assertThat(DeviceNumbers.reach(root, real)).isPresent();
    assertThat(DeviceNumbers.reach(root, entry(dev, "/file"))).isEmpty();
    assertThat(DeviceNumbers.reach(root, entry(dev, "/missing"))).isEmpty();
    assertThat(DeviceNumbers.reach(root, entry(dev + 1, "/data"))).isEmpty();
  }

  /** An entry whose {@code major:minor} decodes {@code stDev}. */
  private static MountTable.Entry entry(long stDev, String mountPoint) {
    int major = (int) (((stDev >> 8) & 0xfff) | ((stDev >>> 32) & ~0xfffL));
    int minor = (int) ((stDev & 0xff) | ((stDev >>> 12) & ~0xffL));
    return new MountTable.Entry(major, minor, "/", mountPoint, "ext4", "/dev/x");
  }
}
