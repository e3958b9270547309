package io.gptload.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The console's texts ({@code io/gptload/admin/messages_*.properties}, known to pages as
 * {@code msg}) in the language of the current view, and the {@link FacesMessage}s built from them.
 */
final class ConsoleMessages {

    /** The bundle's base name and its page variable. */
    static final String BUNDLE = "io.gptload.admin.messages";
    static final String VAR = "msg";

    private ConsoleMessages() {
    }

    /** The text under {@code key}, with {@code args} filled in; {@code ???key???} when it is missing. */
    static String text(FacesContext ctx, String key, Object... args) {
        Objects.requireNonNull(key, "key");
        ResourceBundle bundle = ctx.getApplication().getResourceBundle(ctx, VAR);
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** Adds an error message for the whole page. */
    static void error(FacesContext ctx, String key, Object... args) {
        String text = text(ctx, key, args);
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
