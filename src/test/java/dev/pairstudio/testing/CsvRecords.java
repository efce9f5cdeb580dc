package dev.pairstudio.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** An exported CSV read back as a spreadsheet would: RFC 4180, the first line naming the columns. */
public final class CsvRecords {
    private CsvRecords() {}

    /** The records after the header, each readable by column name. */
    public static List<CSVRecord> read(Reader in) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(in)
                .getRecords();
    }

    public static List<CSVRecord> read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
