package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
  @Test
  void parsesEveryLineOfARealMountinfo() {
    String text = Fixtures.text("proc/mountinfo-vm.txt");
    List<MountTable.Entry> table = MountTable.parse(text);
    assertThat(table).hasSize((int) text.lines().filter(l -> !l.isBlank()).count());
    assertThat(table)
        .contains(new MountTable.Entry(254, 0, "/", "/", "ext4", "/dev/vda"))
        .contains(new MountTable.Entry(0, 38, "/", "/sys/fs/cgroup/unified", "cgroup2", "cgroup2"));
  }

  @Test
  void aRealVmHasOneDiskItsRoot() {
    List<MountTable.Entry> disks =
        MountTable.disks(MountTable.parse(Fixtures.text("proc/mountinfo-vm.txt")));
    // devtmpfs, tmpfs (also the sandbox's read-only one), proc, sysfs, cgroup, devpts are no disks
    assertThat(disks).extracting(MountTable.Entry::mountPoint).containsExactly("/");
  }

  @Test
  void optionalFieldsAndEscapesAreRead() {
    List<MountTable.Entry> table =
        MountTable.parse(
            """
            36 35 98:0 /mnt1 /mnt\\0402 rw,noatime master:1 shared:7 - ext3 /dev/root rw
            37 35 8:1 / /no-optional-fields rw - xfs /dev/sda1 rw
            garbage line
            38 35 x:y / /bad rw - xfs /dev/sda1 rw
            """);
    assertThat(table)
        .containsExactly(
            new MountTable.Entry(98, 0, "/mnt1", "/mnt 2", "ext3", "/dev/root"),
            new MountTable.Entry(8, 1, "/", "/no-optional-fields", "xfs", "/dev/sda1"));
  }

  @Test
  void pseudoNetworkAndContainerRuntimeMountsAreNoDisks() {
    List<MountTable.Entry> disks =
        MountTable.disks(
            MountTable.parse(
                """
                1 0 8:1 / / rw - ext4 /dev/sda1 rw
                2 1 8:2 / /boot rw - vfat /dev/sda2 rw
                3 1 8:3 / /var/lib/docker rw - xfs /dev/sda3 rw
                4 3 0:50 / /var/lib/docker/overlay2/x/merged rw - overlay overlay rw
                5 3 8:3 /volumes/v /var/lib/docker/containers/x/mounts rw - xfs /dev/sda3 rw
                6 1 0:51 / /mnt/nfs rw - nfs4 server:/export rw
                7 1 7:0 / /snap/core/1 ro - squashfs /dev/loop0 ro
                8 1 0:52 / /dev/shm rw - tmpfs tmpfs rw
                9 1 0:53 / /run/user/1000 rw - tmpfs tmpfs rw
                10 1 0:54 / /home rw - btrfs /dev/sdb1 rw
                11 1 0:55 / /proc/sys/fs/binfmt_misc rw - binfmt_misc binfmt_misc rw
                12 1 0:56 / /media/usb rw - fuseblk /dev/sdc1 rw
                """));
    assertThat(disks)
        .extracting(MountTable.Entry::mountPoint)
        .containsExactly("/", "/boot", "/var/lib/docker", "/home", "/media/usb");
  }

  @Test
  void aFilesystemMountedTwiceIsKeptAtItsShortestMountPoint() {
    List<MountTable.Entry> disks =
        MountTable.disks(
            MountTable.parse(
                """
                1 0 8:17 /data /srv/www/data rw - ext4 /dev/sdb1 rw
                2 0 8:17 / /data rw - ext4 /dev/sdb1 rw
                3 0 8:17 /data/logs /logs rw - ext4 /dev/sdb1 rw
                """));
    assertThat(disks).extracting(MountTable.Entry::mountPoint).containsExactly("/data");
  }

  @Test
  void anEscapeCutShortIsLeftAsItIs() {
    assertThat(MountTable.unescape("/a\\04")).isEqualTo("/a\\04");
    assertThat(MountTable.unescape("/a\\134b")).isEqualTo("/a\\b");
    assertThat(MountTable.unescape("/a\\011b\\012")).isEqualTo("/a\tb\n");
  }
}
