package dev.pairstudio.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Parent;

/** Light and dark: AtlantaFX's Primer themes plus the {@code :dark} pseudo-class our sheet keys its colours on. */
public final class Theme {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private Theme() {}

    public static void apply(Parent root, boolean dark) {
        String sheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!sheet.equals(Application.getUserAgentStylesheet())) { // setting it again re-styles every open scene
            Application.setUserAgentStylesheet(sheet);
        }
        root.pseudoClassStateChanged(DARK, dark);
    }

    public static boolean isDark(Parent root) {
        return root.getPseudoClassStates().contains(DARK);
    }
}
