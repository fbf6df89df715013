package io.frmonitor.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * This host's name, the default of {@code MONITORING_SERVER_NAME}: {@code HOSTNAME} from the
 * environment (Docker sets it), else the kernel's ({@code /proc/sys/kernel/hostname}), else the
 * JDK's; characters a server name may not hold become {@code _}; {@code fr-monitor} when none is
 * found.
 */
final class HostName {
  private static final String FALLBACK = "fr-monitor";
  private static final int MAX = 100;

  private HostName() {}

  static String of(Map<String, String> env) {
    String name = env.get("HOSTNAME");
    if (name == null || name.isBlank()) {
      name = kernel();
    }
    if (name.isBlank()) {
      name = jdk();
    }
    String fitted = name.trim().replaceAll("[^A-Za-z0-9_.\\-]", "_");
    fitted = fitted.length() > MAX ? fitted.substring(0, MAX) : fitted;
    return fitted.isEmpty() ? FALLBACK : fitted;
  }

  private static String kernel() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return ""; // not Linux
    }
  }

  private static String jdk() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
