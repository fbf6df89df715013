package io.frmonitor.app;

import io.frmonitor.alert.rule.RuleException;
import io.frmonitor.api.AlertsReport;
import io.frmonitor.api.StatusReport;
import io.frmonitor.config.ConfigException;
import io.frmonitor.config.LogFormat;
import io.frmonitor.config.Settings;
import io.frmonitor.config.SettingsLoader;
import io.frmonitor.config.Variable;
import io.frmonitor.state.StateInUseException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code serve} (default), {@code check-config}, {@code status}, {@code alerts},
 * {@code check-rules FILE}, {@code export-rules}, {@code self-test}, {@code --help}, {@code
 * --version}. Exit codes: 0 fine, 1 a running instance reports trouble, 2 bad usage or
 * configuration, 3 no instance answers.
 */
final class Cli {
  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  /** Returned by {@link #run} when the service was started and the JVM must stay up. */
  static final int KEEP_RUNNING = -1;

  static final int EXIT_USAGE = 2;
  static final String VERSION = "0.1.0";

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  Cli(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    int arguments = command.equals("check-rules") ? 1 : 0;
    if (args.length > arguments + 1) {
      err.println(
          "fr-monitor: unexpected argument '" + args[arguments + 1] + "'; see fr-monitor --help");
      return EXIT_USAGE;
    }
    switch (command) {
      case "check-rules" -> {
        return RulesCommands.check(args.length > 1 ? args[1] : null, out, err);
      }
      case "--help", "-h", "help" -> {
        out.print(usage());
        return 0;
      }
      case "--version", "version" -> {
        out.println("fr-monitor " + VERSION);
        return 0;
      }
      default -> {
        // commands that need the configuration follow
      }
    }
    Settings settings;
    try {
      settings = SettingsLoader.load(env);
    } catch (ConfigException e) {
      return refuse(command, "invalid configuration: " + e.getMessage());
    }
    return switch (command) {
      case "serve" -> serve(settings);
      case "check-config" -> checkConfig(settings);
      case "status" -> StatusReport.print(settings.http(), out, err);
      case "alerts" -> AlertsReport.print(settings.http(), out, err);
      case "export-rules" -> RulesCommands.export(settings.alerts().rulesFile(), out, err);
      case "self-test" -> SelfTest.run(settings, out, err);
      default -> {
        err.println("fr-monitor: unknown command '" + command + "'; see fr-monitor --help");
        yield EXIT_USAGE;
      }
    };
  }

  private int checkConfig(Settings settings) {
    out.println("configuration is valid; effective values:");
    settings.describe().forEach((v, value) -> out.printf("  %s=%s%n", v.name(), value));
    return 0;
  }

  private int serve(Settings settings) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> LOG.error("uncaught exception in thread {}", thread.getName(), e));
    Instant processStart =
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    Service service;
    try {
      service = Service.start(settings, Clock.systemUTC(), processStart);
    } catch (RuleException e) {
      return refuse("serve", "invalid alert rules: " + e.getMessage());
    } catch (StateInUseException e) {
      return refuse("serve", String.valueOf(e.getMessage()));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // SIGTERM (docker stop, systemctl stop) or Ctrl-C: operators read from these
                  // two lines that the stop was clean and how long it took
                  long begin = System.nanoTime();
                  LOG.info("fr-monitor stopping");
                  service.close();
                  LOG.info(
                      "fr-monitor stopped in {} ms",
                      java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(
                          System.nanoTime() - begin));
                  stopped.countDown();
                },
                "fr-shutdown"));
    LOG.info(
        "fr-monitor {} listening on http://{}:{} (poll every {}, history {})",
        VERSION,
        settings.http().host(),
        service.port(),
        settings.describe().get(Variable.MONITORING_POLL_INTERVAL),
        settings.describe().get(Variable.MONITORING_HISTORY_WINDOW));
    return KEEP_RUNNING;
  }

  /**
   * Says why {@code command} cannot run and returns {@link #EXIT_USAGE}. The service's own reasons
   * are a log line when the logs are JSON, so that a log collector reading them gets no line it
   * cannot parse; the other commands answer a person, in plain text.
   */
  private int refuse(String command, String reason) {
    String format = env.getOrDefault(Variable.MONITORING_LOG_FORMAT.name(), "");
    if (command.equals("serve") && LogFormat.parse(format).orElse(null) == LogFormat.JSON) {
      LOG.error("fr-monitor cannot start: {}", reason);
    } else {
      err.println("fr-monitor: " + reason);
    }
    return EXIT_USAGE;
  }

  static String usage() {
    StringBuilder b = new StringBuilder();
    b.append("Usage: fr-monitor [command]\n\n")
        .append("Read-only monitoring service for the fr-server face-recognition system.\n\n")
        .append("Commands:\n")
        .append("  serve          run the service (the default)\n")
        .append("  check-config   validate the configuration, print effective values (secrets")
        .append(" masked)\n")
        .append("  status         print the health of the instance at MONITORING_HTTP_HOST:")
        .append("MONITORING_HTTP_PORT\n")
        .append("  alerts         print that instance's alerts; exit 0 none firing, 1 a warning,")
        .append(" 2 a critical one, 3 no answer\n")
        .append("  check-rules FILE  validate an alert rules file (with the shipped rules) without")
        .append(" starting\n")
        .append(
            "  export-rules   print the rules in force (MONITORING_ALERT_RULES over the shipped")
        .append(" ones) as a Prometheus rules file\n")
        .append(
            "  self-test      start a throw-away instance on a free loopback port, request every")
        .append(" endpoint, exit 0 if all answer\n")
        .append("  --help         print this text\n")
        .append("  --version      print the version\n\n")
        .append("Environment variables (default in brackets):\n");
    for (Variable v : Variable.values()) {
      b.append(String.format("  %-28s [%s]%n", v.name(), v.defaultValue()))
          .append(String.format("      %s: %s%n", v.description(), v.expected()));
    }
    return b.toString();
  }
}
