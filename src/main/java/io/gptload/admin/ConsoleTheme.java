package io.gptload.admin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The console theme of one session, light or dark: the PrimeFaces theme named by
 * {@code primefaces.THEME} in {@code web.xml} ({@code #{consoleTheme.name}}).
 */
@Named
@SessionScoped
public class ConsoleTheme implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String LIGHT = "saga-blue";
    static final String DARK = "arya-blue";

    private boolean dark;

    public boolean isDark() {
        return dark;
    }

    /** The PrimeFaces theme to render with. */
    public String getName() {
        return dark ? DARK : LIGHT;
    }

    /** Switches between light and dark. */
    void flip() {
        dark = !dark;
    }

    /** The theme button: switches and reloads the page. */
    public void toggle() {
        flip();
        CurrentView.reload();
    }
}
