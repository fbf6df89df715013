package io.frmonitor.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pickle virtual machine that only builds data. It reads protocols 0-5 in-band, never loads or
 * calls a class: globals become inert {@link PyGlobal}s, reductions of known NumPy and builtin
 * functions become placeholders or plain values ({@link Reducers}), anything else an opaque {@link
 * PyObject}. Every length is checked against the bytes left before anything is allocated, so a
 * payload cannot make it allocate more than a small multiple of its own size; the run is linear in
 * the payload's length.
 *
 * <p>Why not a library: the unpicklers available on Maven Central allocate the length a payload
 * declares before reading it (nine bytes can ask for 2 GiB), keep their class-constructor registry
 * in a static map, and have no depth limit.
 *
 * <p>Thread safety: one instance per payload; not thread-safe.
 */
final class SafeUnpickler {
  private static final int MAX_TEXT_INT_DIGITS = 4300; // CPython's own limit for int(str)
  private static final int MAX_BINARY_INT_BYTES = 1 << 16;

  private final byte[] data;
  private int pos;
  private final ArrayList<Object> stack = new ArrayList<>();
  private int[] marks = new int[16];
  private int markCount;
  private final Memo memo;

  private SafeUnpickler(byte[] data) {
    this.data = data;
    this.memo = new Memo(data.length);
  }

  /** Runs the pickle and returns its (still mutable) result. */
  static Object run(byte[] data) throws PickleFailure {
    return new SafeUnpickler(data).execute();
  }

  private Object execute() throws PickleFailure {
    while (pos < data.length) {
      int at = pos;
      int op = data[pos++] & 0xff;
      if (op == '.') {
        return pop();
      }
      try {
        step(op);
      } catch (RuntimeException e) { // a number that does not parse, a bad index
        throw malformed("opcode 0x" + Integer.toHexString(op) + " at " + at + ": " + e);
      }
    }
    throw new PickleFailure(DecodeError.TRUNCATED, "data ends at byte " + pos + " without STOP");
  }

  private void step(int op) throws PickleFailure {
    switch (op) {
      case 0x80 -> protocol();
      case 0x95 -> skip(u8()); // FRAME: the frame's length, the data is read as it comes
      case '(' -> pushMark();
      case '0' -> pop();
      case '1' -> popMark();
      case '2' -> push(peek());
      case 'N' -> push(PyNone.NONE);
      case 0x88 -> push(true);
      case 0x89 -> push(false);
      case 'I' -> push(textInt(line()));
      case 'J' -> push((long) i4());
      case 'K' -> push((long) u1());
      case 'M' -> push((long) (u1() | (u1() << 8)));
      case 'L' -> push(textLong(line()));
      case 0x8a -> push(binaryInt(u1()));
      case 0x8b -> push(binaryInt(length(i4())));
      case 'F' -> push(Double.parseDouble(line()));
      case 'G' -> push(Double.longBitsToDouble(bigEndianLong()));
      case 'S' -> push(quotedString(line()));
      case 'T' -> push(latin1(length(i4())));
      case 'U' -> push(latin1(u1()));
      case 'V' -> push(RawUnicode.decode(line()));
      case 'X' -> push(utf8(length(u4())));
      case 0x8c -> push(utf8(u1()));
      case 0x8d -> push(utf8(length(u8())));
      case 'B' -> push(new PyBytes(bytes(length(u4()))));
      case 'C' -> push(new PyBytes(bytes(u1())));
      case 0x8e, 0x96 -> push(new PyBytes(bytes(length(u8()))));
      case 0x97 -> throw unsupported("out-of-band buffers (NEXT_BUFFER)");
      case 0x98 -> peek(); // READONLY_BUFFER: nothing to do for a copy
      default -> containersAndObjects(op);
    }
  }

  private void containersAndObjects(int op) throws PickleFailure {
    switch (op) {
      case ']' -> push(new ArrayList<>());
      case 'l' -> push(new ArrayList<>(popMark()));
      case 'a' -> list(peekBelow(1)).add(pop());
      case 'e' -> appends();
      case ')' -> push(new PyTuple(List.of()));
      case 't' -> push(new PyTuple(popMark()));
      case 0x85 -> push(new PyTuple(popN(1)));
      case 0x86 -> push(new PyTuple(popN(2)));
      case 0x87 -> push(new PyTuple(popN(3)));
      case '}' -> push(new LinkedHashMap<>());
      case 'd' -> push(dictOf(popMark()));
      case 's' -> setItem();
      case 'u' -> setItems();
      case 0x8f -> push(new LinkedHashSet<>());
      case 0x90 -> addItems();
      case 0x91 -> push(setOf(popMark()));
      case 'g' -> push(memoGet(Long.parseLong(line())));
      case 'h' -> push(memoGet(u1()));
      case 'j' -> push(memoGet(u4()));
      case 'p' -> memo.put(Long.parseLong(line()), peek());
      case 'q' -> memo.put(u1(), peek());
      case 'r' -> memo.put(u4(), peek());
      case 0x94 -> memo.put(memo.size(), peek());
      default -> objects(op);
    }
  }

