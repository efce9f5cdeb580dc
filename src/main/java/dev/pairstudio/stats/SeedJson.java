package dev.pairstudio.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/**
 * The seed's JSON layouts, as Python's {@code json.dumps} writes them with
 * {@code ensure_ascii=False}: one line with {@code ", "} and {@code ": "} separators (JSONL), or
 * {@code indent=2} ({@code "key": value}, one entry per line, {@code []} and {@code {}} when empty).
 * Non-ASCII characters are written raw.
 */
public final class SeedJson {
    /** Writes characters outside the BMP (emoji) as raw UTF-8 too, not as escaped surrogate pairs. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.AFTER)
            .withArrayValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("")
            .withRootSeparator("");

    private static final Separators INDENTED = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("")
            .withRootSeparator("");

    private SeedJson() {}

    /** {@code {"a": 1, "b": [1, 2]}} on one line. */
    public static PrettyPrinter oneLine() {
        return new DefaultPrettyPrinter(SEPARATORS)
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    /** Python's {@code indent=2}. */
    public static PrettyPrinter indented() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(INDENTED).withObjectIndenter(lf).withArrayIndenter(lf);
    }

    /** A generator on {@code out} with {@link #indented()} layout. */
    public static JsonGenerator indentedGenerator(Writer out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(indented());
    }
}
