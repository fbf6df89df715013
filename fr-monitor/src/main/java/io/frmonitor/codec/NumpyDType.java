package io.frmonitor.codec;

/**
 * A NumPy dtype such as {@code u1} or {@code f8}, with its byte order ({@code <}, {@code >}, {@code
 * |}).
 */
public record NumpyDType(String code, String byteOrder) {}
