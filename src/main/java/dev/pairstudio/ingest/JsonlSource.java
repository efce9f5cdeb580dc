package dev.pairstudio.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSONL, line by line. A line longer than {@link #MAX_LINE_BYTES} is skipped without being held
 * in memory; invalid UTF-8, NUL bytes and invalid JSON (also anything after the line's one
 * object) are errors of that line only.
 */
final class JsonlSource implements RecordSource {
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final TextInput in;
    /** One value per line: {@code {...} {...}} or {@code {...} junk} is an error of the line, not its first object. */
    private final ObjectReader json;

    private final PairMapper mapper;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[8192];
    private long lineNo;

    JsonlSource(TextInput in, ObjectMapper json, PairMapper mapper) {
        this.in = in;
        this.json = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.mapper = mapper;
    }

    /** Bytes read from the file but not yet consumed (scanning byte by byte through the stream would be slow). */
    private final byte[] chunk = new byte[1 << 16];

    private int chunkPos;
    private int chunkLen;

    @Override
    public SourceRecord next() throws IOException {
        while (true) {
            int len = 0;
            boolean tooLong = false;
            long lineBytes = 0;
            boolean newline = false;
            while (!newline) {
                if (chunkPos == chunkLen) {
                    chunkLen = in.read(chunk, 0, chunk.length);
                    chunkPos = 0;
                    if (chunkLen <= 0) {
                        chunkLen = 0;
                        break;
                    }
                }
                int end = chunkPos;
                while (end < chunkLen && chunk[end] != '\n') {
                    end++;
                }
                int n = end - chunkPos;
                lineBytes += n;
                if (lineBytes > MAX_LINE_BYTES) {
                    tooLong = true; // keep reading to the end of the line, holding nothing
                } else if (n > 0) {
                    if (len + n > buf.length) {
                        buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(MAX_LINE_BYTES, buf.length * 2)));
                    }
                    System.arraycopy(chunk, chunkPos, buf, len, n);
                    len += n;
                }
                newline = end < chunkLen;
                chunkPos = newline ? end + 1 : end;
            }
            if (!newline && lineBytes == 0) {
                return null;
            }
            lineNo++;
            if (tooLong) {
                return SourceRecord.bad(
                        lineNo,
                        "the line is " + lineBytes + " bytes long, over the limit of " + MAX_LINE_BYTES
                                + " bytes for one pair; skipped");
            }
            if (len > 0 && buf[len - 1] == '\r') {
                len--;
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(buf, 0, len)).toString();
            } catch (CharacterCodingException e) {
                return SourceRecord.bad(lineNo, "the line is not valid UTF-8; save the file as UTF-8");
            }
            if (text.isBlank()) {
                continue;
            }
            if (text.indexOf('\0') >= 0) {
                return SourceRecord.bad(lineNo, "the line contains a NUL byte");
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                return SourceRecord.bad(lineNo, "invalid JSON: " + e.getOriginalMessage());
            }
            try {
                return SourceRecord.ok(lineNo, mapper.fromJson(node));
            } catch (BadRecordException e) {
                return SourceRecord.bad(lineNo, e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
