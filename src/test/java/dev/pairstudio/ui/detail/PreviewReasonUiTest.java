package dev.pairstudio.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.privacy.Pseudonymizer;
import dev.pairstudio.testing.UiFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The preview says why a finding was raised when a context word decided it. */
@ExtendWith(ApplicationExtension.class)
class PreviewReasonUiTest {
    @RegisterExtension
    final UiFixture ui = new UiFixture();

    private PreviewPane pane;

    @Start
    void start(Stage stage) {
        pane = ui.mount(stage, new PreviewPane(), 900, 500);
    }

    @Test
    void aContextDecidedFindingNamesItsContextWord(FxRobot robot) {
        Anonymizer anonymizer = new Anonymizer(
                Policy.defaults(),
                new Pseudonymizer("preview-reason-key-32-bytes-long".getBytes(StandardCharsets.UTF_8)));
        var result = anonymizer.anonymizePair(
                "Mobile: 0491 57 30 22, or mail ann@corp.example.org",
                "SELECT * FROM c WHERE e = 'ann@corp.example.org'",
                "sqlite",
                null);
        robot.interact(() -> pane.show(result, "default"));
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(pane, texts));
        assertThat(texts).anyMatch(t -> t.startsWith("PHONE, from context 'Mobile:' in question: 0491 57 30 22"));
        // validation alone decided the e-mail address: no context is claimed for it
        assertThat(texts).anyMatch(t -> t.startsWith("EMAIL in question: ann@corp.example.org"));
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Label l && l.getStyleClass().contains("finding") && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), out);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
