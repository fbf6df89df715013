package io.frmonitor.api;

/**
 * Every error the API answers: {@code {"error": "bad_request", "message": "...", "status": 400}}.
 */
record ErrorDto(String error, String message, int status) {}