  private void objects(int op) throws PickleFailure {
    switch (op) {
      case 'c' -> push(new PyGlobal(line(), line()));
      case 0x93 -> stackGlobal();
      case 'R' -> reduce();
      case 'b' -> {
        Object state = pop();
        Reducers.build(peek(), state);
      }
      case 0x81 -> {
        Object args = pop();
        push(Reducers.instance(pop(), tuple(args)));
      }
      case 0x92 -> {
        pop(); // keyword arguments: not needed for inert data
        Object args = pop();
        push(Reducers.instance(pop(), tuple(args)));
      }
      case 'i' -> {
        PyGlobal type = new PyGlobal(line(), line());
        push(Reducers.instance(type, new PyTuple(popMark())));
      }
      case 'o' -> {
        List<Object> items = popMark();
        if (items.isEmpty()) {
          throw malformed("OBJ without a class");
        }
        push(Reducers.instance(items.get(0), new PyTuple(items.subList(1, items.size()))));
      }
      case 'P', 'Q' -> throw unsupported("persistent ids");
      case 0x82, 0x83, 0x84 -> throw unsupported("the copyreg extension registry");
      default ->
          throw malformed("unknown opcode 0x" + Integer.toHexString(op) + " at " + (pos - 1));
    }
  }

  // ---- opcodes with more than one step

  private void protocol() throws PickleFailure {
    int version = u1();
    if (version > 5) {
      throw unsupported("pickle protocol " + version);
    }
  }

  private void stackGlobal() throws PickleFailure {
    Object name = pop();
    Object module = pop();
    if (!(module instanceof String m) || !(name instanceof String n)) {
      throw malformed("STACK_GLOBAL needs two strings");
    }
    push(new PyGlobal(m, n));
  }

  private void reduce() throws PickleFailure {
    Object args = pop();
    Object callable = pop();
    push(Reducers.reduce(callable, tuple(args)));
  }

  private void appends() throws PickleFailure {
    List<Object> items = popMark();
    list(peek()).addAll(items);
  }

  private void setItem() throws PickleFailure {
    Object value = pop();
    Object key = pop();
    dict(peek()).put(Hashable.check(key), value);
  }

  private void setItems() throws PickleFailure {
    List<Object> items = popMark();
    Map<Object, Object> dict = dict(peek());
    putPairs(dict, items);
  }

  private void addItems() throws PickleFailure {
    List<Object> items = popMark();
    Object target = peek();
    if (!(target instanceof Set<?>)) {
      throw malformed("ADDITEMS on a non-set");
    }
    @SuppressWarnings("unchecked")
    Set<Object> set = (Set<Object>) target;
    for (Object item : items) {
      set.add(Hashable.check(item));
    }
  }

  private Map<Object, Object> dictOf(List<Object> items) throws PickleFailure {
    Map<Object, Object> dict = new LinkedHashMap<>();
    putPairs(dict, items);
    return dict;
  }

  private void putPairs(Map<Object, Object> dict, List<Object> items) throws PickleFailure {
    if (items.size() % 2 != 0) {
      throw malformed("odd number of items for a dict");
    }
    for (int i = 0; i < items.size(); i += 2) {
      dict.put(Hashable.check(items.get(i)), items.get(i + 1));
    }
  }

  private static Set<Object> setOf(List<Object> items) throws PickleFailure {
    Set<Object> set = new LinkedHashSet<>();
    for (Object item : items) {
      set.add(Hashable.check(item));
    }
    return set;
  }

  // ---- stack

  private void push(Object o) {
    stack.add(o);
  }

  private int floor() {
    return markCount == 0 ? 0 : marks[markCount - 1];
  }

