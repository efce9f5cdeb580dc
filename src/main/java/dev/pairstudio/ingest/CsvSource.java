package dev.pairstudio.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The seed's CSV (header row, then one pair per record, fields possibly spanning lines). */
final class CsvSource implements RecordSource {
    private static final List<String> REQUIRED = List.of("natural_language_query", "sql_query");

    private final TextInput in;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long nextLine = 2;

    CsvSource(TextInput in) {
        this.in = in;
    }

    @Override
    public SourceRecord next() throws IOException {
        try {
            if (parser == null) {
                open();
            }
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            long line = nextLine;
            nextLine = parser.getCurrentLineNumber() + 1;
            if (!r.isConsistent()) {
                return SourceRecord.bad(
                        line,
                        "the row has " + dev.pairstudio.pair.Plural.of(r.size(), "field") + ", the header has "
                                + parser.getHeaderNames().size());
            }
            Map<String, String> row = r.toMap();
            try {
                return SourceRecord.ok(line, PairMapper.fromCsv(row));
            } catch (BadRecordException e) {
                return SourceRecord.bad(line, e.getMessage());
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (CharacterCodingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            if (e instanceof UnreadableFileException) {
                throw e;
            }
            throw unreadable(e);
        }
    }

    private void open() throws IOException {
        var reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader);
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new UnreadableFileException(0, "the file is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !seen.add(name)) {
                // commons-csv keeps one of them and then calls every row inconsistent
                throw new UnreadableFileException(
                        1, "the header names the column \"" + name + "\" twice; rename or remove one and import again");
            }
        }
        if (!header.containsAll(REQUIRED)) {
            throw new UnreadableFileException(
                    1,
                    "the header has no natural_language_query and sql_query columns; "
                            + "expected the Pair Studio CSV columns (pair_id, natural_language_query, sql_query, timestamp, ...)");
        }
        records = parser.iterator();
    }

    private UnreadableFileException unreadable(Throwable e) {
        long line = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
        if (e instanceof CharacterCodingException) {
            return new UnreadableFileException(
                    line, "the file is not valid UTF-8 here; save it as UTF-8 (the rest of the file was not read)");
        }
        return new UnreadableFileException(
                line, "unreadable CSV (" + e.getMessage() + "); the rest of the file was not read");
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
