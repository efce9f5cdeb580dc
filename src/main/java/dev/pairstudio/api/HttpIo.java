package dev.pairstudio.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading requests and writing responses on the JDK's HTTP server: JSON bodies only, bounded in
 * size (413 before reading when the length is declared), and every answer JSON with the same
 * safe headers. An {@link UncheckedIOException} out of here means the client went away.
 */
final class HttpIo {
    static final String JSON_TYPE = "application/json";
    /** Past this many bytes a refused body is not read any further: the connection is closed instead. */
    private static final long DISCARD_LIMIT = 16L << 20;

    private HttpIo() {}

    /** JSON bodies only, as the seed's Flask {@code request.get_json()}: application/json or application/*+json. */
    static void requireJson(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!(mime.equals(JSON_TYPE) || mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiException(
                    415,
                    "Content-Type must be application/json"
                            + (type == null ? " (none was given)" : ", not " + shorten(type)));
        }
    }

    /** The whole body, refused with 413 beyond {@code max} bytes (before reading when the length is declared). */
    static byte[] readBody(HttpExchange ex, long max) {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Invalid Content-Length");
            }
        }
        if (length > max) {
            discardBody(ex, length);
            throw tooLarge(max);
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 8192);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    discardBody(ex, DISCARD_LIMIT);
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and drops what is left of a refused body (up to a bound), so that a client still
     * sending it can read the 413 instead of meeting a reset connection.
     */
    private static void discardBody(HttpExchange ex, long expected) {
        if (expected > DISCARD_LIMIT) {
            return;
        }
        try {
            InputStream in = ex.getRequestBody();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < DISCARD_LIMIT && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the client gave up: nothing to answer anyway
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(
                413,
                "The body is larger than " + max + " bytes; send fewer pairs per request",
                List.of(),
                Map.of("Connection", "close"));
    }

    static void send(HttpExchange ex, int status, byte[] body) {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", JSON_TYPE);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        try {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sendError(HttpExchange ex, ApiException e) {
        try {
            e.headers().forEach(ex.getResponseHeaders()::set);
            send(ex, e.status(), ApiJson.errorBody(e.getMessage(), e.errors()));
        } catch (UncheckedIOException | IllegalStateException ignored) {
            // headers already sent (a streamed export failed midway) or the client is gone
        }
    }

    /** A value quoted back in an error message, cut to a readable length. */
    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
