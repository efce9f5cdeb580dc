package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.testing.TestPair;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PresetTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExportRecord R = new ExportRecord(
            TestPair.of("id1", "Q?", "SELECT 1")
                    .on("mysql", null)
                    .tables("a", "b")
                    .tookMs("2.5")
                    .build(),
            QueryType.SELECT);

    private static String render(String template, String system, String context) throws Exception {
        PresetTemplate t = PresetTemplate.compile(JSON.readTree(template));
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            t.write(g, new PresetTemplate.Values(R, system, context));
        }
        return w.toString();
    }

    @Test
    void wholeValuesKeepTheirTypeAndTextInterpolates() throws Exception {
        assertThat(render(
                        "{\"t\": \"{{table_names}}\", \"ok\": \"{{success}}\", \"ms\": \"{{execution_time_ms}}\", "
                                + "\"db\": \"{{database_name}}\", \"s\": \"{{query_type}}: {{question}} [{{table_names}}]\"}",
                        null,
                        null))
                .isEqualTo("{\"t\":[\"a\",\"b\"],\"ok\":true,\"ms\":2.5,\"db\":null,\"s\":\"SELECT: Q? [a, b]\"}");
    }

    @Test
    void conditionsAndSections() throws Exception {
        String t = "{\"m\": [{\"$if\": \"system\", \"role\": \"system\", \"content\": \"{{system}}\"},"
                + " {\"role\": \"user\", \"content\": \"{{#context}}C: {{context}}\\n{{/context}}{{question}}\"}]}";
        assertThat(render(t, null, null)).isEqualTo("{\"m\":[{\"role\":\"user\",\"content\":\"Q?\"}]}");
        assertThat(render(t, "S", "ctx"))
                .isEqualTo(
                        "{\"m\":[{\"role\":\"system\",\"content\":\"S\"},{\"role\":\"user\",\"content\":\"C: ctx\\nQ?\"}]}");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> render("{\"x\": \"{{nope}}\"}", null, null))
                .hasMessageContaining("unknown name \"nope\"");
        assertThatThrownBy(() -> render("{\"x\": \"{{#context}}a\"}", null, null))
                .hasMessageContaining("without closing");
        assertThatThrownBy(() -> Preset.parse("{\"name\": \"x\"}", "x.json")).hasMessageContaining("\"record\"");
    }

    @Test
    void builtInsLoad() {
        for (String n : Preset.BUILT_IN) {
            assertThat(Preset.builtIn(n).name()).isEqualTo(n);
        }
        assertThat(Preset.builtIn("hf").layout()).isEqualTo(Preset.Layout.FOLDER);
    }
}
