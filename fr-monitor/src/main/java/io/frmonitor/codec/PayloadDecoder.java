package io.frmonitor.codec;

/**
 * Decodes fr-server payloads — Python pickles (protocols 0-5, in-band) and JSON — into inert,
 * immutable Java values, choosing by the first byte that is not whitespace: an object or array
 * opening, a quote, a digit, a minus sign or the letters t, f, n mean JSON; anything else (a pickle
 * starts with 0x80 from protocol 2 on) means pickle.
 *
 * <p>Values are {@link String}, {@link Long} or {@link java.math.BigInteger}, {@link Double},
 * {@link Boolean}, {@link PyNone}, {@link PyBytes}, {@link java.util.List} (Python list), {@link
 * PyTuple}, {@link java.util.Map} (dict, insertion order kept), {@link java.util.Set}, NumPy
 * placeholders ({@link NdArray}, {@link NumpyScalar}, {@link NumpyDType}) and, for classes
 * fr-monitor does not know, {@link PyObject} and {@link PyGlobal}. Collections are unmodifiable and
 * never contain null.
 *
 * <p>Never throws and never runs payload code: every problem is a {@link DecodeResult.Failed} with
 * a {@link DecodeError}. Pure; thread-safe.
 */
public final class PayloadDecoder {
  private final DecodeLimits limits;
  private final JsonPayloads json;

  public PayloadDecoder(DecodeLimits limits) {
    this.limits = limits;
    this.json = new JsonPayloads(limits);
  }

  public DecodeLimits limits() {
    return limits;
  }

  public DecodeResult decode(byte[] payload) {
    if (payload.length == 0) {
      return new DecodeResult.Failed(DecodeError.EMPTY, "empty payload");
    }
    if (payload.length > limits.maxBytes()) {
      return new DecodeResult.Failed(
          DecodeError.TOO_LARGE,
          payload.length
              + " bytes, more than "
              + limits.maxBytes()
              + " (MONITORING_PAYLOAD_MAX_BYTES)");
    }
    boolean isJson = looksLikeJson(payload);
    try {
      Object value =
          isJson
              ? json.decode(payload)
              : Freezer.freeze(SafeUnpickler.run(payload), limits.maxDepth());
      return new DecodeResult.Decoded(
          value, isJson ? DecodeResult.Format.JSON : DecodeResult.Format.PICKLE);
    } catch (PickleFailure e) {
      return new DecodeResult.Failed(e.error(), e.detail());
    } catch (RuntimeException | StackOverflowError e) { // a bug here must not kill a collector
      return new DecodeResult.Failed(DecodeError.MALFORMED, "decoder error: " + e);
    }
  }

  private static boolean looksLikeJson(byte[] payload) {
    for (byte b : payload) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        continue;
      }
      return "{[\"-0123456789tfn".indexOf(b) >= 0;
    }
    return true; // only whitespace: JSON says "no value"
  }
}