  private Object pop() throws PickleFailure {
    if (stack.size() <= floor()) {
      throw malformed("stack underflow at byte " + pos);
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek() throws PickleFailure {
    return peekBelow(0);
  }

  private Object peekBelow(int depth) throws PickleFailure {
    int index = stack.size() - 1 - depth;
    if (index < floor()) {
      throw malformed("stack underflow at byte " + pos);
    }
    return stack.get(index);
  }

  private List<Object> popN(int n) throws PickleFailure {
    if (stack.size() - n < floor()) {
      throw malformed("stack underflow at byte " + pos);
    }
    List<Object> tail = stack.subList(stack.size() - n, stack.size());
    List<Object> items = new ArrayList<>(tail);
    tail.clear();
    return items;
  }

  private void pushMark() {
    if (markCount == marks.length) {
      marks = java.util.Arrays.copyOf(marks, marks.length * 2);
    }
    marks[markCount++] = stack.size();
  }

  private List<Object> popMark() throws PickleFailure {
    if (markCount == 0) {
      throw malformed("no MARK at byte " + pos);
    }
    int from = marks[--markCount];
    List<Object> tail = stack.subList(from, stack.size());
    List<Object> items = new ArrayList<>(tail);
    tail.clear();
    return items;
  }

  private Object memoGet(long index) throws PickleFailure {
    Object value = memo.get(index);
    if (value == null) {
      throw malformed("memo " + index + " not set");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o) throws PickleFailure {
    if (!(o instanceof ArrayList<?>)) {
      throw malformed("APPEND to a non-list");
    }
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object o) throws PickleFailure {
    if (!(o instanceof LinkedHashMap<?, ?>)) {
      throw malformed("SETITEM on a non-dict");
    }
    return (Map<Object, Object>) o;
  }

  private PyTuple tuple(Object o) throws PickleFailure {
    if (!(o instanceof PyTuple t)) {
      throw malformed("arguments are not a tuple");
    }
    return t;
  }

  // ---- reading bytes; every length is checked before anything is allocated

  private int remaining() {
    return data.length - pos;
  }

  private void need(long n) throws PickleFailure {
    if (n > remaining()) {
      throw new PickleFailure(
          DecodeError.TRUNCATED,
          "needs " + n + " bytes at byte " + pos + ", " + remaining() + " left");
    }
  }

  private int length(long n) throws PickleFailure {
    if (n < 0) {
      throw malformed("negative length at byte " + pos);
    }
    need(n);
    return (int) n;
  }

  private void skip(long n) throws PickleFailure {
    length(n);
  }

  private int u1() throws PickleFailure {
    need(1);
    return data[pos++] & 0xff;
  }

  private int i4() throws PickleFailure {
    need(4);
    int v =
        (data[pos] & 0xff)
            | (data[pos + 1] & 0xff) << 8
            | (data[pos + 2] & 0xff) << 16
            | (data[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  private long u4() throws PickleFailure {
    return Integer.toUnsignedLong(i4());
  }

  private long u8() throws PickleFailure {
    long low = u4();
    long high = u4();
    if (high != 0) {
      return Long.MAX_VALUE; // beyond any payload: fails the length check
    }
    return low;
  }

  private long bigEndianLong() throws PickleFailure {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  private byte[] bytes(int n) throws PickleFailure {
    need(n);
    byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  private String utf8(int n) throws PickleFailure {
    need(n);
    String s = new String(data, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  private String latin1(int n) throws PickleFailure {
    need(n);
    String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
    pos += n;
    return s;
  }

  /** A protocol-0 argument: the bytes up to the next newline. */
  private String line() throws PickleFailure {
    int start = pos;
    while (pos < data.length && data[pos] != '\n') {
      pos++;
    }
    if (pos >= data.length) {
      throw new PickleFailure(DecodeError.TRUNCATED, "unterminated line at byte " + start);
    }
    String s = new String(data, start, pos - start, StandardCharsets.ISO_8859_1);
    pos++;
    return s;
  }

  private static Object textInt(String s) {
    if (s.equals("00")) {
      return false;
    }
    if (s.equals("01")) {
      return true;
    }
    return normalize(new BigInteger(s.strip()));
  }

  private Object textLong(String s) throws PickleFailure {
    String digits = s.endsWith("L") ? s.substring(0, s.length() - 1) : s;
    if (digits.length() > MAX_TEXT_INT_DIGITS) {
      throw malformed("integer of " + digits.length() + " digits");
    }
    return normalize(new BigInteger(digits.strip()));
  }

  private Object binaryInt(int n) throws PickleFailure {
    if (n > MAX_BINARY_INT_BYTES) {
      throw malformed("integer of " + n + " bytes");
    }
    if (n == 0) {
      return 0L;
    }
    byte[] little = bytes(n);
    byte[] big = new byte[n];
    for (int i = 0; i < n; i++) {
      big[i] = little[n - 1 - i];
    }
    return normalize(new BigInteger(big));
  }

  /** Integers that fit in a long are Longs; only larger ones stay BigIntegers. */
  static Object normalize(BigInteger v) {
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private static String quotedString(String s) throws PickleFailure {
    String t = s.strip();
    if (t.length() < 2
        || t.charAt(0) != t.charAt(t.length() - 1)
        || "'\"".indexOf(t.charAt(0)) < 0) {
      throw new PickleFailure(DecodeError.MALFORMED, "STRING argument is not quoted");
    }
    return RawUnicode.decode(t.substring(1, t.length() - 1));
  }

  private PickleFailure malformed(String message) {
    return new PickleFailure(DecodeError.MALFORMED, message);
  }

  private static PickleFailure unsupported(String what) {
    return new PickleFailure(DecodeError.UNSUPPORTED, what + ": not supported");
  }
}
