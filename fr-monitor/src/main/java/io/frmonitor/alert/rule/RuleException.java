package io.frmonitor.alert.rule;

/**
 * A rules file that cannot be used, with where: the file, the rule and the field. The service stops
 * with it at start-up (exit code 2, as for bad configuration).
 */
public final class RuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleException(String message) {
    super(message);
  }

  public RuleException(String message, Throwable cause) {
    super(message, cause);
  }
}
