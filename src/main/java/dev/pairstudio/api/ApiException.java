package dev.pairstudio.api;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses: the HTTP status and the JSON error body {@code {"error": message}},
 * optionally with {@code "errors"} (one entry per bad field). Never carries a stack trace.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final List<Map<String, Object>> errors;
    private final Map<String, String> headers;

    ApiException(int status, String message) {
        this(status, message, List.of(), Map.of());
    }

    ApiException(int status, String message, List<Map<String, Object>> errors) {
        this(status, message, errors, Map.of());
    }

    ApiException(int status, String message, List<Map<String, Object>> errors, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    List<Map<String, Object>> errors() {
        return errors;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
