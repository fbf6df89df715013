package io.frmonitor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a GPU process belongs to, as read from the host's {@code /proc}: the variables of its
 * environment that name an fr-server pipeline worker and the container its cgroup names ({@link
 * Known}); or why that could not be read ({@link Unknown}). Nothing here is guessed: a value is
 * either read or absent.
 */
public sealed interface ProcessAttribution
    permits ProcessAttribution.Known, ProcessAttribution.Unknown {

  /** Before the GPU collector has looked the process up. */
  ProcessAttribution NOT_LOOKED_UP = new Unknown("not looked up");

  /**
   * The process's environment was read. A variable the environment does not set is empty (a host
   * process without {@code PIPELINE_ID} is known and belongs to no pipeline).
   *
   * @param pipelineId {@code PIPELINE_ID}
   * @param serviceType {@code SERVICE_TYPE}
   * @param namespace {@code NAMESPACE} (the fr-server's {@code SERVER_NAME})
   * @param hostname {@code HOSTNAME}: in a Docker container the container's short id, unless the
   *     compose service sets {@code hostname:}
   * @param container the container its cgroup path names; empty for a process outside containers
   */
  record Known(
      Optional<String> pipelineId,
      Optional<String> serviceType,
      Optional<String> namespace,
      Optional<String> hostname,
      Optional<Container> container)
      implements ProcessAttribution {
    public Known {
      Objects.requireNonNull(pipelineId, "pipelineId");
      Objects.requireNonNull(serviceType, "serviceType");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(container, "container");
    }
  }

  /** The process could not be looked up; {@code reason} says why, for operators. */
  record Unknown(String reason) implements ProcessAttribution {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A container as its cgroup path names it.
   *
   * @param runtime {@code docker}, {@code podman}, {@code containerd}, {@code cri-o}, or {@code
   *     kubernetes} (a bare id under {@code kubepods}: the path does not say which runtime)
   * @param id the full container id (64 hex digits), as {@code docker ps --no-trunc} shows it
   */
  record Container(String runtime, String id) {
    public Container {
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(id, "id");
    }
  }
}
