package dev.pairstudio.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Parent;

/** Light and dark: AtlantaFX's Primer themes plus the {@code :dark} pseudo-class our sheet keys its colours on. */
public final class Theme {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private Theme() {
    }

    public static void apply(Parent root, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        root.pseudoClassStateChanged(DARK, dark);
    }

    public static boolean isDark(Parent root) {
        return root.getPseudoClassStates().contains(DARK);
    }
}
