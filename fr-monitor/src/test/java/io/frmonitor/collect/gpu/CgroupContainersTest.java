package io.frmonitor.collect.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.ProcessAttribution.Container;
import io.frmonitor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CgroupContainersTest {
  private static final String ID =
      "3f6c1b9e2d4a7c8b5e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";

  private static Container of(String fixture) {
    return CgroupContainers.parse(Fixtures.text("proc/" + fixture)).orElseThrow();
  }

  @Test
  void dockerWithTheCgroupfsDriverOnCgroupV1() {
    assertThat(of("cgroup-docker-v1.txt")).isEqualTo(new Container("docker", ID));
  }

  @Test
  void dockerWithTheSystemdDriverOnCgroupV1AndV2() {
    assertThat(of("cgroup-docker-v1-systemd.txt")).isEqualTo(new Container("docker", ID));
    assertThat(of("cgroup-docker-v2-systemd.txt")).isEqualTo(new Container("docker", ID));
  }

  @Test
  void dockerSeenFromAnotherCgroupNamespace() {
    assertThat(of("cgroup-docker-v2-other-namespace.txt")).isEqualTo(new Container("docker", ID));
  }

  @Test
  void podmanRootfulAndRootless() {
    assertThat(of("cgroup-podman-v2.txt")).isEqualTo(new Container("podman", ID));
    assertThat(of("cgroup-podman-rootless-v2.txt")).isEqualTo(new Container("podman", ID));
  }

  @Test
  void podmansConmonIsNotAContainer() {
    assertThat(CgroupContainers.parse(Fixtures.text("proc/cgroup-podman-conmon-v2.txt"))).isEmpty();
  }

  @Test
  void kubernetesWithContainerdCriOAndTheCgroupfsDriver() {
    assertThat(of("cgroup-k8s-containerd-v1.txt")).isEqualTo(new Container("containerd", ID));
    assertThat(of("cgroup-crio-v2.txt")).isEqualTo(new Container("cri-o", ID));
    assertThat(of("cgroup-k8s-cgroupfs-v2.txt")).isEqualTo(new Container("kubernetes", ID));
  }

  @Test
  void hostProcessesHaveNoContainer() {
    assertThat(CgroupContainers.parse(Fixtures.text("proc/cgroup-host-v2.txt"))).isEmpty();
    // a 32-hex sandbox cgroup is not a 64-hex container id
    assertThat(CgroupContainers.parse(Fixtures.text("proc/cgroup-host-v1-captured.txt"))).isEmpty();
    assertThat(CgroupContainers.parse("0::/\n")).isEmpty();
    assertThat(CgroupContainers.parse("")).isEmpty();
  }

  @Test
  void aBareIdUnderAnUnknownParentIsNotTakenForAContainer() {
    assertThat(CgroupContainers.fromPath("/system.slice/" + ID)).isEmpty();
    assertThat(CgroupContainers.fromPath("/docker/" + ID.substring(1))).isEmpty();
  }

  @Test
  void theOuterContainerWinsForAContainerInAContainer() {
    String inner = ID.replace('3', '9');
    assertThat(CgroupContainers.fromPath("/docker/" + ID + "/docker/" + inner))
        .contains(new Container("docker", ID));
  }
}
