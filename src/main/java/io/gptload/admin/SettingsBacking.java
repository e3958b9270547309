package io.gptload.admin;

import io.gptload.settings.SettingsService;
import io.gptload.shared.ValidationException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;

/**
 * {@code settings.xhtml}: every system setting by category, with its description, in the
 * console's language. Save sends the edited settings to {@link SettingsService#update} (validated
 * there, applied at once); a rule broken shows its message next to the field and changes nothing.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SettingsService settings;
    @Inject
    ConsoleLocale consoleLocale;

    private SettingsForm form;

    private SettingsForm form() {
        if (form == null) {
            form = SettingsForm.of(settings.current(), consoleLocale.getLanguage());
        }
        return form;
    }

    public List<SettingsForm.Category> getCategories() {
        return form().categories();
    }

    /** Validates and stores the edited settings. */
    public void save() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        SettingsForm edited = form();
        edited.clearErrors();
        JsonObject changes = edited.changes();
        if (changes.isEmpty()) {
            message(ctx, FacesMessage.SEVERITY_INFO, ConsoleMessages.text(ctx, "settings.unchanged"));
            return;
        }
        try {
            settings.update(changes);
        } catch (ValidationException e) {
            message(ctx, FacesMessage.SEVERITY_ERROR, edited.fail(e, consoleLocale.getLanguage()));
            ctx.validationFailed();
            return;
        }
        form = null;
        message(ctx, FacesMessage.SEVERITY_INFO, ConsoleMessages.text(ctx, "settings.saved", changes.size()));
    }

    /** Drops the edits: the fields show the settings in force again. */
    public void reset() {
        form = null;
    }

    private static void message(FacesContext ctx, FacesMessage.Severity severity, String text) {
        ctx.addMessage(null, new FacesMessage(severity, text, text));
    }
}
