package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExportWritersTest {
    @Test
    void csvCellsAreNeutralisedThenQuotedMinimally() {
        assertThat(ExportWriters.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ExportWriters.cell("+1")).isEqualTo("'+1");
        assertThat(ExportWriters.cell("-1")).isEqualTo("'-1");
        assertThat(ExportWriters.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(ExportWriters.cell("\tx")).isEqualTo("'\tx");
        assertThat(ExportWriters.cell("=a,b")).isEqualTo("\"'=a,b\"");
        assertThat(ExportWriters.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ExportWriters.cell("plain text")).isEqualTo("plain text");
        assertThat(ExportWriters.cell("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void numbersKeepIntOrFloat() {
        assertThat(ExportWriters.numberText(new BigDecimal("45"))).isEqualTo("45");
        assertThat(ExportWriters.numberText(new BigDecimal("45.0"))).isEqualTo("45.0");
        assertThat(ExportWriters.numberText(new BigDecimal("1E+3"))).isEqualTo("1000.0");
        assertThat(ExportWriters.numberText(null)).isEmpty();
    }
}
