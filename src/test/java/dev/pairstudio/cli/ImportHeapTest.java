package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An import that will not fit its heap says so before it starts (issue 24: 10M pairs ran out of
 * the installed CLI's 2 GB after 35 minutes, at 7.7M pairs), and one that fits stays quiet:
 * 1M pairs finish at -Xmx256m (issue 24 item 4).
 */
class ImportHeapTest {
    private static final long GB = 1L << 30;

    @Test
    void tenMillionPairsInTheInstalledTwoGigabytesAreWarnedAboutWithAHeapThatFits() {
        String warning = ImportHeap.warning(10_000_000, 2 * GB);
        assertThat(warning)
                .startsWith("Warning: 10,000,000 pairs (stored and to import) need about 2.0 GB of memory")
                .contains("this process may use 2.1 GB")
                .contains("JAVA_TOOL_OPTIONS=-Xmx3g")
                .contains("it resumes where it stopped");
        assertThat(ImportHeap.warning(10_000_000, 3 * GB))
                .as("the suggested heap fits")
                .isNull();
    }

    @Test
    void importsThatFitAreNotWarnedAbout() {
        assertThat(ImportHeap.warning(1_000_000, 256L << 20))
                .as("1M at -Xmx256m finishes")
                .isNull();
        assertThat(ImportHeap.warning(1_000_000, 2 * GB)).isNull();
        assertThat(ImportHeap.warning(0, 64L << 20)).isNull();
    }
}
