package dev.pairstudio.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * A JSON file streamed element by element with Jackson's parser: a plain array of pairs (also
 * Spider and BIRD files) or the seed's export object, whose {@code pairs} array is read and the
 * rest ({@code statistics}) ignored. A record of the wrong shape is an error of that record; broken
 * JSON syntax ends the file, because nothing after it can be located reliably.
 */
final class JsonArraySource implements RecordSource {
    private final TextInput in;
    private final ObjectMapper json;
    private final PairMapper mapper;
    private JsonParser parser;
    private boolean inArray;
    /** The array is the "pairs" of an export object (whose other keys are skipped). */
    private boolean inObject;

    private boolean done;

    JsonArraySource(TextInput in, ObjectMapper json, PairMapper mapper) {
        this.in = in;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (done) {
            return null;
        }
        try {
            if (!inArray) {
                parser = json.getFactory().createParser(in);
                openArray();
                inArray = true;
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                if (t == JsonToken.END_ARRAY) {
                    checkRest();
                }
                return null;
            }
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node = json.readTree(parser);
            try {
                return SourceRecord.ok(line, mapper.fromJson(node));
            } catch (BadRecordException e) {
                return SourceRecord.bad(line, e.getMessage());
            }
        } catch (CharConversionException e) {
            done = true;
            throw new UnreadableFileException(
                    line(),
                    "the file is not valid UTF-8 here (" + e.getMessage() + "); the rest of the file was not read");
        } catch (JsonProcessingException e) {
            done = true;
            JsonLocation at = e.getLocation();
            throw new UnreadableFileException(
                    at == null ? line() : at.getLineNr(),
                    "invalid JSON (" + e.getOriginalMessage() + "); the rest of the file was not read");
        }
    }

    private long line() {
        return parser == null ? 0 : parser.currentLocation().getLineNr();
    }

    /**
     * After the pairs array: the rest of an export object, then the end of the file. Anything else
     * (an array closed early by a damaged comma, a second value) would otherwise hide records.
     */
    private void checkRest() throws IOException {
        if (inObject) {
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                parser.nextToken();
                parser.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                throw new UnreadableFileException(
                        parser.currentTokenLocation().getLineNr(),
                        "unexpected " + describe(t) + " after the pairs array; the rest of the file was not read");
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new UnreadableFileException(
                    parser.currentTokenLocation().getLineNr(),
                    "unexpected " + describe(after)
                            + " after the end of the " + (inObject ? "export object" : "array of pairs")
                            + " (the array may have been closed early); the rest of the file was not read");
        }
    }

    private String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "\"{\"";
            case START_ARRAY -> "\"[\"";
            case END_ARRAY -> "\"]\"";
            case END_OBJECT -> "\"}\"";
            default -> "\"" + PairMapper.shorten(parser.getText()) + "\"";
        };
    }

    private void openArray() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new UnreadableFileException(0, "the file is empty");
        }
        if (first == JsonToken.START_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("pairs".equals(name) && value == JsonToken.START_ARRAY) {
                    inObject = true;
                    return;
                }
                parser.skipChildren();
            }
            throw new UnreadableFileException(
                    1,
                    "a JSON object without a \"pairs\" array: expected the export shape "
                            + "{\"exported_at\", \"format_version\", \"total_pairs\", \"pairs\": [...]} or an array of pairs");
        }
        throw new UnreadableFileException(
                parser.currentTokenLocation().getLineNr(),
                "expected a JSON array of pairs or an export object with \"pairs\", found "
                        + (first.isNumeric()
                                ? "a number"
                                : first == JsonToken.VALUE_STRING ? "a string" : "\"" + parser.getText() + "\""));
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
