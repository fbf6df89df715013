package io.frmonitor.config;

/**
 * A configuration value that cannot be used. The message is one line naming the variable, the
 * offending value (masked when secret) and the expected form, fit to print before exiting.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  public ConfigException(String variable, String shownValue, String expected) {
    super(variable + "=" + quote(shownValue) + ": expected " + expected);
    this.variable = variable;
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\n", "\\n") + "\"";
  }
}
