package io.gptload.admin;

import io.gptload.shared.Languages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AjaxBehaviorEvent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The console language of one session: English, Chinese or Japanese. It starts from the
 * browser's {@code Accept-Language} and changes with the language menu of every page.
 */
@Named
@SessionScoped
public class ConsoleLocale implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A language of the menu: its code and its own name. */
    public record Language(String code, String name) implements Serializable {
    }

    /** The console's languages, the default first. */
    public static final List<Language> LANGUAGES = List.of(
            new Language("en", "English"), new Language("zh", "中文"), new Language("ja", "日本語"));

    private String language = LANGUAGES.get(0).code();

    @PostConstruct
    void init() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null) {
            language = fromAcceptLanguage(ctx.getExternalContext().getRequestHeaderMap().get("Accept-Language"));
        }
    }

    /** {@code en}, {@code zh} or {@code ja} for an {@code Accept-Language} header (English when absent or other). */
    static String fromAcceptLanguage(String header) {
        return switch (Languages.resolve(header)) {
            case Languages.ZH_CN -> "zh";
            case Languages.JA_JP -> "ja";
            default -> "en";
        };
    }

    public List<Language> getLanguages() {
        return LANGUAGES;
    }

    public String getLanguage() {
        return language;
    }

    /** Switches to {@code code}; anything but a console language leaves the language as it is. */
    public void setLanguage(String code) {
        if (LANGUAGES.stream().anyMatch(l -> l.code().equals(code))) {
            language = code;
        }
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(language);
    }

    /**
     * The language menu changed: takes the chosen value (Ajax listeners of inputs run before the
     * model is updated) and reloads the page in the new language.
     */
    public void changed(AjaxBehaviorEvent event) {
        setLanguage(String.valueOf(((UIInput) event.getComponent()).getValue()));
        CurrentView.reload();
    }
}
