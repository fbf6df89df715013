package io.frmonitor.collect.gpu;

import io.frmonitor.model.ProcessAttribution.Container;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the container a process runs in from its {@code /proc/<pid>/cgroup} file. Pure.
 *
 * <p>Each line is {@code hierarchy-id:controllers:path} (cgroup v1: one line per hierarchy; v2: one
 * line {@code 0::path}). The path names the container in one of these forms:
 *
 * <ul>
 *   <li>{@code docker-<id>.scope}, {@code libpod-<id>.scope} (podman), {@code
 *       cri-containerd-<id>.scope}, {@code crio-<id>.scope}, {@code nerdctl-<id>.scope}: the
 *       systemd cgroup driver, v1 or v2;
 *   <li>{@code /docker/<id>} (cgroupfs driver), {@code /libpod_parent/libpod-<id>} (podman's
 *       cgroupfs), {@code /kubepods/<qos>/pod<uid>/<id>} (Kubernetes' cgroupfs driver: the runtime
 *       is not in the path).
 * </ul>
 *
 * <p>{@code <id>} is 64 lower-case hex digits. The first segment that names a container wins: for a
 * container in a container that is the outer one, the one the host's runtime knows. A path seen
 * from another cgroup namespace ({@code /../docker-<id>.scope}) is read the same way. Conmon's own
 * scopes ({@code libpod-conmon-<id>.scope}) are not containers. A process of the host has no
 * container.
 */
final class CgroupContainers {
  private static final Pattern SCOPED =
      Pattern.compile("(docker|libpod|cri-containerd|crio|nerdctl)-([0-9a-f]{64})(?:\\.scope)?");
  private static final Pattern BARE = Pattern.compile("[0-9a-f]{64}");

  private CgroupContainers() {}

  /** The container the cgroup file names, or empty for a process outside containers. */
  static Optional<Container> parse(String cgroupFile) {
    for (String line : cgroupFile.split("\n", -1)) {
      String[] f = line.split(":", 3);
      if (f.length == 3) {
        Optional<Container> c = fromPath(f[2].strip());
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  /** The container one cgroup path names. */
  static Optional<Container> fromPath(String path) {
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      Matcher scoped = SCOPED.matcher(segments[i]);
      if (scoped.matches()) {
        return Optional.of(new Container(runtime(scoped.group(1)), scoped.group(2)));
      }
      String segment = segments[i];
      Optional<String> bare =
          BARE.matcher(segment).matches() ? bareRuntime(segments, i) : Optional.empty();
      if (bare.isPresent()) {
        return Optional.of(new Container(bare.get(), segment));
      }
    }
    return Optional.empty();
  }

  private static String runtime(String prefix) {
    return switch (prefix) {
      case "libpod" -> "podman";
      case "cri-containerd", "nerdctl" -> "containerd";
      case "crio" -> "cri-o";
      default -> prefix;
    };
  }

  /** A bare id is a container only under a parent that says so. */
  private static Optional<String> bareRuntime(String[] segments, int at) {
    if (at > 0 && segments[at - 1].equals("docker")) {
      return Optional.of("docker");
    }
    for (int i = 0; i < at; i++) {
      if (segments[i].startsWith("kubepods")) {
        return Optional.of("kubernetes");
      }
    }
    return Optional.empty();
  }
}
