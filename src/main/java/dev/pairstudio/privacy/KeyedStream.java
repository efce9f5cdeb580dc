package dev.pairstudio.privacy;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * Deterministic pseudo-random digits and letters drawn from HMAC-SHA-256(key, message ‖ block):
 * the same key and message always give the same stream, and without the key the stream says
 * nothing about the message.
 */
final class KeyedStream {
    private final Mac mac;
    private final byte[] message;
    private byte[] block = new byte[0];
    private int pos;
    private int counter;

    KeyedStream(Mac mac, String message) {
        this.mac = mac;
        this.message = message.getBytes(StandardCharsets.UTF_8);
    }

    int nextByte() {
        if (pos >= block.length) {
            mac.update(message);
            mac.update(new byte[] {0, (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            block = mac.doFinal();
            counter++;
            pos = 0;
        }
        return block[pos++] & 0xFF;
    }

    /** Uniform in [0, bound) for bound ≤ 256, by rejection so there is no modulo bias. */
    int nextInt(int bound) {
        if (bound <= 256) {
            int limit = 256 - 256 % bound;
            while (true) {
                int b = nextByte();
                if (b < limit) {
                    return b % bound;
                }
            }
        }
        int limit = 65536 - 65536 % bound;
        while (true) {
            int v = nextByte() << 8 | nextByte();
            if (v < limit) {
                return v % bound;
            }
        }
    }

    char digit() {
        return (char) ('0' + nextInt(10));
    }

    char lower() {
        return (char) ('a' + nextInt(26));
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(digit());
        }
        return sb.toString();
    }

    String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(nextInt(16), 16));
        }
        return sb.toString();
    }
}
